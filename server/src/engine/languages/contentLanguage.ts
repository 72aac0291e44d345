/**
 * What language a block's text is, when it is plainly not shell: JSON, YAML, PromQL, SQL, a Go
 * template, an HTTP request or prose. Each test is strict (a real parser where one helps), because a
 * wrong "this is YAML" costs more than a missed one; the cheap tests run first, parsers only on
 * text that already has the language's look.
 */
import { parseAllDocuments, isMap, isSeq, type Document } from 'yaml';
import { fillIns, maskSpans } from '../examples/fillIns';
import { jsonProblem } from '../examples/json';
import { isKnownTool, programOf, readsAsCommand } from '../shell/commandLike';
import { hasPromqlLook, readsAsPromql } from './promql';

export interface ContentLanguage {
  /** How a message names it: "PromQL", "a Go template". */
  name: string;
  /** The fence label that says it. */
  label: string;
}

const DETECTORS: ReadonlyArray<{ language: ContentLanguage; test: (text: string) => boolean }> = [
  { language: { name: 'JSON', label: 'json' }, test: readsAsJson },
  { language: { name: 'YAML', label: 'yaml' }, test: readsAsYaml },
  { language: { name: 'INI', label: 'ini' }, test: readsAsIni },
  { language: { name: 'a Go template', label: 'gotmpl' }, test: readsAsGoTemplate },
  { language: { name: 'an HTTP request', label: 'http' }, test: readsAsHttp },
  { language: { name: 'SQL', label: 'sql' }, test: readsAsSql },
  { language: { name: 'PromQL', label: 'promql' }, test: readsAsPromql },
  { language: { name: 'prose', label: 'text' }, test: readsAsProse },
];

