import type { Rule } from '../engine/rule';
import { commandMissingScript } from './command-missing-script';
import { commandSubcommand } from './command-subcommand';
import { commandSyntax } from './command-syntax';
import { commandUnknown } from './command-unknown';

/** The rules command-syntax, command-missing-script, command-unknown, command-subcommand, in report order. */
export const COMMAND_RULES: readonly Rule[] = [commandSyntax, commandMissingScript, commandUnknown, commandSubcommand];
