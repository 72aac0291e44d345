import { yamlProblem } from '../engine/examples/yaml';
import { exampleRule } from './exampleRule';

export const exampleYaml = exampleRule('example-yaml', 'A yaml code block that does not parse.', ['yaml', 'yml'], yamlProblem);
