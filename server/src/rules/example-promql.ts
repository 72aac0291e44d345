import { changeTo, DID_YOU_MEAN } from '../engine/closest';
import { codeBlocks, toDocumentOffset, type CodeBlock } from '../engine/document/codeBlocks';
import { promqlProblem, queryProblem, type QueryProblem } from '../engine/examples/promql';
import { EXAMPLE_PROMQL, recordedNames } from '../engine/examples/ruleFiles';
import { ruleFileQueries } from '../engine/examples/ruleQueries';
import type { Rule } from '../engine/rule';

/** Fence labels of PromQL. (`prometheus` is left out: it labels prometheus.yml configs as often as queries.) */
const PROMQL_LABELS = ['promql'];
const YAML_LABELS = ['yaml', 'yml'];

export const examplePromql: Rule = {
  id: EXAMPLE_PROMQL,
  description: "A PromQL query (a promql block, a rule's expr in a yaml block or a rule file) that Prometheus' grammar rejects.",
  defaultSeverity: 'error',
  fixes: { [DID_YOU_MEAN]: 'suggestion' },
  async check({ doc, config, fs, report, range }) {
    const blocks = codeBlocks(doc);
    const queries = blocks.filter((block) => PROMQL_LABELS.includes(block.lang));
    const rules = blocks.filter((block) => YAML_LABELS.includes(block.lang)).map((block) => ({ block, found: ruleFileQueries(block.value) }));
    if (queries.length === 0 && !rules.some((r) => r.found.queries.length > 0)) return;
    // Recorded names are checked only where the workspace's rule files record some; the document's own rules add to those.
    const recorded = recordedNames(config, fs);
    if (recorded.size > 0) for (const { found } of rules) for (const name of found.recorded) recorded.add(name);
    const place = (block: CodeBlock, problem: QueryProblem, at = 0) => {
      const where = range(toDocumentOffset(block, at + problem.start), toDocumentOffset(block, at + problem.end));
      report({ message: problem.message, range: where, severity: problem.severity, fixes: changeTo(where, problem.suggestion) });
    };
    for (const block of queries) {
      const problem = await promqlProblem(block.value, recorded);
      if (problem) place(block, problem);
    }
    for (const { block, found } of rules) {
      for (const query of found.queries) {
        const problem = await queryProblem(query.text, recorded);
        if (!problem) continue;
        if (query.exact) place(block, problem, query.start);
        else place(block, { ...problem, start: query.start, end: query.end, suggestion: undefined });
      }
    }
  },
};
