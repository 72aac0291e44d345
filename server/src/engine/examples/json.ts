import { createScanner, parse, printParseErrorCode, type ParseError, type SyntaxKind } from 'jsonc-parser';
import { ELISION, fillIns, jsonString, maskSpans, type Span } from './fillIns';

/** A fault in an example, by offsets into the block's content. */
export interface ExampleProblem {
  message: string;
  start: number;
  end: number;
}

/** jsonc-parser's error codes, by name, in words. */
const REASONS: Record<string, string> = {
  InvalidSymbol: 'unexpected character',
  InvalidNumberFormat: 'invalid number',
  PropertyNameExpected: 'property name expected (in double quotes)',
  ValueExpected: 'value expected',
  ColonExpected: 'colon expected',
  CommaExpected: 'comma expected',
  CloseBraceExpected: 'closing brace expected',
  CloseBracketExpected: 'closing bracket expected',
  EndOfFileExpected: 'end of input expected: more than one value',
  InvalidCommentToken: 'comments are not allowed in JSON',
  UnexpectedEndOfComment: 'unterminated comment',
  UnexpectedEndOfString: 'unterminated string',
  UnexpectedEndOfNumber: 'unterminated number',
  InvalidUnicode: 'invalid unicode escape',
  InvalidEscapeCharacter: 'invalid escape character',
  InvalidCharacter: 'invalid character in a string (a raw line break or control character)',
};

/** A comment or a mark that only says "left out": `/* … *\/`, `// ...`, `(...)`, `<...>`. */
const ELIDING_COMMENT = /\/\*[ \t]*(?:\.\.\.|…)[ \t]*\*\/|\/\/[ \t]*(?:\.\.\.|…)[ \t]*$|\([ \t]*(?:\.\.\.|…)[ \t]*\)|<[ \t]*(?:\.\.\.|…)[ \t]*>/gm;
/** A `# comment` line of JSON Lines. */
const HASH_LINE = /^[ \t]*#/;


/**
 * The first fault of a JSON example (`jsonc` also takes comments and trailing commas).
 * `<placeholder>`s and `{{ templates }}` in value position stand for values. An example may be an
 * excerpt: members without their object (`"key": { … }`), `...` or `/* … *\/` where content was
 * left out; it is checked as such. JSON Lines (one value a line, `#` comment lines between) are accepted.
 */
export function jsonProblem(text: string, withComments: boolean): ExampleProblem | undefined {
  const strings = stringSpans(text);
  const outside = (span: Span) => !strings.some((s) => span.start < s.end && span.end > s.start);
  const elisions = elisionSpans(text).filter(outside);
  const masked = maskElisions(maskSpans(text, fillIns(text).filter(outside), jsonString), elisions);
  if (isJsonLines(masked)) return recordProblem(masked, withComments);
  const members = startsWithMember(masked);
  // Members alone are read inside the object they were cut from; offsets shift back by its `{`.
  const parsed = members ? `{${masked}\n}` : masked;
  const excerpt = members || elisions.length > 0;
  const errors = parseErrors(parsed, withComments || excerpt);
  const shift = members ? 1 : 0;
  const error = errors.find((e) => !(EXCUSED_BY_ELISION.has(printParseErrorCode(e.error)) && followsElision(masked, elisions, e.offset - shift)));
  return error && problemAt(text, error, -shift);
}

/** What an elision leaves behind: a missing or extra comma, a missing value, a bracket closed early. */
const EXCUSED_BY_ELISION = new Set(['CommaExpected', 'PropertyNameExpected', 'ValueExpected', 'CloseBraceExpected', 'CloseBracketExpected']);

