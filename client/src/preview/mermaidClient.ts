/// <reference lib="dom" />
/// <reference lib="dom.iterable" />

/**
 * Mermaid as the preview script sees it: the editor's theme, pictures remembered by theme and
 * text, and Mermaid itself (dist/mermaid.js, 5 MB) loaded on the first diagram that is not
 * remembered. The memory survives the preview reloading its page (sessionStorage), so a reload
 * puts every known diagram back at once instead of flashing its source while Mermaid loads.
 */

export type Theme = 'default' | 'dark';
export type MermaidResult = { svg: string } | { error: string };
export interface MermaidApi {
  render(source: string, theme: Theme): Promise<MermaidResult>;
}

declare global {
  interface Window {
    opsdocsMermaid?: MermaidApi;
  }
}

/** The webview's body carries VS Code's theme kind as a class. */
export function currentTheme(): Theme {
  const classes = document.body.classList;
  const dark = classes.contains('vscode-dark') || (classes.contains('vscode-high-contrast') && !classes.contains('vscode-high-contrast-light'));
  return dark ? 'dark' : 'default';
}

// Only while this script first runs does the page say which <script> it is: where we were loaded
// from (dist/mermaid.js sits beside us) and the nonce the page's policy lets scripts run with.
const self = document.currentScript as HTMLScriptElement | null;
const STORAGE = 'opsdocs.mermaid.v1';
const MAX_ENTRIES = 100;
const MAX_CHARS = 3_000_000;
const results = new Map<string, MermaidResult>(restore());
let mermaid: Promise<MermaidApi> | undefined;

export function cachedMermaid(source: string, theme: Theme): MermaidResult | undefined {
  return results.get(`${theme}\0${source}`);
}

export async function renderMermaid(source: string, theme: Theme): Promise<MermaidResult> {
  const key = `${theme}\0${source}`;
  const known = results.get(key);
  if (known) return known;
  let api: MermaidApi;
  try {
    api = await loadMermaid();
  } catch (error) {
    mermaid = undefined;
    return { error: error instanceof Error ? error.message : String(error) };
  }
  const result = await api.render(source, theme);
  results.delete(key);
  results.set(key, result);
  while (results.size > MAX_ENTRIES) results.delete(results.keys().next().value as string);
  persist();
  return result;
}

function loadMermaid(): Promise<MermaidApi> {
  mermaid ??= new Promise((resolve, reject) => {
    if (window.opsdocsMermaid) return resolve(window.opsdocsMermaid);
    const script = document.createElement('script');
    script.src = new URL('mermaid.js', self?.src || location.href).href;
    script.nonce = self?.nonce ?? '';
    script.onload = () => (window.opsdocsMermaid ? resolve(window.opsdocsMermaid) : reject(new Error('Mermaid did not start (dist/mermaid.js).')));
    script.onerror = () => reject(new Error('Could not load Mermaid (dist/mermaid.js).'));
    document.head.append(script);
  });
  return mermaid;
}

function restore(): [string, MermaidResult][] {
  try {
    const saved: unknown = JSON.parse(sessionStorage.getItem(STORAGE) ?? '[]');
    return Array.isArray(saved) ? saved : [];
  } catch {
    return []; // no storage in this webview, or not ours: start empty
  }
}

/** Saves the most recent pictures that fit, newest last. */
function persist(): void {
  const entries = [...results];
  let chars = 0;
  let first = entries.length;
  while (first > 0 && chars + entryChars(entries[first - 1]) <= MAX_CHARS) chars += entryChars(entries[--first]);
  try {
    sessionStorage.setItem(STORAGE, JSON.stringify(entries.slice(first)));
  } catch {
    // storage full or unavailable: the in-page memory still serves
  }
}

function entryChars([key, result]: [string, MermaidResult]): number {
  return key.length + ('svg' in result ? result.svg.length : result.error.length);
}
