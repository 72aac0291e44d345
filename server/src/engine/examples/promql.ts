/**
 * PromQL queries as runbooks write them: in `promql` blocks, several to a block, with
 * `<placeholders>`, Grafana `$variables` and alert `{{ templates }}` to fill in.
 */
import { closest } from '../closest';
import { fillIns, maskSpans, type Span } from './fillIns';
import type { ExampleProblem } from './json';
import { loadParser } from './lazy';
import { quotedSpans, within } from './quoted';
import type { QueryAnalysis } from './parsers/promql';

export interface QueryProblem extends ExampleProblem {
  /** Lower than the rule's severity: a recorded name no rule records. */
  severity?: 'info';
  /** What the faulty name most likely meant, for a did-you-mean. */
  suggestion?: string;
}

/** A shell prompt at the start of a line: the block is a transcript, not a query. */
const PROMPT = /^[ \t]*\$ /m;
/** `//` at the start of a line or after white space: a comment of another language (inside a string, text). */
const SLASH_COMMENT = /(?<![^\s])\/\//g;
/** PromQL's strings: double, single (both with escapes) and back quotes; `#` starts a comment. */
const QUOTING = { quotes: '"\'`', escapes: true, comment: '#' };
/** Grafana's `$__rate_interval`, `$job` and `[[var]]`: dashboard variables, filled in before the query runs. */
const GRAFANA_VARIABLE = /\$\w+|\[\[\w+\]\]/g;
/** The naming convention of recording rules: `level:metric:operations`. */
const RECORDED_NAME = /^[a-zA-Z_]\w*:[\w:]*$/;

/** The first fault of a block of PromQL: a prompt or a `//` comment, else the first query's fault. */
export async function promqlProblem(text: string, recorded: ReadonlySet<string>): Promise<QueryProblem | undefined> {
  const prompt = PROMPT.exec(text);
  if (prompt) {
    const start = prompt.index + prompt[0].indexOf('$');
    return { message: 'A shell prompt (`$ `) in a promql block: a query is typed into Prometheus, not a shell; remove the prompt, or show the command in a console block', start, end: start + 1 };
  }
  const { strings, comments } = quotedSpans(text, QUOTING);
  const comment = [...text.matchAll(SLASH_COMMENT)].find((m) => !within({ start: m.index!, end: m.index! + 2 }, [...strings, ...comments]));
  if (comment) {
    const start = comment.index!;
    const lineEnd = text.indexOf('\n', start);
    return { message: 'PromQL comments start with `#`: `//` is not PromQL', start, end: lineEnd < 0 ? text.length : lineEnd };
  }
  return queryProblem(text, recorded);
}

/**
 * The first fault of one query or of a block of them. A block that does not parse whole may hold
 * several queries, one a paragraph or one a line; faults at a fill-in are the fill-in's, not the query's.
 */
export async function queryProblem(text: string, recorded: ReadonlySet<string>): Promise<QueryProblem | undefined> {
  const { analyzeQuery, parses, FUNCTION_NAMES } = await loadParser('promql');
  const spans = placeholderSpans(text);
  const masked = maskSpans(text, spans, (length) => 'x'.repeat(length));
  const parts = queriesOf(masked, parses);
  for (const part of parts) {
    const analysis = analyzeQuery(masked.slice(part.start, part.end));
    const problem = firstProblem(analysis, part.start, spans, { recorded, functions: FUNCTION_NAMES });
    if (problem) return problem;
  }
  return undefined;
}

/** The whole text as one query, else its paragraphs, else its lines, if each of those parses. */
function queriesOf(text: string, parses: (query: string) => boolean): Span[] {
  const whole = [{ start: 0, end: text.length }];
  if (parses(text)) return whole;
  for (const separator of [/\n[ \t]*\n/g, /\n/g]) {
    const parts = split(text, separator).filter((part) => text.slice(part.start, part.end).trim() !== '' && !/^\s*#/.test(text.slice(part.start, part.end)));
    if (parts.length > 1 && parts.every((part) => parses(text.slice(part.start, part.end)))) return parts;
  }
  return whole;
}

function split(text: string, separator: RegExp): Span[] {
  const parts: Span[] = [];
  let start = 0;
  for (const match of text.matchAll(separator)) {
    parts.push({ start, end: match.index! });
    start = match.index! + match[0].length;
  }
  parts.push({ start, end: text.length });
  return parts;
}

interface KnownNames {
  recorded: ReadonlySet<string>;
  functions: readonly string[];
}

function firstProblem(analysis: QueryAnalysis, offset: number, spans: readonly Span[], { recorded, functions }: KnownNames): QueryProblem | undefined {
  const atFillIn = (start: number, end: number) => spans.some((span) => start < span.end && end > span.start);
  const problem = analysis.problem;
  if (problem?.unchecked) return undefined;
  if (problem && !atFillIn(offset + problem.start, offset + problem.end)) {
    const suggestion = problem.unknownFunction ? closest(problem.unknownFunction, functions) : undefined;
    const hint = suggestion ? `; did you mean \`${suggestion}\`?` : '';
    return { message: `PromQL: ${problem.message}${hint}`, start: offset + problem.start, end: offset + problem.end, suggestion };
  }
  if (problem || recorded.size === 0) return undefined;
  const unrecorded = analysis.metrics.find((m) => RECORDED_NAME.test(m.name) && !recorded.has(m.name) && !atFillIn(offset + m.start, offset + m.end));
  if (!unrecorded) return undefined;
  const close = closest(unrecorded.name, recorded);
  return {
    message: `No recording rule of this workspace records \`${unrecorded.name}\`${close ? `; did you mean \`${close}\`?` : ''}`,
    start: offset + unrecorded.start,
    end: offset + unrecorded.end,
    severity: 'info',
    suggestion: close,
  };
}

/** `<placeholders>`, `{{ templates }}`, `${VARIABLES}` and Grafana variables outside quoted strings. */
function placeholderSpans(text: string): Span[] {
  const { strings } = quotedSpans(text, QUOTING);
  const outside = (span: Span) => !within(span, strings);
  const grafana = [...text.matchAll(GRAFANA_VARIABLE)].map((m) => ({ start: m.index!, end: m.index! + m[0].length }));
  const spans = [...fillIns(text), ...grafana].filter(outside).sort((a, b) => a.start - b.start);
  return spans.filter((span, i) => i === 0 || span.start >= spans[i - 1].end);
}
