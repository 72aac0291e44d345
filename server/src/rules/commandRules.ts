import type { Rule } from '../engine/rule';

/** The rules command-syntax, command-missing-script, command-unknown, command-subcommand, in report order. */
export const COMMAND_RULES: readonly Rule[] = [];
