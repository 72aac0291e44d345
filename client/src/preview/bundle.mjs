// The browser side of diagrams, built by esbuild.mjs (and by test/preview, the same way):
// dist/preview.js, the script of the Markdown preview and of the diagram panel; dist/mermaid.js,
// Mermaid, which it loads on demand; dist/preview.css. The extension itself loads none of them.
const browser = {
  bundle: true,
  platform: 'browser',
  format: 'iife',
  target: 'chrome120',
  minify: true,
  logLevel: 'warning',
  define: { 'process.env.NODE_ENV': '"production"' },
};

export const previewBuilds = [
  { ...browser, entryPoints: ['client/src/preview/previewScript.ts'], outfile: 'dist/preview.js' },
  // Mermaid, loaded by preview.js only when a page has a Mermaid diagram it has not drawn before,
  // and by the language server (diagram-mermaid) on the first mermaid block: one copy of Mermaid
  // (5 MB) in the package, not two. In a page it registers window.opsdocsMermaid; required from
  // Node, it exports parseMermaid.
  {
    ...browser,
    stdin: {
      contents: "import './client/src/preview/mermaidRenderer.ts'; export { parseMermaid } from './server/src/engine/diagrams/mermaidParser.ts';",
      resolveDir: '.',
      loader: 'ts',
      sourcefile: 'mermaid-bundle.ts',
    },
    globalName: 'opsdocsMermaidBundle',
    footer: { js: "if (typeof module !== 'undefined') module.exports = opsdocsMermaidBundle;" },
    outfile: 'dist/mermaid.js',
  },
  { entryPoints: ['client/src/preview/preview.css'], outfile: 'dist/preview.css', bundle: true, minify: true, logLevel: 'warning' },
];
