import { codeBlocks, toDocumentOffset } from '../engine/codeBlocks';
import { yamlProblem } from '../engine/examples/yaml';
import type { Rule } from '../engine/rule';

export const exampleYaml: Rule = {
  id: 'example-yaml',
  description: 'A yaml code block that does not parse.',
  defaultSeverity: 'error',
  check({ doc, report, range }) {
    for (const block of codeBlocks(doc)) {
      if (block.lang !== 'yaml' && block.lang !== 'yml') continue;
      const problem = yamlProblem(block.value);
      if (!problem) continue;
      report({ message: problem.message, range: range(toDocumentOffset(block, problem.start), toDocumentOffset(block, problem.end)) });
    }
  },
};
