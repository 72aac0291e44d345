import { SKIP, visit } from 'unist-util-visit';
import { codeBlocks, toDocumentOffset, type CodeBlock } from '../engine/document/codeBlocks';
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
 * HERE`, `ADD THE ESCALATION POLICY HERE`. A verb of filling in, or a noun of what is missing, must
 * lead it: `CLICK HERE` is a (loud) link, not a gap. Quoted, it is talked about.
 */
const SHOUTED_FILL_IN =
  /(?<!["'“‘`\w])(?:(?:INSERT|ADD|PUT|PASTE|FILL[ \t]+IN|ENTER|REPLACE|WRITE|DESCRIBE|UPDATE)\b[A-Z0-9 \t_'’/&-]{0,60}?\bHERE|(?:[A-Z][A-Z0-9]*[ \t]+){0,4}(?:LINKS?|URL|NAME|DATE|ISSUE|TICKET|NUMBER|DESCRIPTION|DETAILS|TEXT|SCREENSHOT|IMAGE|DIAGRAM|COMMAND|VALUE|EMAIL|CHANNEL|DASHBOARD|GRAPH|CONTACT|OWNER|TEAM|INFO)[ \t]+HERE)\b(?!["'”’`])/g;
const CODE_COMMENT_MARKER = /^[ \t]*(?:#|\/\/|--|;)[ \t]*(TODO|FIXME|XXX|TBD)\b/gm;

export const placeholder: Rule = {
  id: 'placeholder',
  description: 'TODO, FIXME, XXX, TBD or <REPLACE_ME>-style text left in the document.',
  defaultSeverity: 'warning',
  check(context) {
    const { doc } = context;
    const blocks = new Map<unknown, CodeBlock>(codeBlocks(doc).map((block) => [block.node, block]));
    visit(doc.tree, (node) => {
      // Quoted passages show what others wrote (a scribe's notes, an alert's text); they are not this document's gaps.
      if (node.type === 'blockquote') return SKIP;
      // Nodes the parser synthesises (GFM autolinks' text) have no position of their own; their parent's text covers them.
      const start = node.position?.start.offset;
      if (start === undefined) return undefined;
      // `[TODO](https://tracker/issue/123)`: a marker that links to where the work is tracked is a status.
      if ((node.type === 'link' && node.url.trim() !== '') || node.type === 'linkReference') {
        visit(node, 'text', (text) => {
          if (text.position?.start.offset !== undefined) scan(context, text.value, text.position.start.offset, [FILL_IN, SHOUTED_FILL_IN]);
        });
        return SKIP;
      }
      if (node.type === 'text' || node.type === 'html') scan(context, node.value, start, [MARKERS, FILL_IN, SHOUTED_FILL_IN]);
      if (node.type === 'code') scanCodeComments(context, blocks.get(node)!);
      return undefined;
    });
    scanFrontMatter(context);
  },
};

/** Text nodes hold unescaped text, so offsets are only trusted when the value is verbatim in the source. */
function scan(context: RuleContext, value: string, start: number, patterns: RegExp[]): void {
  const verbatim = context.doc.text.startsWith(value, start);
  for (const pattern of patterns) {
    for (const match of value.matchAll(pattern)) {
      const token = match[1] ?? match[2] ?? match[0];
      const index = match.index! + match[0].lastIndexOf(token);
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
