import type { Rule } from '../engine/rule';

/** The rules command-shellcheck, diagram-plantuml, in report order. */
export const TOOL_RULES: readonly Rule[] = [];
