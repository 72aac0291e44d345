import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import { toString } from 'mdast-util-to-string';
import type { Heading as MdastHeading, Root, RootContent } from 'mdast';
import { LineIndex } from './text';
import { reparse } from './incremental';
import { findUnclosedFrontMatter, readFrontMatter, type FrontMatter } from './frontMatter';

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm);
/** For text after a document's start, where `---` is a thematic break and never front matter. */
const fragmentProcessor = unified().use(remarkParse).use(remarkGfm);
const parsers = { document: (text: string) => processor.parse(text), fragment: (text: string) => fragmentProcessor.parse(text) };

export interface Heading {
  depth: number;
  text: string;
  /** Offsets of the heading line. */
  start: number;
  end: number;
  /** Where the section this heading opens ends: the next heading of the same or a higher level. */
  sectionEnd: number;
  /** Whether anything but headings and comments lies inside the section. */
  hasContent: boolean;
}

/** A document parsed once; every rule reads this. */
export interface OpsDocument {
  /** Absolute file system path. */
  path: string;
  /** The text, without a byte order mark (the Markdown parser drops it, so offsets stay true). */
  text: string;
  lines: LineIndex;
  tree: Root;
  frontMatter?: FrontMatter;
  unclosedFrontMatter?: { start: number; end: number };
  headings: Heading[];
}

/**
 * Parses a document; given its previous version, parses again only the blocks the edit touched
 * (`reparse`), which keeps typing in a long runbook cheap.
 */
export function parseDocument(path: string, rawText: string, previous?: OpsDocument): OpsDocument {
  const text = rawText.charCodeAt(0) === 0xfeff ? rawText.slice(1) : rawText;
  const lines = new LineIndex(text);
  const tree = (previous && reparse(previous, text, lines, parsers)) ?? processor.parse(text);
  const first = tree.children[0];
  return {
    path,
    text,
    lines,
    tree,
    // Typing below the front matter keeps its node, so its YAML is not read again.
    frontMatter: first?.type === 'yaml' ? (first === previous?.tree.children[0] ? previous.frontMatter : readFrontMatter(first, text)) : undefined,
    unclosedFrontMatter: first?.type === 'yaml' ? undefined : findUnclosedFrontMatter(text),
    headings: collectHeadings(tree, text.length),
  };
}

/** Headings in document order, with the extent of the section each opens. */
function collectHeadings(tree: Root, textLength: number): Heading[] {
  const blocks = tree.children;
  const headings: Heading[] = [];
  const open: Heading[] = [];
  const close = (depth: number, at: number) => {
    while (open.length > 0 && open[open.length - 1].depth >= depth) open.pop()!.sectionEnd = at;
  };
  for (const block of blocks) {
    if (block.type === 'heading') {
      const heading = toHeading(block);
      close(heading.depth, heading.start);
      headings.push(heading);
      open.push(heading);
    } else if (isContent(block)) {
      for (const heading of open) heading.hasContent = true;
    }
  }
  close(0, textLength);
  return headings;
}

function toHeading(node: MdastHeading): Heading {
  return {
    depth: node.depth,
    text: toString(node).trim(),
    start: node.position!.start.offset!,
    end: node.position!.end.offset!,
    sectionEnd: node.position!.end.offset!,
    hasContent: false,
  };
}

function isContent(block: RootContent): boolean {
  if (block.type === 'html') return !/^\s*<!--[\s\S]*-->\s*$/.test(block.value);
  return block.type !== 'yaml' && block.type !== 'definition';
}
