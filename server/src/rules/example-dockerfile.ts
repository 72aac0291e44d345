import { dockerfileProblem } from '../engine/examples/dockerfile';
import { lazyExampleRule } from './lazyExampleRule';

export const exampleDockerfile = lazyExampleRule('example-dockerfile', 'A dockerfile code block with an instruction Docker rejects.', ['dockerfile', 'containerfile'], dockerfileProblem);