/** The language a text plainly is, other than shell; undefined when it may well be shell. */
export function contentLanguage(text: string): ContentLanguage | undefined {
  const first = contentLines(text).find((line) => !/^\s*#/.test(line));
  // A block that starts by running a tool (`kubectl …`; not a builtin such as `select`, nor `sum by (job) (…)`) is shell.
  if (first === undefined || (isKnownTool(programOf(first) ?? '') && readsAsCommand(first) && !hasPromqlLook(first))) return undefined;
  return DETECTORS.find((detector) => detector.test(text))?.language;
}

/** Whether a text is the given language, by the same tests (`json`, `yaml`, …). */
export function readsAs(label: string, text: string): boolean {
  return DETECTORS.some((detector) => detector.language.label === label && detector.test(text));
}

function contentLines(text: string): string[] {
  return text.split(/\r?\n|\r/).filter((line) => line.trim() !== '');
}

/** An object or an array (or one a line), excerpts allowed. `{ cmd; }` and `[ -f x ]` are shell. */
function readsAsJson(text: string): boolean {
  return /^\s*[[{]/.test(text) && jsonProblem(text, false) === undefined;
}

/**
 * A YAML mapping or sequence with structure (nesting, a list, documents, or a manifest's
 * `apiVersion`/`kind`), keys without spaces and values not aligned in columns: what `describe`
 * and `status` commands print is flat or aligned, and is output rather than YAML.
 */
function readsAsYaml(text: string): boolean {
  const lines = contentLines(text).filter((line) => !/^\s*#/.test(line));
  if (lines.length < 2 || !/^[ \t]*(?:- |[\w.-]+:(?:\s|$))/.test(lines[0])) return false;
  if (lines.some((line) => /^\s*(?:- )?\w[\w.-]*(?: [\w.-]+)+:(?:\s|$)|:[ \t]{2,}\S/.test(line))) return false;
  const masked = maskSpans(text, fillIns(text), (length) => 'x'.repeat(length));
  let documents: Document.Parsed[];
  try {
    documents = parseAllDocuments(masked, { prettyErrors: false }) as Document.Parsed[];
  } catch {
    // A guess at a block's language: text YAML cannot read is simply not taken for YAML.
    return false;
  }
  if (!Array.isArray(documents) || documents.some((d) => d.errors.length > 0 || !(isMap(d.contents) || isSeq(d.contents)))) return false;
  // A list of plain words (`- set log on`) is anything's list; YAML has mappings.
  const mappings = documents.some((d) => isMap(d.contents) || (isSeq(d.contents) && d.contents.items.some((item) => isMap(item) || isSeq(item))));
  const structured = mappings && (documents.length > 1 || lines.some((line) => /^\s+\S/.test(line) || /^\s*- /.test(line)) || /^apiVersion:/m.test(text));
  return structured && !lines.some((line) => !/^\s/.test(line) && readsAsCommand(line, true));
}

/**
 * `[section]` headers and `key = value` lines (Ceph's keys have spaces: `mon host = …`), a header
 * or a spaced `=` at least: in shell, `key = value` would run a command `key`.
 */
function readsAsIni(text: string): boolean {
  const lines = contentLines(text).filter((line) => !/^\s*[;#]/.test(line) && !/^\s*(?:\.\.\.|…)\s*$/.test(line));
  const section = (line: string) => /^\s*\[[\w.:-][\w .:-]*\]\s*$/.test(line);
  const pair = (line: string) => /^\s*[\w.-]+(?:\s[\w.-]+)*\s*=/.test(line);
  return lines.length >= 2 && lines.every((line) => section(line) || pair(line)) && lines.some((line) => section(line) || /\s=\s/.test(line)) && lines.some(pair);
}

/** Template actions from the first line on: `{{ define "x" }}`, `{{ range .Alerts }}…{{ end }}`. */
function readsAsGoTemplate(text: string): boolean {
  const first = contentLines(text)[0];
  const opens = text.split('{{').length - 1;
  return /^\s*\{\{-?\s*(?:[.$]|define|range|if|with|template|block|\/\*|\(|\w+ \.)/.test(first) && opens > 0 && opens === text.split('}}').length - 1;
}

/** `GET /api/v1/x`, `POST https://host/x HTTP/1.1`, then headers up to a blank line (the body after it). */
function readsAsHttp(text: string): boolean {
  const [first, ...rest] = text.trim().split(/\r?\n/);
  if (!/^(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS) (?:\/|https?:\/\/)\S*(?: HTTP\/\d(?:\.\d)?)?\s*$/.test(first)) return false;
  const blank = rest.findIndex((line) => line.trim() === '');
  return rest.slice(0, blank < 0 ? rest.length : blank).every((line) => /^[\w-]+:\s/.test(line));
}

/** How SQL statements start, in any case: structures no shell command has (`SELECT … FROM`, `INSERT INTO`). */
const SQL_STATEMENT =
  /^(?:WITH\s+\w+\s+AS\s*\(|INSERT\s+INTO\b|UPDATE\s+[\w."]+\s+SET\b|DELETE\s+FROM\b|(?:CREATE|DROP|ALTER)\s+(?:UNIQUE\s+)?(?:TABLE|INDEX|DATABASE|SCHEMA|VIEW|USER|ROLE|EXTENSION|SEQUENCE|FUNCTION|TRIGGER|PUBLICATION|SUBSCRIPTION|TABLESPACE|MATERIALIZED\s+VIEW)\b|EXPLAIN\s+(?:ANALYZE\s+)?(?:SELECT|INSERT|UPDATE|DELETE|WITH)\b|\\[a-z]+)/i;
/**
 * `SELECT … FROM`, `GRANT … ON|TO`, `REVOKE … ON|FROM`: a leading keyword and a later one in the
 * same statement, tested apart (in one regex, the words between them backtrack).
 */
const SQL_KEYWORD_PAIRS: ReadonlyArray<readonly [RegExp, RegExp]> = [
  [/^SELECT\b/i, /\bFROM\b/i],
  [/^GRANT\b/i, /\b(?:ON|TO)\b/i],
  [/^REVOKE\b/i, /\b(?:ON|FROM)\b/i],
];

function hasKeywordPair(statement: string): boolean {
  return SQL_KEYWORD_PAIRS.some(([first, then]) => first.test(statement) && then.test(statement.split(';')[0]));
}

/** Shorter statements, taken in upper case only: `select x in …` is a shell loop, `SELECT 1;` is SQL. */
const SQL_KEYWORD_STATEMENT = /^(?:SELECT\s+[\w(*'"]|TRUNCATE\s+(?:TABLE\s+)?[\w."]+|SHOW\s+[A-Z_]+|VACUUM|ANALYZE|REINDEX|BEGIN|COMMIT|ROLLBACK|START\s+TRANSACTION|SET\s+(?:GLOBAL\s+|SESSION\s+)?[\w.]+\s*(?:=|TO)\s*\S|USE\s+\w+|FLUSH\s+PRIVILEGES|CALL\s+[\w.]+\s*\()/;

/** Every statement (split at `;`, comments dropped) reads as SQL, and one at least is more than a meta-command. */
function readsAsSql(text: string): boolean {
  const code = withoutBlockComments(text).replace(/--.*$/gm, '');
  const statements = code.split(/;[ \t]*(?:\r?\n|$)|\n(?=[ \t]*\\)/).map((s) => s.trim()).filter(Boolean);
  const isStatement = (statement: string) => SQL_STATEMENT.test(statement) || hasKeywordPair(statement) || SQL_KEYWORD_STATEMENT.test(statement);
  return statements.length > 0 && statements.every(isStatement) && statements.some((statement) => !/^\\/.test(statement));
}

/** The text without its `/* … *\/` comments (found by index: a regex would rescan an unclosed one from every start). */
function withoutBlockComments(text: string): string {
  let result = '';
  let at = 0;
  for (let start = text.indexOf('/*'); start >= 0; start = text.indexOf('/*', at)) {
    const end = text.indexOf('*/', start + 2);
    result += text.slice(at, start);
    at = end < 0 ? text.length : end + 2;
  }
  return result + text.slice(at);
}

/**
 * Sentences: every line a capitalised word and words, with no character that shell needs
 * (`$`, `|`, `=`, `/`, `--`), and one line at least ending a sentence.
 */
function readsAsProse(text: string): boolean {
  const lines = contentLines(text);
  const words = lines.join(' ').split(/\s+/).length;
  return words >= 6 && lines.every(isSentence) && lines.some((line) => /[.:!?]\s*$/.test(line)) && !lines.some((line) => readsAsCommand(line.trim()));
}

/** A capitalised word, then words and punctuation, none of the characters shell needs. */
function isSentence(line: string): boolean {
  const words = line.trim().replace(/^(?:[-*]|\d+\.) /, '').split(/\s+/);
  return words.length >= 2 && /^[A-Z][a-z]*[,;:]?$/.test(words[0]) && words.every((word) => /^["'’(]?[\w'’.-]*[)"'’]?[,;:.!?]?$/.test(word));
}
