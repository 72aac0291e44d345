/**
 * The queries of Prometheus rule files: every `expr:` of an alerting or recording rule, at its
 * place in the file, and the names recording rules record.
 */
import { isMap, isScalar, isSeq, parseAllDocuments, Scalar, type Document } from 'yaml';
import { blank, maskSpans } from './fillIns';

/**
 * One rule's query, from `start` to `end` in the file. When `exact`, `text` has the file's
 * offsets (quotes and block indicators blanked); else it is the value, placed at the whole scalar.
 */
export interface RuleQuery {
  text: string;
  start: number;
  end: number;
  exact: boolean;
}

export interface RuleFileQueries {
  queries: RuleQuery[];
  /** The `record:` names of the file's recording rules. */
  recorded: string[];
}

/** `groups:` at the top (a rule file) or under `spec:` (a PrometheusRule), in every YAML document. */
export function ruleFileQueries(text: string): RuleFileQueries {
  const found: RuleFileQueries = { queries: [], recorded: [] };
  if (!/^[ \t]*(?:-[ \t]+)?expr[ \t]*:/m.test(text)) return found;
  for (const document of parseAllDocuments(text)) {
    if (!('errors' in document) || document.errors.length > 0) continue;
    for (const rule of rulesOf(document)) {
      const record = rule.get('record', true);
      if (isScalar(record) && typeof record.value === 'string') found.recorded.push(record.value);
      const expr = rule.get('expr', true);
      if (isScalar(expr) && expr.range && (typeof expr.value === 'string' || typeof expr.value === 'number')) {
        const query = queryAt(text, expr);
        if (query) found.queries.push(query);
      }
    }
  }
  return found;
}

type RuleNode = { get(key: string, keepScalar: true): unknown };

function rulesOf(document: Document.Parsed): RuleNode[] {
  const groups = document.getIn(['groups'], true) ?? document.getIn(['spec', 'groups'], true);
  if (!isSeq(groups)) return [];
  return groups.items.flatMap((group) => {
    const rules = isMap(group) ? group.get('rules', true) : undefined;
    return isSeq(rules) ? rules.items.filter(isMap) : [];
  });
}

/**
 * The scalar's source with the file's offsets. Indentation and line breaks are white space to
 * PromQL, so only the block header and the quotes need blanking; a quoted scalar with escapes
 * reads differently from its source and is checked as its value, placed at its start.
 */
function queryAt(text: string, node: Scalar): RuleQuery | undefined {
  const [start, end] = node.range!;
  const source = text.slice(start, end);
  switch (node.type) {
    case Scalar.BLOCK_LITERAL:
    case Scalar.BLOCK_FOLDED: {
      const header = source.indexOf('\n');
      return header < 0 ? undefined : { text: maskSpans(source, [{ start: 0, end: header }], blank), start, end, exact: true };
    }
    case Scalar.QUOTE_DOUBLE:
    case Scalar.QUOTE_SINGLE: {
      const escaped = node.type === Scalar.QUOTE_DOUBLE ? source.includes('\\') : source.slice(1, -1).includes("''");
      if (escaped) return { text: String(node.value), start, end, exact: false };
      return { text: ` ${source.slice(1, -1)} `, start, end, exact: true };
    }
    default:
      return { text: source, start, end, exact: true };
  }
}
