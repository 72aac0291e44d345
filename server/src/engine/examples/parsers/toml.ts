/** TOML's parser (smol-toml: TOML 1.0, errors with line and column). Built as dist/parsers/toml.js. */
import { parse } from 'smol-toml';

/** A fault placed by 1-based line and column, as the parser reports it. */
export interface PlacedProblem {
  message: string;
  line: number;
  column: number;
}

export function tomlProblem(text: string): PlacedProblem | undefined {
  try {
    parse(text);
    return undefined;
  } catch (error) {
    // The parser's error is the finding the caller reports.
    const { message, line, column } = error as { message: string; line?: number; column?: number };
    // "Invalid TOML document: invalid value\n\n1:  a = \n ^": the reason, without the excerpt.
    const reason = message.split('\n')[0].replace(/^Invalid TOML document:\s*/, '');
    return { message: reason, line: line ?? 1, column: column ?? 1 };
  }
}
