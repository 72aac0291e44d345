import type { Code } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from './visit';
import type { OpsDocument } from './parse';

/** A fenced code block, with a map from offsets in its content to offsets in the document. */
export interface CodeBlock {
  /** The info string's first word, lower case ("bash", "json"); empty when none. */
  lang: string;
  meta: string;
  /** The content as the parser gives it: list and blockquote indentation removed. */
  value: string;
  node: Code;
  /** Document offset of the start of each content line. */
  lineOffsets: number[];
  /**
   * Where the opening fence's language label is (`start === end` right after the fence when it
   * has none); absent for an indented block, which has no fence.
   */
  label?: { start: number; end: number };
  /** The text of the paragraph right before the block ("Example output:"), empty when none. */
  intro: string;
}

const cache = new WeakMap<OpsDocument, CodeBlock[]>();
const checkable = new WeakMap<OpsDocument, CodeBlock[]>();

/**
 * A line that includes another file when the site is built: MkDocs' `{!file!}`, pymdownx
 * snippets' `--8<-- "file"`, Jekyll's `{% include file %}`, Hugo's `{{< readfile file="x" >}}`.
 */
const TRANSCLUSION = /^[ \t]*(?:\{![^!\n]+!\}|;?-{1,2}8<-{1,2}(?:[ \t]+["'][^"'\n]*["'])?|\{%-?[ \t]*include(?:_relative)?[ \t][^%\n]*%\}|\{\{[<%][ \t]*(?:readfile|include|code)\b[^}\n]*[>%]\}\})[ \t]*$/;

/**
 * The code blocks whose text is theirs to check, in order: every block but those that only
 * include other files at build time (what they show is in those files, not here).
 */
export function codeBlocks(doc: OpsDocument): CodeBlock[] {
  let blocks = checkable.get(doc);
  if (!blocks) {
    blocks = allCodeBlocks(doc).filter((block) => !isTransclusion(block.value));
    checkable.set(doc, blocks);
  }
  return blocks;
}

function isTransclusion(value: string): boolean {
  const lines = value.split(/\r?\n|\r/).filter((line) => line.trim() !== '');
  return lines.length > 0 && lines.every((line) => TRANSCLUSION.test(line));
}

/** Every fenced or indented code block of the document, in order (computed once per document). */
export function allCodeBlocks(doc: OpsDocument): CodeBlock[] {
  let blocks = cache.get(doc);
  if (!blocks) {
    blocks = [];
    visit(doc.tree, 'code', (node, index, parent) => {
      const previous = index !== undefined && index > 0 ? parent?.children[index - 1] : undefined;
      blocks!.push({
        lang: (node.lang ?? '').toLowerCase(),
        meta: node.meta ?? '',
        value: node.value,
        node,
        lineOffsets: lineOffsetsOf(doc, node),
        label: labelOf(doc, node),
        intro: previous?.type === 'paragraph' ? toString(previous) : '',
      });
    });
    cache.set(doc, blocks);
  }
  return blocks;
}

/**
 * Content lines are the source lines after the opening fence, less a prefix of
 * indentation or `>` markers; so each content line ends where its source line ends.
 */
function lineOffsetsOf(doc: OpsDocument, node: Code): number[] {
  const contentLines = node.value.split(/\r\n|\r|\n/);
  const start = doc.lines.positionAt(node.position!.start.offset!).line;
  const fenced = /^[ \t>]*(```|~~~)/.test(doc.lines.lineText(start));
  const first = fenced ? start + 1 : start;
  return contentLines.map((content, i) => {
    const line = first + i;
    const lineEnd = doc.lines.lineEnd(line);
    return Math.max(doc.lines.lineStart(line), lineEnd - content.length);
  });
}

/** The opening fence's label: the first word of its info string. */
function labelOf(doc: OpsDocument, node: Code): CodeBlock['label'] {
  const start = node.position!.start.offset!;
  const fence = /^(?:`{3,}|~{3,})[ \t]*/.exec(doc.text.slice(start, doc.lines.lineEnd(doc.lines.positionAt(start).line)));
  if (!fence) return undefined;
  const labelStart = start + fence[0].length;
  const label = /^[^\s{`]*/.exec(doc.text.slice(labelStart))![0];
  return { start: labelStart, end: labelStart + label.length };
}

/** Maps an offset in a block's content to the document. */
export function toDocumentOffset(block: CodeBlock, contentOffset: number): number {
  let line = 0;
  let lineStart = 0;
  const value = block.value;
  for (let i = 0; i < contentOffset && i < value.length; i++) {
    if (value[i] === '\n' || (value[i] === '\r' && value[i + 1] !== '\n')) {
      line++;
      lineStart = i + 1;
    }
  }
  return (block.lineOffsets[line] ?? block.lineOffsets[block.lineOffsets.length - 1]) + (contentOffset - lineStart);
}

/** Maps a 1-based line and column inside a block's content (as parsers report them) to the document. */
export function lineColumnToDocumentOffset(block: CodeBlock, line: number, column: number): number {
  const index = Math.min(Math.max(line - 1, 0), block.lineOffsets.length - 1);
  return block.lineOffsets[index] + Math.max(column - 1, 0);
}
