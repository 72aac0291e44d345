/**
 * Python's grammar as Lezer has it (@lezer/python, the CodeMirror project's parser): full
 * Python 3 syntax with indentation, and the place of each error. Built as dist/parsers/python.js.
 */
import { parser } from '@lezer/python';

/** Where a Python snippet stops parsing, and in which construct. */
export interface SyntaxError {
  at: number;
  end: number;
  /** The grammar's name of the construct the error is in (ArgList, Body, IfStatement…). */
  within: string;
}

export function pythonError(text: string): SyntaxError | undefined {
  let found: SyntaxError | undefined;
  parser.parse(text).iterate({
    enter(node) {
      if (found) return false;
      if (node.type.isError) found = { at: node.from, end: node.to, within: node.node.parent?.name ?? 'Script' };
      return undefined;
    },
  });
  return found;
}
