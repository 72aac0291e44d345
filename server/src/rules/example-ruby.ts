import { rubyProblem } from '../engine/examples/ruby';
import { lazyExampleRule } from './lazyExampleRule';

export const exampleRuby = lazyExampleRule('example-ruby', 'A ruby code block (a script or an irb session) that does not parse.', ['ruby', 'rb', 'irb'], rubyProblem);
