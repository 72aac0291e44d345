import { codeBlocks, toDocumentOffset } from '../engine/codeBlocks';
import { jsonProblem } from '../engine/examples/json';
import type { Rule } from '../engine/rule';

export const exampleJson: Rule = {
  id: 'example-json',
  description: 'A json (or jsonc) code block that does not parse.',
  defaultSeverity: 'error',
  check({ doc, report, range }) {
    for (const block of codeBlocks(doc)) {
      if (block.lang !== 'json' && block.lang !== 'jsonc') continue;
      const problem = jsonProblem(block.value, block.lang === 'jsonc');
      if (!problem) continue;
      report({ message: problem.message, range: range(toDocumentOffset(block, problem.start), toDocumentOffset(block, problem.end)) });
    }
  },
};
