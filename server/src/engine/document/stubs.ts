import { toString } from 'mdast-util-to-string';
import type { RootContent } from 'mdast';
import type { OpsDocument } from './parse';

/**
 * Why a page is a stub rather than a document of its type: it says it was moved or retired, or it
 * is only a pointer elsewhere. Stubs get no section or review findings: there is nothing to complete.
 */
export type StubKind = 'moved' | 'deprecated' | 'link-only';

/** "This alert has been moved to …", "… was renamed to …", "… superseded by …". */
const MOVED = [/\b(?:moved|relocated|migrated|renamed|merged)\s+(?:permanently\s+)?(?:to|into|over\s+to)\b/i, /\b(?:replaced|superseded)\s+by\b/i, /^\W*moved\b/i];

/** "[Deprecated] …", "Deprecated: …", "This alert is deprecated / no longer fires / was removed". */
const DEPRECATED = [
  /^\W*(?:deprecated|obsolete|retired)\b/i,
  /\bthis\s+(?:alert|page|runbook|document|doc|playbook|guide|rule)\s+(?:has\s+been|is|was)\s+(?:now\s+)?(?:deprecated|obsolete|retired|removed|no\s+longer\s+(?:used|fired|firing|fires|exists|shipped|maintained|relevant))\b/i,
];

/** A statement of what the page became says so briefly: a real document saying "moved to" runs longer. */
const MAX_STATEMENT_WORDS = 80;
/** A page that is only a pointer: a link and a few words around it ("See [the new runbook](…)"). */
const MAX_POINTER_WORDS = 12;
/** Characters of a title or first paragraph read for a stub's statement. */
const MAX_STATEMENT_LENGTH = 400;
/** A pointer page's body is a line or two: longer text is read no further. */
const MAX_POINTER_LENGTH = 1000;

export function stubKind(doc: OpsDocument): StubKind | undefined {
  const blocks = bodyBlocks(doc);
  const title = leadingTitle(doc);
  const firstProse = blocks.find((b) => b.type === 'paragraph' || b.type === 'blockquote');
  // A stub says what it is at once: its title, or the start of its first paragraph.
  const statements = [title ? title.text : '', firstProse ? toString(firstProse) : ''].map((t) => t.slice(0, MAX_STATEMENT_LENGTH));
  if (statements.some((s) => DEPRECATED.some((re) => re.test(s)))) return 'deprecated';
  if (statements.some((s) => MOVED.some((re) => re.test(s))) && isShort(blocks)) return 'moved';
  if (isPointer(blocks)) return 'link-only';
  return undefined;
}

function isShort(blocks: RootContent[]): boolean {
  if (blocks.filter((b) => b.type === 'heading').length > 2) return false;
  // Eighty words are never more than a few thousand characters: a longer document is read no further.
  const length = blocks.reduce((n, b) => n + (b.type === 'code' ? 0 : b.position!.end.offset! - b.position!.start.offset!), 0);
  if (length > MAX_STATEMENT_WORDS * 40) return false;
  let words = 0;
  for (const block of blocks) if (block.type !== 'code' && (words += wordCount(toString(block))) > MAX_STATEMENT_WORDS) return false;
  return true;
}

/** A few words around a link and nothing else: no headings, code, tables or lists. */
function isPointer(blocks: RootContent[]): boolean {
  if (blocks.length === 0 || !blocks.every((b) => b.type === 'paragraph' || b.type === 'definition')) return false;
  const length = blocks.reduce((n, b) => n + (b.position!.end.offset! - b.position!.start.offset!), 0);
  if (length > MAX_POINTER_LENGTH) return false;
  const links = blocks.reduce((n, b) => n + linkCount(b), 0);
  const words = blocks.reduce((n, b) => n + wordCount(textOutsideLinks(b)), 0);
  return links > 0 && words <= MAX_POINTER_WORDS;
}

/**
 * Hugo's `[text]({{< ref "page.md" >}})` is a link to Hugo, though CommonMark reads it as text
 * (its destination has spaces): `[text](…)` left in the text counts as a link too.
 */
const TEXT_LINK = /\[[^[\]\r\n]{1,200}\]\([^()\r\n]{0,300}\)/g;

function linkCount(node: RootContent): number {
  if (node.type === 'link' || node.type === 'linkReference' || node.type === 'definition') return 1;
  if (node.type === 'text') return node.value.match(TEXT_LINK)?.length ?? 0;
  return 'children' in node ? (node.children as RootContent[]).reduce((n, c) => n + linkCount(c), 0) : 0;
}

function textOutsideLinks(node: RootContent): string {
  if (node.type === 'link' || node.type === 'linkReference' || node.type === 'definition') return '';
  if (node.type === 'text') return node.value.replace(TEXT_LINK, ' ');
  return 'children' in node ? (node.children as RootContent[]).map(textOutsideLinks).join(' ') : '';
}

/** The document's blocks but its front matter, comments and leading title. */
function bodyBlocks(doc: OpsDocument): RootContent[] {
  const title = leadingTitle(doc);
  return doc.tree.children.filter((block) => {
    if (block.type === 'yaml') return false;
    if (block.type === 'html' && /^\s*<!--[\s\S]*-->\s*$/.test(block.value)) return false;
    return !(title && block.type === 'heading' && block.position?.start.offset === title.start);
  });
}

function leadingTitle(doc: OpsDocument) {
  const first = doc.headings[0];
  return first?.depth === 1 ? first : undefined;
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}
