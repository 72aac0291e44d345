import { codeBlocks, toDocumentOffset } from '../engine/document/codeBlocks';
import type { ExampleProblem } from '../engine/examples/json';
import type { Rule, RuleContext } from '../engine/rule';

/**
 * A rule that checks the code blocks of some fence labels with a parser loaded on the first such
 * block (engine/examples/lazy.ts), and reports the first fault of each block.
 */
export function lazyExampleRule(
  id: string,
  description: string,
  labels: readonly string[],
  problemOf: (text: string, label: string, context: RuleContext) => Promise<ExampleProblem | undefined>,
): Rule {
  return {
    id,
    description,
    defaultSeverity: 'error',
    async check(context) {
      const { doc, report, range } = context;
      for (const block of codeBlocks(doc)) {
        if (!labels.includes(block.lang)) continue;
        const problem = await problemOf(block.value, block.lang, context);
        if (problem) report({ message: problem.message, range: range(toDocumentOffset(block, problem.start), toDocumentOffset(block, problem.end)) });
      }
    },
  };
}
