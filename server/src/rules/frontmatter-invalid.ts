import frontMatterSchema from '../../../schemas/frontmatter.schema.json';
import { isMap, isPair, isScalar } from 'yaml';
import { distance } from 'fastest-levenshtein';
import { closest, didYouMean } from '../engine/closest';
import type { Rule, RuleContext } from '../engine/rule';
import { compileSchema, schemaProblems } from '../engine/config/yamlSchema';

const validateFrontMatter = compileSchema(frontMatterSchema);

export const frontmatterInvalid: Rule = {
  id: 'frontmatter-invalid',
  description: 'Front matter that is not valid YAML, not closed, or has a key of the wrong kind.',
  defaultSeverity: 'error',
  // A type id is no command, date or link: when one id alone is near, writing it changes only which checks run.
  fixes: { 'correct-type': 'fix', 'type-candidate': 'suggestion' },
  check(context) {
    const { doc, report, range } = context;
    if (doc.unclosedFrontMatter) {
      report({ message: 'Front matter is not closed: add a line "---" after its last key', range: range(0, 3) });
    }
    const fm = doc.frontMatter;
    if (!fm) return;
    for (const error of fm.syntaxErrors) report({ message: `Invalid YAML in front matter: ${error.message}`, range: range(error.start, error.end) });
    if (fm.syntaxErrors.length > 0) return;
    if (!fm.data) {
      report({ message: 'Front matter must be a mapping of keys to values', range: range(fm.contentStart, Math.max(fm.contentEnd, fm.contentStart + 1)) });
      return;
    }
    for (const problem of schemaProblems(fm.yaml, validateFrontMatter)) {
      report({ message: `Front matter ${problem.message}`, range: range(fm.contentStart + problem.start, fm.contentStart + problem.end) });
    }
    reportUnknownType(context);
  },
};

function reportUnknownType({ doc, config, report, range }: RuleContext): void {
  const fm = doc.frontMatter!;
  const declared = fm.data?.type;
  if (typeof declared !== 'string' || config.types.some((t) => t.id === declared) || !isMap(fm.yaml.contents)) return;
  const pair = fm.yaml.contents.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === 'type');
  const node = pair && isScalar(pair.value) ? pair.value : undefined;
  const [start, end] = node?.range ?? [0, 1];
  const ids = config.types.map((t) => t.id);
  // Static site generators use `type` too (Hugo's `type: docs`); only a near miss of one of ours is a mistake.
  if (!didYouMean(declared, ids)) return;
  report({
    message: `Unknown document type "${declared}"${didYouMean(declared, ids)}`,
    range: range(fm.contentStart + start, fm.contentStart + end),
    fixes: typeFixes(declared, ids).map(({ id, unambiguous }) => ({
      id: unambiguous ? 'correct-type' : 'type-candidate',
      title: `Change type to "${id}"`,
      edits: [{ range: range(fm.contentStart + start, fm.contentStart + end), newText: id }],
    })),
  });
}

/** The type ids the declared one is a near miss of; unambiguous when no other id is as near or one edit further. */
function typeFixes(declared: string, ids: string[]): Array<{ id: string; unambiguous: boolean }> {
  const best = closest(declared, ids);
  if (!best) return [];
  const nearest = distance(declared.toLowerCase(), best.toLowerCase());
  const rivals = ids.filter((id) => id !== best && distance(declared.toLowerCase(), id.toLowerCase()) <= nearest + 1);
  return [{ id: best, unambiguous: rivals.length === 0 }];
}
