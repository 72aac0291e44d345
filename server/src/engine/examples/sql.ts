import { blank, fillIns, maskSpans, type Span, spansOf } from './fillIns';
import type { ExampleProblem } from './json';
import { loadParser } from './lazy';
import { lineEndAt, offsetOfCodePoint } from './offsets';
import { sessionCode } from './transcript';

/** SQL dialects a block can be checked in (only PostgreSQL's own parser is on hand). */
export const SQL_DIALECTS = ['postgresql'] as const;
export type SqlDialect = (typeof SQL_DIALECTS)[number];

/** psql's prompts: `postgres=# `, `app=> `, and their continuations `postgres-# `, `app(> `. */
const PSQL_PROMPT = /^[\w.-]*[=\-(*'"][#>] /;
/** psql meta-commands (`\d users`, `\x`, `\c db`): psql's own, up to the end of the line. */
const META_COMMAND = /^[ \t]*\\.*$/gm;
/** psql variables (`:name`, `:'name'`, `:"name"`), filled in by psql; not `::type` casts. */
const PSQL_VARIABLE = /(?<![:\w]):(?:'\w+'|"\w+"|[A-Za-z_]\w*)/g;
/** SQL strings and quoted names, where a `<placeholder>` is text. */
const QUOTED = /'(?:[^']|'')*'|"(?:[^"]|"")*"/g;
/** `...`/`…` standing for left-out SQL. */
const ELISION = /\.\.\.|…/g;

/**
 * The first syntax error of a SQL example in a known dialect. A psql session counts its prompted
 * lines as SQL; meta-commands, psql variables and `<placeholders>` are filled in before SQL is parsed.
 */
export async function sqlProblem(text: string, dialect: SqlDialect): Promise<ExampleProblem | undefined> {
  if (dialect !== 'postgresql') return undefined;
  const code = sessionCode(text, PSQL_PROMPT) ?? text;
  const quoted = spansOf(code, QUOTED);
  const outside = (span: Span) => !quoted.some((q) => span.start >= q.start && span.end <= q.end);
  if (spansOf(code, ELISION).some(outside)) return undefined;
  const meta = spansOf(code, META_COMMAND).filter(outside);
  const fills = [...fillIns(code), ...spansOf(code, PSQL_VARIABLE)].filter(outside).sort((a, b) => a.start - b.start);
  const masked = maskSpans(maskSpans(code, meta, blank), dedupe(fills), (length) => 'x'.repeat(length));
  if (masked.trim() === '') return undefined;
  const { postgresqlProblem } = await loadParser('sql');
  const problem = await postgresqlProblem(masked);
  if (!problem) return undefined;
  const start = problem.at === undefined ? masked.search(/\S/) : offsetOfCodePoint(masked, problem.at);
  const token = /^\S+?(?=[\s;,()]|$)|^\S/.exec(masked.slice(start, lineEndAt(masked, start)));
  const end = start + Math.max(token?.[0].length ?? 1, 1);
  if (fills.some((span) => start < span.end && end > span.start)) return undefined;
  return { message: `PostgreSQL: ${problem.message}`, start, end: Math.min(end, text.length) };
}

function dedupe(spans: Span[]): Span[] {
  return spans.filter((span, i) => i === 0 || span.start >= spans[i - 1].end);
}

