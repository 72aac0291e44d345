/**
 * The Dockerfile validator of the Docker language server (dockerfile-utils, over dockerfile-ast):
 * instructions, their arguments and flags. Built as dist/parsers/dockerfile.js.
 */
import { validate, ValidationCode } from 'dockerfile-utils';

/** A fault placed by 0-based lines and characters, as the language server reports it. */
export interface RangedProblem {
  message: string;
  start: { line: number; character: number };
  end: { line: number; character: number };
}

const ERROR = 1;
/** "No source image provided with FROM": a block without FROM is an excerpt of a Dockerfile. */
const EXCERPT_CODES: readonly number[] = [ValidationCode.NO_SOURCE_IMAGE];

/** Every error of a Dockerfile (warnings, such as deprecated instructions, are left to linters). */
export function dockerfileProblems(text: string): RangedProblem[] {
  return validate(text)
    .filter((d) => d.severity === ERROR && !EXCERPT_CODES.includes(Number(d.code)))
    .map((d) => ({ message: typeof d.message === 'string' ? d.message : d.message.value, start: d.range.start, end: d.range.end }));
}
