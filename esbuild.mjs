// Bundles the client, the language server and the CLI, each into one file under dist/ (each also
// runs as its own validation worker thread: the engine is in the package once per front end).
import * as esbuild from 'esbuild';
import { readFileSync } from 'node:fs';
import { previewBuilds } from './client/src/preview/bundle.mjs';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const watch = process.argv.includes('--watch');

const shared = {
  bundle: true,
  // Minified, names kept: a smaller package and a faster start, and stack traces still readable.
  minify: true,
  keepNames: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  // ESM dependencies (fdir) read import.meta.url, which a CommonJS bundle must supply.
  define: { SERVER_VERSION: JSON.stringify(version), 'import.meta.url': 'importMetaUrl' },
  banner: { js: "const importMetaUrl = require('url').pathToFileURL(__filename).href;" },
  // jsonc-parser's main build is UMD, whose dynamic requires a bundle cannot follow; its ES build can be.
  alias: { 'jsonc-parser': './node_modules/jsonc-parser/lib/esm/main.js' },
};

const builds = [
  { ...shared, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { ...shared, entryPoints: ['server/src/lsp/server.ts'], outfile: 'dist/server.js' },
  { ...shared, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: `#!/usr/bin/env node\n${shared.banner.js}` } },
  // The Markdown preview's and the diagram panel's browser script (with Mermaid) and stylesheet.
  ...previewBuilds,
];

if (watch) {
  for (const options of builds) await (await esbuild.context(options)).watch();
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
}
