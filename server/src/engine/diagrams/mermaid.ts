import * as path from 'node:path';
import type { MermaidProblem } from './mermaidParser';

type ParseMermaid = (text: string) => Promise<MermaidProblem | undefined>;
let parser: Promise<ParseMermaid> | undefined;

/**
 * Mermaid's parser, loaded on first use. Bundled front ends load dist/mermaid.js beside them (the
 * preview's Mermaid, which exports the parser too); run from source (tests), the module itself.
 */
export function mermaidParser(): Promise<ParseMermaid> {
  parser ??= load();
  return parser;
}

async function load(): Promise<ParseMermaid> {
  // A name the bundler cannot follow: Mermaid must stay out of the front ends' bundles.
  const source = './mermaidParser';
  if (__filename.endsWith('.ts')) return ((await import(source)) as { parseMermaid: ParseMermaid }).parseMermaid;
  // A CommonJS require: the bundle is a script for pages that also exports for Node.
  const bundled = path.join(__dirname, 'mermaid.js');
  return (require(bundled) as { parseMermaid: ParseMermaid }).parseMermaid;
}
