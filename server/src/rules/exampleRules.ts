import type { Rule } from '../engine/rule';
import { diagramMermaid } from './diagram-mermaid';
import { exampleJson } from './example-json';
import { exampleYaml } from './example-yaml';

/** The rules example-json, example-yaml, diagram-mermaid, in report order. */
export const EXAMPLE_RULES: readonly Rule[] = [exampleJson, exampleYaml, diagramMermaid];
