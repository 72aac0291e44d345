/**
 * PostgreSQL's own parser (libpg-query: the server's grammar compiled to WebAssembly). Built as
 * dist/parsers/sql.js with libpg-query.wasm beside it.
 */
import { loadModule, parseSync } from 'libpg-query';

/** A fault by code point offset (PostgreSQL counts characters). */
export interface SqlProblem {
  message: string;
  /** Code point offset of the fault; undefined when PostgreSQL gives none. */
  at?: number;
}

let ready: Promise<void> | undefined;

/** The first syntax error of PostgreSQL statements, as `psql` would print it. */
export async function postgresqlProblem(text: string): Promise<SqlProblem | undefined> {
  ready ??= loadModule();
  await ready;
  try {
    parseSync(text);
    return undefined;
  } catch (error) {
    // The parser's error is the finding the caller reports.
    const { message, sqlDetails } = error as { message: string; sqlDetails?: { cursorPosition?: number } };
    return { message, at: sqlDetails?.cursorPosition };
  }
}
