// Bundles the client, the language server and the CLI, each into one file under dist/ (each also
// runs as its own validation worker thread: the engine is in the package once per front end).
import * as esbuild from 'esbuild';
import { copyFileSync, cpSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { previewBuilds } from './client/src/preview/bundle.mjs';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const watch = process.argv.includes('--watch');

const shared = {
  bundle: true,
  // Minified but for names: a smaller package and a faster start, and stack traces still readable.
  // (Not keepNames: it wraps every closure the parser makes in a call that sets its name, 6% of a run.)
  minifyWhitespace: true,
  minifySyntax: true,
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

// An ES module gets CommonJS's require, __filename and __dirname, which bundled dependencies and the engine read.
const esmBanner = [
  "import { createRequire as __opsdocsCreateRequire } from 'node:module';",
  "import { fileURLToPath as __opsdocsFileURLToPath } from 'node:url';",
  "import { dirname as __opsdocsDirname } from 'node:path';",
  'const require = __opsdocsCreateRequire(import.meta.url);',
  'const __filename = __opsdocsFileURLToPath(import.meta.url);',
  'const __dirname = __opsdocsDirname(__filename);',
].join('\n');
const EXAMPLE_PARSERS = ['dockerfile', 'kubernetes', 'promql', 'python', 'ruby', 'sql', 'toml'];
/** WebAssembly modules the parsers read from beside themselves. */
const PARSER_WASM = ['node_modules/@ruby/prism/src/prism.wasm', 'node_modules/libpg-query/wasm/libpg-query.wasm'];

const builds = [
  { ...shared, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { ...shared, entryPoints: ['server/src/lsp/server.ts'], outfile: 'dist/server.js' },
  // The remark plugin, `opsdocs/remark` in package.json's exports: an ES module, as unified's plugins are.
  { ...shared, format: 'esm', entryPoints: ['server/src/remark/index.ts'], outfile: 'dist/remark.mjs', define: { SERVER_VERSION: shared.define.SERVER_VERSION }, banner: { js: esmBanner } },
  // The parsers of example languages (engine/examples/lazy.ts), each loaded on the first block that needs it.
  { ...shared, entryPoints: EXAMPLE_PARSERS.map((name) => ({ in: `server/src/engine/examples/parsers/${name}.ts`, out: name })), outdir: 'dist/parsers', sourcemap: false, minify: true },
  { ...shared, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: `#!/usr/bin/env node\n${shared.banner.js}` } },
  // The Markdown preview's and the diagram panel's browser script (with Mermaid) and stylesheet.
  ...previewBuilds,
];

// A build starts from nothing: a file an older build wrote must not ride along into the package.
if (!watch) rmSync('dist', { recursive: true, force: true });
// The program data (scripts/generate-programs.mjs), read on first use from dist/data by every bundle.
cpSync('server/data', 'dist/data', { recursive: true });

if (watch) {
  for (const options of builds) await (await esbuild.context(options)).watch();
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
}
mkdirSync('dist/parsers', { recursive: true });
for (const file of PARSER_WASM) copyFileSync(file, `dist/parsers/${file.split('/').pop()}`);
