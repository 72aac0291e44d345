/**
 * Prometheus' own PromQL grammar (@prometheus-io/lezer-promql) and the checks of its query editor
 * (@prometheus-io/codemirror-promql: function signatures, argument types, grouping rules, ported
 * from Prometheus' parser). Built as dist/parsers/promql.js, loaded on the first query.
 */
import { ensureSyntaxTree, LRLanguage, syntaxTree, syntaxTreeAvailable } from '@codemirror/language';
import { EditorState } from '@codemirror/state';
import type { SyntaxNode, Tree } from '@lezer/common';
import { Parser } from '@prometheus-io/codemirror-promql/dist/esm/parser';
import { aggregateOpTerms, functionIdentifierTerms } from '@prometheus-io/codemirror-promql/dist/esm/complete/promql.terms';
import { parser } from '@prometheus-io/lezer-promql';
import { blank, maskSpans } from '../fillIns';
import { quotedSpans } from '../quoted';

/** A fault of a query, by offsets into its text. */
export interface QueryProblem {
  message: string;
  start: number;
  end: number;
  /** The name, when it names no function: for a did-you-mean. */
  unknownFunction?: string;
  /** The query is valid for an older Prometheus: not a fault, and nothing after it is checked. */
  unchecked?: boolean;
}

/** A metric the query selects, where it is named. */
export interface MetricReference {
  name: string;
  start: number;
  end: number;
}

export interface QueryAnalysis {
  problem?: QueryProblem;
  metrics: MetricReference[];
}

const language = LRLanguage.define({ parser });

/** Names of PromQL's functions and aggregation operators. */
export const FUNCTION_NAMES: readonly string[] = [...functionIdentifierTerms, ...aggregateOpTerms].map((term) => term.label);

/** The first fault of a query (syntax first, then Prometheus' own type and grouping checks), and the metrics it names. */
export function analyzeQuery(text: string): QueryAnalysis {
  const state = completeState(text);
  const complete = syntaxTreeAvailable(state, text.length);
  const tree = complete ? syntaxTree(state) : parser.parse(text);
  const metrics = metricsOf(tree, text);
  const syntax = syntaxProblem(tree, text);
  if (syntax || !complete) return { problem: syntax, metrics };
  const analysis = new Parser(state);
  analysis.analyze();
  const first = analysis.getDiagnostics().find((d) => d.severity === 'error');
  return { problem: first && { message: inWords(first.message), start: first.from, end: Math.max(first.to, first.from + 1) }, metrics };
}

/** Longest an editor state may parse one query: a longer parse is checked for syntax alone. */
const PARSE_BUDGET_MS = 2000;

/**
 * An editor state with the whole query parsed. A new state parses for 20 ms only (an editor's
 * keystroke budget): the first query, before the parser warms up, can take longer.
 */
function completeState(text: string): EditorState {
  const state = EditorState.create({ doc: text, extensions: [language] });
  if (syntaxTreeAvailable(state, text.length)) return state;
  ensureSyntaxTree(state, text.length, PARSE_BUDGET_MS);
  // An empty transaction hands the finished parse to the state's syntax tree.
  return state.update({}).state;
}

/** Whether the query parses, syntax alone (for splitting a block into queries). */
export function parses(text: string): boolean {
  return !firstError(parser.parse(text));
}

function firstError(tree: Tree): SyntaxNode | undefined {
  let found: SyntaxNode | undefined;
  tree.iterate({
    enter(node) {
      if (found) return false;
      if (node.type.isError) found = node.node;
      return undefined;
    },
  });
  return found;
}

function syntaxProblem(tree: Tree, text: string): QueryProblem | undefined {
  const error = firstError(tree);
  if (!error) return undefined;
  const grouping = misplacedGrouping(error, text);
  if (grouping) return grouping;
  const unknown = unknownFunction(error, text);
  if (unknown) return unknown;
  const at = error.from;
  const token = /^\s*([A-Za-z_:][\w:]*|\d[\w.]*|"(?:[^"\\\n]|\\.)*"?|'(?:[^'\\\n]|\\.)*'?|\S)/.exec(text.slice(at));
  if (!token) return { message: `the query ends early${unclosed(text)}`, start: Math.max(text.trimEnd().length - 1, 0), end: Math.max(text.trimEnd().length, 1) };
  const start = at + token[0].length - token[1].length;
  const hint = token[1] === '=' ? ': a comparison is written `==`' : '';
  return { message: `unexpected \`${token[1]}\`${hint}`, start, end: start + token[1].length };
}

