import type { Rule } from '../engine/rule';
import { diagramMermaid } from './diagram-mermaid';
import { exampleDockerfile } from './example-dockerfile';
import { exampleJson } from './example-json';
import { exampleKubernetes } from './example-kubernetes';
import { examplePromql } from './example-promql';
import { examplePython } from './example-python';
import { exampleRuby } from './example-ruby';
import { exampleSql } from './example-sql';
import { exampleToml } from './example-toml';
import { exampleYaml } from './example-yaml';

/** The rules that parse examples and diagrams, in report order. */
export const EXAMPLE_RULES: readonly Rule[] = [exampleJson, exampleYaml, exampleKubernetes, examplePromql, exampleToml, exampleDockerfile, exampleRuby, examplePython, exampleSql, diagramMermaid];
