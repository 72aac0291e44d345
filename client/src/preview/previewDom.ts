/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import { cachedMermaid, currentTheme, renderMermaid, type MermaidResult, type Theme } from './mermaidClient';
import { CLASSES } from './protocol';

/**
 * The Markdown preview side: every `.opsdocs-mermaid` container gets its picture (or Mermaid's
 * error) in front of its source. The preview rebuilds its DOM on each edit (morphdom), which drops
 * our pictures; we put them back in the same task, before the page paints, from the cache. A
 * changed diagram keeps its previous picture, dimmed, until the new one is ready.
 */

interface BlockState {
  key: string;
  /** The last good picture of this block, shown while a new text renders. */
  svg?: string;
}

const blocks = new WeakMap<Element, BlockState>();
const shown = new WeakMap<Element, string>();

export function startPreview(): void {
  let theme = currentTheme();
  const scan = () => {
    for (const container of document.querySelectorAll(`.${CLASSES.mermaid}`)) update(container, theme);
  };
  // The preview's own script may add the first content before or after us: watch for it.
  new MutationObserver(scan).observe(document.body, { childList: true, subtree: true });
  new MutationObserver(() => {
    const next = currentTheme();
    if (next !== theme) {
      theme = next;
      scan();
    }
  }).observe(document.body, { attributes: true, attributeFilter: ['class'] });
  window.addEventListener('vscode.markdown.updateContent', scan);
  scan();
}

function update(container: Element, theme: Theme): void {
  const source = container.querySelector(`:scope > .${CLASSES.source}`)?.textContent ?? '';
  const key = `${theme}\0${source}`;
  const output = container.querySelector(`:scope > .${CLASSES.output}`);
  if (output && shown.get(output) === key) return;
  const state = blocks.get(container);
  const cached = cachedMermaid(source, theme);
  if (cached) {
    show(container, cached, key);
    blocks.set(container, { key, svg: 'svg' in cached ? cached.svg : state?.svg });
    return;
  }
  if (output) output.classList.add(CLASSES.stale);
  else if (state?.svg) showStale(container, state.svg);
  if (state?.key === key) return; // already rendering this text
  blocks.set(container, { key, svg: state?.svg });
  void renderMermaid(source, theme).then((result) => {
    const current = blocks.get(container);
    if (current?.key !== key || !container.isConnected) return;
    show(container, result, key);
    blocks.set(container, { key, svg: 'svg' in result ? result.svg : current.svg });
  });
}

function show(container: Element, result: MermaidResult, key: string): void {
  const output = document.createElement('div');
  output.className = CLASSES.output;
  if ('svg' in result) {
    output.innerHTML = result.svg; // Mermaid's own output, sanitized by it (securityLevel 'strict')
  } else {
    output.classList.add(CLASSES.error);
    output.setAttribute('role', 'alert');
    const title = document.createElement('strong');
    title.textContent = 'Mermaid:';
    const message = document.createElement('pre');
    message.textContent = result.error;
    output.append(title, message);
  }
  shown.set(output, key);
  replaceOutput(container, output);
}

function showStale(container: Element, svg: string): void {
  const output = document.createElement('div');
  output.className = `${CLASSES.output} ${CLASSES.stale}`;
  output.innerHTML = svg;
  replaceOutput(container, output);
}

function replaceOutput(container: Element, output: Element): void {
  for (const old of container.querySelectorAll(`:scope > .${CLASSES.output}`)) old.remove();
  container.prepend(output);
}
