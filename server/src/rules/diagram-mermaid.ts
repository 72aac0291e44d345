import { codeBlocks, lineColumnToDocumentOffset } from '../engine/document/codeBlocks';
import { didYouMean } from '../engine/closest';
import { mermaidParser } from '../engine/diagrams/mermaid';
import { MERMAID_DIAGRAM_TYPES } from '../engine/diagrams/mermaidTypes';
import type { Rule } from '../engine/rule';

export const diagramMermaid: Rule = {
  id: 'diagram-mermaid',
  description: "A mermaid block that Mermaid's own parser rejects.",
  defaultSeverity: 'error',
  async check({ doc, report, range }) {
    const blocks = codeBlocks(doc).filter((block) => block.lang === 'mermaid');
    if (blocks.length === 0) return;
    const parse = await mermaidParser();
    for (const block of blocks) {
      const problem = await parse(block.value);
      if (!problem) continue;
      // Jison counts columns from 0; without a place, the diagram's first line carries the finding.
      const start = lineColumnToDocumentOffset(block, problem.line ?? 1, (problem.column ?? 0) + 1);
      const lineEnd = doc.lines.lineEnd(doc.lines.positionAt(start).line);
      const type = /^unknown diagram type "(.*)"$/.exec(problem.message)?.[1];
      const hint = type ? didYouMean(type, MERMAID_DIAGRAM_TYPES) : '';
      report({ message: `Mermaid cannot parse this diagram: ${problem.message}${hint}`, range: range(start, Math.max(lineEnd, start)) });
    }
  },
};
