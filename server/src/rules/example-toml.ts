import { tomlProblem } from '../engine/examples/toml';
import { lazyExampleRule } from './lazyExampleRule';

export const exampleToml = lazyExampleRule('example-toml', 'A toml code block that does not parse.', ['toml'], tomlProblem);
