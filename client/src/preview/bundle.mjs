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
  // Mermaid, loaded by preview.js only when a page has a Mermaid diagram it has not drawn before.
  { ...browser, entryPoints: ['client/src/preview/mermaidRenderer.ts'], outfile: 'dist/mermaid.js' },
  { entryPoints: ['client/src/preview/preview.css'], outfile: 'dist/preview.css', bundle: true, minify: true, logLevel: 'warning' },
];
