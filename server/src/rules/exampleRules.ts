import type { Rule } from '../engine/rule';

/** The rules example-json, example-yaml, diagram-mermaid, in report order. */
export const EXAMPLE_RULES: readonly Rule[] = [];
