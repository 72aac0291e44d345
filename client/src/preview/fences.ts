import { diagramKind, type DiagramKind } from './protocol';

/** A fenced diagram block of a Markdown text; lines are 0-based, `end` is the closing fence's line. */
export interface DiagramBlock {
  kind: DiagramKind;
  start: number;
  end: number;
  source: string;
}

/**
 * The fenced `mermaid`/`plantuml`/`puml` blocks of a Markdown text, found line by line the
 * CommonMark way (``` or ~~~, closed by the same character at least as long). Any indentation is
 * accepted, so blocks nested in list items count; their content loses that indentation.
 */
export function findDiagramBlocks(text: string): DiagramBlock[] {
  const lines = text.split(/\r?\n/);
  const blocks: DiagramBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)(`{3,}|~{3,})(.*)$/.exec(lines[i]);
    if (!open || (open[2][0] === '`' && open[3].includes('`'))) continue;
    const [, indent, fence, info] = open;
    const close = new RegExp(`^\\s*${fence[0] === '`' ? '`' : '~'}{${fence.length},}\\s*$`);
    let end = i + 1;
    while (end < lines.length && !close.test(lines[end])) end++;
    const kind = diagramKind(info);
    if (kind) {
      const body = lines.slice(i + 1, end).map((line) => stripIndent(line, indent.length));
      blocks.push({ kind, start: i, end: Math.min(end, lines.length - 1), source: body.length ? `${body.join('\n')}\n` : '' });
    }
    i = end;
  }
  return blocks;
}

function stripIndent(line: string, width: number): string {
  let n = 0;
  while (n < width && (line[n] === ' ' || line[n] === '\t')) n++;
  return line.slice(n);
}

/** The block whose lines (fences included) hold `line`. */
export function blockAt(blocks: readonly DiagramBlock[], line: number): DiagramBlock | undefined {
  return blocks.find((block) => block.start <= line && line <= block.end);
}
