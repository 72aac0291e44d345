import { jsonProblem } from '../engine/examples/json';
import { exampleRule } from './exampleRule';

export const exampleJson = exampleRule('example-json', 'A json (or jsonc) code block that does not parse.', ['json', 'jsonc'], (text, lang) => jsonProblem(text, lang === 'jsonc'));
