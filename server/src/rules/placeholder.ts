import { SKIP, visit } from '../engine/document/visit';
import { allCodeBlocks, toDocumentOffset, type CodeBlock } from '../engine/document/codeBlocks';
import type { Rule, RuleContext } from '../engine/rule';

/**
 * A marker left as a note to self: upper case ("todo list" is prose), not quoted
 * (`prefix it with "TODO"` talks about markers), and opening a line, standing alone
 * or introducing a note ("TODO add the diagram", "Owner: TBD", "(FIXME)") rather than
 * used as a word mid-sentence ("go through any TODO items").
 */
const MARKERS = /(?<!["'“‘`])\b(TODO|FIXME|XXX|TBD)\b(?=[ \t]*(?:[:)\]—–-]|\.[ \t]*(?:$|\r|\n)|$|\r|\n))|(?<=^|[\r\n])[ \t]*\b(TODO|FIXME|XXX|TBD)\b/g;
/** `<REPLACE_ME>`, `<INSERT-VALUE>`, `<YOUR_TEAM>`: explicit fill-me-ins. `<namespace>` or `<USER_A>` in prose are deliberate variables. */
const FILL_IN = /<(?:REPLACE|INSERT|YOUR|FILL|CHANGE|ENTER)[A-Z0-9_ -]*>/g;
/**
 * Fill-ins shouted in capitals and ending in HERE: `LINK HERE`, `ISSUE LINK HERE`, `INSERT DIAGRAM
 * HERE`, `ADD THE ESCALATION POLICY HERE`. A verb of filling in must lead it, or a noun of what is
 * missing stand just before HERE: `CLICK HERE` is a (loud) link, not a gap. Quoted, it is talked about.
 */
const HERE = /\bHERE\b/g;
const FILL_VERBS = new Set(['INSERT', 'ADD', 'PUT', 'PASTE', 'FILL', 'ENTER', 'REPLACE', 'WRITE', 'DESCRIBE', 'UPDATE']);
const FILL_NOUNS = new Set(['LINK', 'LINKS', 'URL', 'NAME', 'DATE', 'ISSUE', 'TICKET', 'NUMBER', 'DESCRIPTION', 'DETAILS', 'TEXT', 'SCREENSHOT', 'IMAGE', 'DIAGRAM', 'COMMAND', 'VALUE', 'EMAIL', 'CHANNEL', 'DASHBOARD', 'GRAPH', 'CONTACT', 'OWNER', 'TEAM', 'INFO']);
const SHOUTED_WORD = /^[A-Z][A-Z0-9_'’/&-]*$/;
const QUOTES = '"\'“”‘’`';
/** What a shouted word starts after: a blank, an opening bracket or a quote. */
const WORD_EDGE = ` \t\n\r([{<${QUOTES}`;
/** Words before HERE looked at: `INSERT THE LINK TO THE DASHBOARD HERE` is seven. */
const MAX_WORDS = 8;
/** `THE ON-CALL TEAM NAME HERE`: a noun and up to four words before it. */
const MAX_NOUN_PHRASE = 5;

/** The shouted fill-ins of a text: their offsets in it and their words. */
function shoutedFillIns(value: string): Array<{ index: number; token: string }> {
  const found: Array<{ index: number; token: string }> = [];
  for (const match of value.matchAll(HERE)) {
    const end = match.index! + 4;
    if (end < value.length && QUOTES.includes(value[end])) continue;
    // The capitalised words just before HERE, nearest first.
    const words: Array<{ word: string; at: number }> = [];
    let cursor = match.index!;
    while (words.length < MAX_WORDS) {
      let wordEnd = cursor;
      while (wordEnd > 0 && (value[wordEnd - 1] === ' ' || value[wordEnd - 1] === '\t')) wordEnd--;
      if (wordEnd === cursor) break;
      let wordStart = wordEnd;
      while (wordStart > 0 && !WORD_EDGE.includes(value[wordStart - 1])) wordStart--;
      const word = value.slice(wordStart, wordEnd);
      if (!SHOUTED_WORD.test(word)) break;
      words.push({ word, at: wordStart });
      cursor = wordStart;
    }
    if (words.length === 0) continue;
    const verb = [...words].reverse().find(({ word }) => FILL_VERBS.has(word));
    const start = verb?.at ?? (FILL_NOUNS.has(words[0].word) ? words[Math.min(words.length, MAX_NOUN_PHRASE) - 1].at : undefined);
    const before = start === undefined || start === 0 ? '' : value[start - 1];
    if (start === undefined || (before !== '' && (QUOTES.includes(before) || /\w/.test(before)))) continue;
    found.push({ index: start, token: value.slice(start, end) });
  }
  return found;
}

const CODE_COMMENT_MARKER = /^[ \t]*(?:#|\/\/|--|;)[ \t]*(TODO|FIXME|XXX|TBD)\b/gm;

export const placeholder: Rule = {
  id: 'placeholder',
  description: 'TODO, FIXME, XXX, TBD or <REPLACE_ME>-style text left in the document.',
  defaultSeverity: 'warning',
  check(context) {
    const { doc } = context;
    const blocks = new Map<unknown, CodeBlock>(allCodeBlocks(doc).map((block) => [block.node, block]));
    visit(doc.tree, (node) => {
      // Quoted passages show what others wrote (a scribe's notes, an alert's text); they are not this document's gaps.
      if (node.type === 'blockquote') return SKIP;
      // Nodes the parser synthesises (GFM autolinks' text) have no position of their own; their parent's text covers them.
      const start = node.position?.start.offset;
      if (start === undefined) return undefined;
      // `[TODO](https://tracker/issue/123)`: a marker that links to where the work is tracked is a status.
      if ((node.type === 'link' && node.url.trim() !== '') || node.type === 'linkReference') {
        visit(node, 'text', (text) => {
          if (text.position?.start.offset !== undefined) scan(context, text.value, text.position.start.offset, IN_LINK_TEXT);
        });
        return SKIP;
      }
      if (node.type === 'text' || node.type === 'html') scan(context, node.value, start, IN_TEXT);
      if (node.type === 'code') scanCodeComments(context, blocks.get(node)!);
      return undefined;
    });
    scanFrontMatter(context);
  },
};

/** Finds placeholders in a text: where each starts in it, and its text. */
type Finder = (value: string) => Iterable<{ index: number; token: string }>;

function byPattern(pattern: RegExp): Finder {
  return function* (value) {
    for (const match of value.matchAll(pattern)) {
      const token = match[1] ?? match[2] ?? match[0];
      yield { index: match.index! + match[0].lastIndexOf(token), token };
    }
  };
}

const IN_TEXT: Finder[] = [byPattern(MARKERS), byPattern(FILL_IN), shoutedFillIns];
/** A link's text: a marker there is a status, a fill-in still a gap. */
const IN_LINK_TEXT: Finder[] = [byPattern(FILL_IN), shoutedFillIns];

/** Text nodes hold unescaped text, so offsets are only trusted when the value is verbatim in the source. */
function scan(context: RuleContext, value: string, start: number, finders: Finder[]): void {
  const verbatim = context.doc.text.startsWith(value, start);
  for (const find of finders) {
    for (const { index, token } of find(value)) {
      const at = verbatim ? start + index : locate(context.doc.text, token, start + index);
      context.report({ message: `Placeholder "${token}" left in the document`, range: context.range(at, at + token.length) });
    }
  }
}

function locate(text: string, token: string, from: number): number {
  const at = text.indexOf(token, from);
  return at < 0 ? from : at;
}

function scanCodeComments(context: RuleContext, block: CodeBlock): void {
  for (const match of block.value.matchAll(CODE_COMMENT_MARKER)) {
    // Offsets through the block's line map: indented and list-nested blocks lose a prefix per line.
    const at = toDocumentOffset(block, match.index! + match[0].lastIndexOf(match[1]));
    context.report({ message: `Placeholder "${match[1]}" left in a code comment`, range: context.range(at, at + match[1].length) });
  }
}

function scanFrontMatter(context: RuleContext): void {
  const fm = context.doc.frontMatter;
  if (!fm || fm.syntaxErrors.length > 0) return;
  const content = context.doc.text.slice(fm.contentStart, fm.contentEnd);
  for (const match of content.matchAll(/^([\w-]+):[ \t]*["']?(TODO|FIXME|XXX|TBD)["']?[ \t]*$/gm)) {
    const at = fm.contentStart + match.index! + match[0].lastIndexOf(match[2]);
    context.report({ message: `Placeholder "${match[2]}" left in front matter key ${match[1]}`, range: context.range(at, at + match[2].length) });
  }
}
