import { yamlProblem } from '../engine/examples/yaml';
import { looksLikeToml } from '../engine/examples/tomlShape';
import { exampleRule } from './exampleRule';
import { YAML_LABELS } from './code-language';

/** TOML shown under a yaml label is code-language's finding (label it `toml`), not a YAML error. */
export const exampleYaml = exampleRule('example-yaml', 'A yaml code block that does not parse.', YAML_LABELS, (text) => (looksLikeToml(text) ? undefined : yamlProblem(text)));
