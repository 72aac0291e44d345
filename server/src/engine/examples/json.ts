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

/**
 * The first fault of a JSON example (`jsonc` also takes comments and trailing commas).
 * `<placeholder>`s and `{{ templates }}` in value position stand for values; an example with
 * `...` elisions is an excerpt and is not checked; JSON Lines (one value a line) are accepted.
 */
export function jsonProblem(text: string, withComments: boolean): ExampleProblem | undefined {
  const strings = stringSpans(text);
  const outside = (span: Span) => !strings.some((s) => span.start < s.end && span.end > s.start);
  if ([...text.matchAll(ELISION)].some((m) => outside({ start: m.index!, end: m.index! + m[0].length }))) return undefined;
  const masked = maskSpans(text, fillIns(text).filter(outside), jsonString);
  const error = firstError(masked, withComments);
  if (!error) return undefined;
  if (printParseErrorCode(error.error) === 'EndOfFileExpected' && isJsonLines(masked, withComments)) return undefined;
  return { message: `Invalid JSON: ${REASONS[printParseErrorCode(error.error)] ?? 'syntax error'}`, start: error.offset, end: error.offset + Math.max(error.length, 1) };
}

function firstError(text: string, withComments: boolean): ParseError | undefined {
  const errors: ParseError[] = [];
  parse(text, errors, { disallowComments: !withComments, allowTrailingComma: withComments, allowEmptyContent: true });
  return errors[0];
}

function isJsonLines(text: string, withComments: boolean): boolean {
  return text.split(/\r?\n/).every((line) => line.trim() === '' || !firstError(line, withComments));
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