/** `rate(x[5m]) by (job)`: a grouping that follows no aggregation; `sum(x) by job`: labels not in parentheses. */
function misplacedGrouping(error: SyntaxNode, text: string): QueryProblem | undefined {
  const word = /^(\s*)(by|without)\b/i.exec(text.slice(error.from));
  if (word) {
    const start = error.from + word[1].length;
    const keyword = word[2].toLowerCase();
    return {
      message: `\`${keyword}\` must follow an aggregation operator (sum, avg, max, count…): \`sum ${keyword} (job) (…)\` or \`sum(…) ${keyword} (job)\``,
      start,
      end: start + keyword.length,
    };
  }
  if (error.parent?.name !== 'AggregateModifier') return undefined;
  const keyword = text.slice(error.parent.from, error.from).trim().toLowerCase();
  return { message: `the labels after \`${keyword}\` go in parentheses: \`${keyword} (job, instance)\``, start: error.from, end: Math.max(error.to, error.from + 1) };
}

/** Functions of Prometheus 2 that Prometheus 3 renamed: a runbook for a Prometheus 2 server may use them. */
const RENAMED_IN_PROMETHEUS_3 = ['holt_winters'];

/** `foo_bar(x)`: the grammar knows every function, so a name followed by `(` that it did not take is no function. */
function unknownFunction(error: SyntaxNode, text: string): QueryProblem | undefined {
  for (let node: SyntaxNode | null = error; node; node = node.parent) {
    if (node.name !== 'VectorSelector') continue;
    const identifier = node.getChild('Identifier');
    if (!identifier) return undefined;
    const name = text.slice(identifier.from, identifier.to);
    if (!/^\s*\(/.test(text.slice(identifier.to)) || FUNCTION_NAMES.includes(name)) return undefined;
    if (RENAMED_IN_PROMETHEUS_3.includes(name)) return { message: 'unchecked: a Prometheus 2 function', start: identifier.from, end: identifier.to, unchecked: true };
    return { message: `unknown function \`${name}\``, start: identifier.from, end: identifier.to, unknownFunction: name };
  }
  return undefined;
}

function unclosed(text: string): string {
  const opened: string[] = [];
  const pairs: Record<string, string> = { ')': '(', ']': '[', '}': '{' };
  const { strings, comments } = quotedSpans(text, { quotes: '"\'`', escapes: true, comment: '#' });
  for (const ch of maskSpans(text, [...strings, ...comments].sort((a, b) => a.start - b.start), blank)) {
    if ('([{'.includes(ch)) opened.push(ch);
    else if (ch in pairs && opened.at(-1) === pairs[ch]) opened.pop();
  }
  return opened.length > 0 ? `: \`${opened.at(-1)}\` is not closed` : '';
}

/** codemirror-promql says matrix and vector where Prometheus' own messages say range and instant vector. */
function inWords(message: string): string {
  const words = message.replace(/\bmatrix\b/g, 'range vector').replace(/(?<!range |instant )\bvector\b(?! selector| matching)/g, 'instant vector');
  const call = /^expected type range vector in call to function "(\w+)", got instant vector$/.exec(words);
  return call ? `${call[1]}() needs a range vector: add a range, such as \`${call[1]}(…[5m])\`` : words;
}

/** Metrics named by selectors (`http_requests_total{…}`, `job:http_requests:rate5m`). */
function metricsOf(tree: Tree, text: string): MetricReference[] {
  const metrics: MetricReference[] = [];
  tree.iterate({
    enter(node) {
      if (node.name !== 'VectorSelector') return undefined;
      const identifier = node.node.getChild('Identifier');
      if (identifier) metrics.push({ name: text.slice(identifier.from, identifier.to), start: identifier.from, end: identifier.to });
      return false;
    },
  });
  return metrics;
}
