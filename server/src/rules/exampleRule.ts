import { codeBlocks, toDocumentOffset } from '../engine/document/codeBlocks';
import type { ExampleProblem } from '../engine/examples/json';
import type { Rule } from '../engine/rule';

/** A rule that parses the code blocks of some languages and reports the first fault of each. */
export function exampleRule(id: string, description: string, languages: readonly string[], problemOf: (text: string, lang: string) => ExampleProblem | undefined): Rule {
  return {
    id,
    description,
    defaultSeverity: 'error',
    check({ doc, report, range }) {
      for (const block of codeBlocks(doc)) {
        if (!languages.includes(block.lang)) continue;
        const problem = problemOf(block.value, block.lang);
        if (problem) report({ message: problem.message, range: range(toDocumentOffset(block, problem.start), toDocumentOffset(block, problem.end)) });
      }
    },
  };
}