function problemAt(text: string, error: ParseError, shift: number): ExampleProblem {
  const start = Math.min(Math.max(error.offset + shift, 0), Math.max(text.length - 1, 0));
  // A `# note` line is a comment to its writer; jsonc-parser sees a stray character.
  const code = HASH_LINE.test(text.slice(text.lastIndexOf('\n', start - 1) + 1, start + 1)) ? 'InvalidCommentToken' : printParseErrorCode(error.error);
  return { message: `Invalid JSON: ${REASONS[code] ?? 'syntax error'}`, start, end: start + Math.max(Math.min(error.length, text.length - start), 1) };
}

/** The first fault of JSON Lines: of the first record that does not parse. */
function recordProblem(text: string, withComments: boolean): ExampleProblem | undefined {
  let lineStart = 0;
  for (const line of text.split('\n')) {
    const error = HASH_LINE.test(line) ? undefined : parseErrors(line, withComments)[0];
    if (error) return problemAt(text, error, lineStart);
    lineStart += line.length + 1;
  }
  return undefined;
}

/** Whether a text is one JSON value (no comments), as a transcript's output may hold: jsonc-parser only. */
export function isJsonValue(text: string): boolean {
  return /^\s*[[{]/.test(text) && jsonProblem(text, false) === undefined;
}

function parseErrors(text: string, lenient: boolean): ParseError[] {
  const errors: ParseError[] = [];
  parse(text, errors, { disallowComments: !lenient, allowTrailingComma: lenient, allowEmptyContent: true });
  return errors;
}

/** `...` and `…` outside strings, and comments that only hold one. */
function elisionSpans(text: string): Span[] {
  const spans = [...text.matchAll(ELIDING_COMMENT)].map((m) => ({ start: m.index!, end: m.index! + m[0].length }));
  for (const m of text.matchAll(ELISION)) {
    const span = { start: m.index!, end: m.index! + m[0].length };
    if (!spans.some((s) => span.start < s.end && span.end > s.start)) spans.push(span);
  }
  return spans.sort((a, b) => a.start - b.start);
}

/** An elided value (`"key": ...`) becomes a value; elided members and elements become blanks. */
function maskElisions(text: string, elisions: readonly Span[]): string {
  let masked = text;
  for (const span of elisions) {
    const inValuePosition = /:\s*$/.test(masked.slice(0, span.start));
    const length = span.end - span.start;
    const fill = inValuePosition ? (length >= 2 ? jsonString(length) : '0') : ' '.repeat(length);
    masked = masked.slice(0, span.start) + fill + masked.slice(span.end);
  }
  return masked;
}

/** An error right after an elision (only blanks and commas between) comes of what was left out. */
function followsElision(text: string, elisions: readonly Span[], offset: number): boolean {
  return elisions.some((span) => span.start <= offset && /^[\s,]*$/.test(text.slice(span.end, Math.max(offset, span.end))));
}

/** `"key": value` first: members cut from their object. */
function startsWithMember(text: string): boolean {
  return /^\s*"(?:[^"\\\n]|\\.)*"\s*:/.test(text);
}

/**
 * One value a line, two lines at least, blank and `#` comment lines between: each record an object
 * or an array on its own line. (A document over several lines has lines that open or close it only.)
 */
function isJsonLines(text: string): boolean {
  const records = text.split(/\r?\n/).filter((line) => line.trim() !== '' && !HASH_LINE.test(line));
  return records.length >= 2 && records.every((line) => /^\s*(?:\{.*\}|\[.*\])\s*$/.test(line));
}

// jsonc-parser's SyntaxKind is a const enum, which isolated modules cannot read: its two values used here.
const STRING_LITERAL = 10 as SyntaxKind;
const END_OF_INPUT = 17 as SyntaxKind;

function stringSpans(text: string): Span[] {
  const scanner = createScanner(text, false);
  const spans: Span[] = [];
  for (let kind = scanner.scan(); kind !== END_OF_INPUT; kind = scanner.scan()) {
    if (kind === STRING_LITERAL) spans.push({ start: scanner.getTokenOffset(), end: scanner.getTokenOffset() + scanner.getTokenLength() });
  }
  return spans;
}
