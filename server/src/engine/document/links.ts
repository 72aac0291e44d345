import type { Definition, Image, Link } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from './visit';
import type { FileSystem } from '../fileSystem';
import { parseDocument, type OpsDocument } from './parse';
import { RecentCache } from '../recentCache';
import { newSlugger, type SlugFlavour } from './slugs';

/** A link, image or link definition, with the offsets of its destination in the document. */
export interface DocumentLink {
  url: string;
  start: number;
  end: number;
}

/** A URL with a scheme (`https:`, `mailto:`), protocol-relative, or a template: not a file of the workspace. */
const EXTERNAL = /^(?:[a-z][a-z\d+.-]*:|\/\/|\{\{|%7B%7B)/i;

const linksCache = new WeakMap<OpsDocument, DocumentLink[]>();

/** The document's relative links and fragments, in order (computed once per document). */
export function localLinks(doc: OpsDocument): DocumentLink[] {
  let links = linksCache.get(doc);
  if (!links) {
    links = [];
    visit(doc.tree, ['link', 'image', 'definition'], (node) => {
      const link = node as Link | Image | Definition;
      if (!link.url || EXTERNAL.test(link.url)) return;
      const span = destinationSpan(doc, link);
      if (span) links!.push({ url: link.url, ...span });
    });
    linksCache.set(doc, links);
  }
  return links;
}

/**
 * Where the destination is written: after the `](` that follows the link text (or after `]:`
 * in a definition), less the optional `<…>`. Undefined for an autolink or a reference.
 */
function destinationSpan(doc: OpsDocument, link: Link | Image | Definition): { start: number; end: number } | undefined {
  const nodeStart = link.position?.start.offset;
  const nodeEnd = link.position?.end.offset;
  if (nodeStart === undefined || nodeEnd === undefined) return undefined;
  const afterText = link.type === 'link' && link.children.length > 0 ? link.children[link.children.length - 1].position?.end.offset ?? nodeStart : nodeStart;
  const source = doc.text.slice(afterText, nodeEnd);
  const opener = link.type === 'definition' ? /\]:[ \t]*(?:\r?\n[ \t]*)?/.exec(source) : /\]\([ \t]*(?:\r?\n[ \t]*)?/.exec(source);
  if (!opener) return undefined;
  let start = afterText + opener.index + opener[0].length;
  const bracketed = doc.text[start] === '<';
  if (bracketed) start++;
  const rest = doc.text.slice(start, nodeEnd);
  const length = bracketed ? rest.indexOf('>') : /^[^\s)]*(?:\([^\s)]*\)[^\s)]*)*/.exec(rest)![0].length;
  return length > 0 ? { start, end: start + length } : undefined;
}

/** A destination split into its file part (decoded, maybe empty) and its fragment (decoded, maybe absent). */
export function splitDestination(url: string): { file: string; fragment?: string } {
  const hash = url.indexOf('#');
  const file = (hash < 0 ? url : url.slice(0, hash)).split('?')[0];
  return { file: decode(file), fragment: hash < 0 ? undefined : decode(url.slice(hash + 1)) };
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    // A stray `%` is no escape: the path is taken as written, and link-broken reports it if it leads nowhere.
    return text;
  }
}

export const MARKDOWN_FILE = /\.(?:md|markdown|mdx)$/i;

/** `<a name="x">`, `<div id="x">`: anchors written in HTML. */
const HTML_ANCHOR = /\s(?:id|name)\s*=\s*["']?([^"'\s>]+)/gi;
/** `## Title {#custom-id}`, `{: #custom-id .class }`: an explicit heading id (Hugo, kramdown, Pandoc, MkDocs' attr_list). */
const CUSTOM_ID = /^\{:?[ \t]*#([\w-]+)(?:[ \t][^{}]*)?\}$/;

/** A heading's explicit id, and where it starts in the heading's text. */
function customId(text: string): { id: string; index: number } | undefined {
  const trimmed = text.trimEnd();
  const index = trimmed.lastIndexOf('{');
  const match = index < 0 ? null : CUSTOM_ID.exec(trimmed.slice(index));
  return match ? { id: match[1], index } : undefined;
}

/** The ids of one document under one host's rules. */
export interface DocumentAnchors {
  /** Every fragment that lands in the document: heading ids (the host's alternatives too), explicit ids, HTML anchors. */
  all: string[];
  /** In document order, what a writer would link to: each heading's own id under its host, and each explicit id. */
  offered: Array<{ id: string; heading?: string }>;
}

const anchorCache = new WeakMap<OpsDocument, Map<SlugFlavour, DocumentAnchors>>();

/** The fragments that land in a document, under the slug rules of the host that renders it (GitHub's when unknown). */
export function documentAnchors(doc: OpsDocument, flavour: SlugFlavour = 'unknown'): DocumentAnchors {
  let byFlavour = anchorCache.get(doc);
  if (!byFlavour) anchorCache.set(doc, (byFlavour = new Map()));
  let anchors = byFlavour.get(flavour);
  if (!anchors) {
    const slug = newSlugger(flavour);
    const all: string[] = [];
    const offered: DocumentAnchors['offered'] = [];
    visit(doc.tree, ['heading', 'html'], (node) => {
      if (node.type === 'html') {
        for (const match of node.value.matchAll(HTML_ANCHOR)) {
          all.push(match[1]);
          offered.push({ id: match[1] });
        }
        return;
      }
      const text = toString(node);
      const custom = customId(text);
      if (custom) all.push(custom.id);
      const title = custom ? text.slice(0, custom.index).trimEnd() : text;
      const ids = slug(title);
      all.push(...ids);
      offered.push({ id: custom?.id ?? ids[0], heading: title });
    });
    anchors = { all, offered };
    byFlavour.set(flavour, anchors);
  }
  return anchors;
}

/** Every fragment that lands in a document (see documentAnchors). */
export function anchorsOf(doc: OpsDocument, flavour: SlugFlavour = 'unknown'): string[] {
  return documentAnchors(doc, flavour).all;
}

/** Link targets, parsed once per text: many documents link to the same few. */
const targets = new RecentCache<string, { text: string; doc: OpsDocument }>(256);

/** Larger targets are exports, not documents: their anchors are not read. */
const TARGET_MAX_LENGTH = 4 * 1024 * 1024;

export function targetDocument(fs: FileSystem, file: string): OpsDocument | undefined {
  const text = fs.readFile(file);
  if (text === undefined || text.length > TARGET_MAX_LENGTH) return undefined;
  const cached = targets.get(file);
  if (cached?.text === text) return cached.doc;
  const doc = parseDocument(file, text);
  targets.set(file, { text, doc });
  return doc;
}
