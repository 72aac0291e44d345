import type { Rule } from '../engine/rule';
import { codeLanguage } from './code-language';
import { commandDestructive } from './command-destructive';
import { commandMissingScript } from './command-missing-script';
import { commandOption } from './command-option';
import { commandSubcommand } from './command-subcommand';
import { commandSyntax } from './command-syntax';
import { commandUnknown } from './command-unknown';
import { procedureUnverified } from './procedure-unverified';

/** The rules that read shell blocks (ShellCheck's aside), in report order; code-language says which blocks are shell. */
export const COMMAND_RULES: readonly Rule[] = [codeLanguage, commandSyntax, commandMissingScript, commandUnknown, commandSubcommand, commandOption, commandDestructive, procedureUnverified];
