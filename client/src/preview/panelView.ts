/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import { cachedMermaid, currentTheme, renderMermaid } from './mermaidClient';
import { CLASSES, type FromPanel, type ToPanel } from './protocol';

/**
 * The diagram panel's page: shows what the extension sends (Mermaid rendered here, PlantUML
 * already rendered), keeps the last picture while a new one renders, and exports the picture
 * as SVG text or as a PNG drawn on a canvas.
 */

declare function acquireVsCodeApi(): { postMessage(message: FromPanel): void };

export function startPanel(): void {
  const host = acquireVsCodeApi();
  const view = element('opsdocs-view');
  const title = element('opsdocs-title');
  const exportSvg = element('opsdocs-export-svg') as HTMLButtonElement;
  const exportPng = element('opsdocs-export-png') as HTMLButtonElement;
  let picture: string | undefined;
  let last: ToPanel | undefined;
  let sequence = 0;

  const setPicture = (svg: string | undefined) => {
    picture = svg;
    exportSvg.disabled = exportPng.disabled = !svg;
  };

  const show = async (message: ToPanel) => {
    const mine = ++sequence;
    last = message;
    title.textContent = message.title;
    if (message.type === 'empty') {
      setPicture(undefined);
      view.replaceChildren(note(message.message));
      return;
    }
    if (message.kind === 'plantuml') {
      if (message.pending) return markStale(view);
      if (message.error !== undefined) return showError(view, 'PlantUML', message.error, setPicture);
      view.replaceChildren(image(message.svg ?? ''));
      return setPicture(message.svg);
    }
    const theme = currentTheme();
    const result = cachedMermaid(message.source, theme) ?? (markStale(view), await renderMermaid(message.source, theme));
    if (mine !== sequence) return;
    if ('error' in result) return showError(view, 'Mermaid', result.error, setPicture);
    const output = document.createElement('div');
    output.className = CLASSES.output;
    output.innerHTML = result.svg; // sanitized by Mermaid (securityLevel 'strict')
    view.replaceChildren(output);
    setPicture(result.svg);
  };

  window.addEventListener('message', (event: MessageEvent<ToPanel>) => void show(event.data));
  new MutationObserver(() => last?.type === 'show' && last.kind === 'mermaid' && void show(last)).observe(document.body, { attributes: true, attributeFilter: ['class'] });
  exportSvg.addEventListener('click', () => picture && host.postMessage({ type: 'export', format: 'svg', data: picture }));
  exportPng.addEventListener('click', () => {
    if (!picture) return;
    svgToPng(picture, getComputedStyle(document.body).backgroundColor).then(
      (data) => host.postMessage({ type: 'export', format: 'png', data }),
      (error: unknown) => host.postMessage({ type: 'exportFailed', message: error instanceof Error ? error.message : String(error) }),
    );
  });
  setPicture(undefined);
  host.postMessage({ type: 'ready' });
}

function element(id: string): HTMLElement {
  const found = document.getElementById(id);
  if (!found) throw new Error(`The diagram panel's page has no #${id}`);
  return found;
}

function markStale(view: HTMLElement): void {
  view.querySelector(`.${CLASSES.output}`)?.classList.add(CLASSES.stale);
}

function showError(view: HTMLElement, renderer: string, text: string, setPicture: (svg: undefined) => void): void {
  const output = document.createElement('div');
  output.className = `${CLASSES.output} ${CLASSES.error}`;
  output.setAttribute('role', 'alert');
  const heading = document.createElement('strong');
  heading.textContent = `${renderer}:`;
  const message = document.createElement('pre');
  message.textContent = text;
  output.append(heading, message);
  view.replaceChildren(output);
  setPicture(undefined);
}

function note(text: string): HTMLElement {
  const p = document.createElement('p');
  p.className = CLASSES.note;
  p.textContent = text;
  return p;
}

/** A PlantUML picture as an image: nothing inside an SVG image runs. */
function image(svg: string): HTMLElement {
  const output = document.createElement('div');
  output.className = `${CLASSES.output} ${CLASSES.plantuml}`;
  const img = document.createElement('img');
  img.alt = 'PlantUML diagram';
  img.src = svgDataUrl(svg);
  output.append(img);
  return output;
}

function svgDataUrl(svg: string): string {
  const bytes = new TextEncoder().encode(svg);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return `data:image/svg+xml;base64,${btoa(binary)}`;
}

/**
 * Draws the SVG on a canvas at twice its size over the panel's background and returns the PNG as
 * base64. The SVG gets explicit pixel dimensions first: Mermaid's say `width="100%"`.
 */
export async function svgToPng(svg: string, background: string, scale = 2): Promise<string> {
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
  const root = doc.documentElement;
  const box = (root.getAttribute('viewBox') ?? '').split(/[\s,]+/).map(Number);
  const width = box.length === 4 && box[2] > 0 ? box[2] : parseFloat(root.getAttribute('width') ?? '') || 800;
  const height = box.length === 4 && box[3] > 0 ? box[3] : parseFloat(root.getAttribute('height') ?? '') || 600;
  root.setAttribute('width', String(width));
  root.setAttribute('height', String(height));
  root.removeAttribute('style');
  const img = new Image();
  img.src = svgDataUrl(new XMLSerializer().serializeToString(root));
  await img.decode();
  const canvas = document.createElement('canvas');
  canvas.width = Math.ceil(width * scale);
  canvas.height = Math.ceil(height * scale);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('No 2D canvas in this webview.');
  context.fillStyle = background;
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.drawImage(img, 0, 0, canvas.width, canvas.height);
  return canvas.toDataURL('image/png').slice('data:image/png;base64,'.length);
}
