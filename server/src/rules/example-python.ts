import { pythonProblem } from '../engine/examples/python';
import { lazyExampleRule } from './lazyExampleRule';

export const examplePython = lazyExampleRule('example-python', 'A python code block (a script or an interpreter session) that does not parse.', ['python', 'py', 'python3', 'pycon'], pythonProblem);
