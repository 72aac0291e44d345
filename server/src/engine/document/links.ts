import GithubSlugger from 'github-slugger';
import type { Definition, Image, Link } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import type { FileSystem } from '../fileSystem';
import { parseDocument, type OpsDocument } from './parse';
import { RecentCache } from '../recentCache';

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
    return text;
  }
}

export const MARKDOWN_FILE = /\.(?:md|markdown|mdx)$/i;

const anchorCache = new WeakMap<OpsDocument, string[]>();
/** `<a name="x">`, `<div id="x">`: anchors written in HTML. */
const HTML_ANCHOR = /\s(?:id|name)\s*=\s*["']?([^"'\s>]+)/gi;
/** `## Title {#custom-id}`: an explicit heading id (Hugo, kramdown, Pandoc). */
const CUSTOM_ID = /\{#([\w-]+)\}\s*$/;

/** The fragments that land in a document: GitHub's heading slugs, explicit ids, HTML anchors. */
export function anchorsOf(doc: OpsDocument): string[] {
  let anchors = anchorCache.get(doc);
  if (!anchors) {
    const slugger = new GithubSlugger();
    const found: string[] = [];
    visit(doc.tree, ['heading', 'html'], (node) => {
      if (node.type === 'html') {
        for (const match of node.value.matchAll(HTML_ANCHOR)) found.push(match[1]);
        return;
      }
      const text = toString(node);
      const custom = CUSTOM_ID.exec(text);
      if (custom) found.push(custom[1]);
      const title = custom ? text.slice(0, custom.index).trimEnd() : text;
      found.push(slugger.slug(title));
      const collapsed = pythonMarkdownSlug(title);
      if (collapsed !== found[found.length - 1]) found.push(collapsed);
    });
    anchors = found;
    anchorCache.set(doc, anchors);
  }
  return anchors;
}

/**
 * The anchor MkDocs (Python-Markdown's toc) gives a heading: like GitHub's, but runs of blanks and
 * hyphens make one hyphen ("Swoop - Overriding" is `swoop-overriding`, not `swoop---overriding`).
 */
function pythonMarkdownSlug(title: string): string {
  const kept = title.normalize('NFKD').replace(/[^\w\s-]/g, '').trim().toLowerCase();
  return kept.split(/[\s-]+/).filter(Boolean).join('-');
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
