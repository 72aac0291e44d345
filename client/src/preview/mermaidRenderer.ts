/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import mermaid from 'mermaid';
import type { MermaidApi, MermaidResult, Theme } from './mermaidClient';

/**
 * dist/mermaid.js: Mermaid itself, loaded by the preview script only when a page has a Mermaid
 * diagram to draw. Strict security, the theme asked for, one render at a time.
 */

// The same bundle is the language server's Mermaid parser (esbuild.mjs): in Node there is no page.
const inPage = typeof window !== 'undefined';

// Before anything else: never scan the page for `.mermaid` elements on load (other extensions' output).
if (inPage) mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });

let queue: Promise<unknown> = Promise.resolve();
let configuredTheme: Theme | undefined;
let renders = 0;
// Pictures outlive this page (the preview script keeps them across reloads): ids must not repeat.
const page = Date.now().toString(36);

function render(source: string, theme: Theme): Promise<MermaidResult> {
  const next = queue.then(() => renderNow(source, theme));
  queue = next.catch(() => undefined);
  return next;
}

async function renderNow(source: string, theme: Theme): Promise<MermaidResult> {
  if (configuredTheme !== theme) {
    mermaid.initialize({
      startOnLoad: false,
      securityLevel: 'strict',
      theme,
      suppressErrorRendering: true,
      // Labels as SVG text, not HTML in <foreignObject>: an exported PNG needs an untainted canvas.
      htmlLabels: false,
    });
    configuredTheme = theme;
  }
  const id = `opsdocs-mermaid-${page}-${++renders}`;
  try {
    const { svg } = await mermaid.render(id, source);
    return { svg };
  } catch (error) {
    return { error: errorText(error) };
  } finally {
    document.getElementById(`d${id}`)?.remove();
  }
}

function errorText(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (error && typeof error === 'object' && 'str' in error) return String((error as { str: unknown }).str);
  return String(error);
}

const api: MermaidApi = { render };
if (inPage) window.opsdocsMermaid = api;
