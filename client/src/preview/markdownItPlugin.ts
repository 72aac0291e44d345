import { CLASSES, diagramKind } from './protocol';

/**
 * The markdown-it side of diagrams in the Markdown preview, free of VS Code so tests run it on a
 * plain markdown-it. A `mermaid` fence becomes a container the preview script renders in place
 * (its source stays inside as a code block, so without the script the reader still sees the
 * text); a `plantuml`/`puml` fence becomes the picture the host already has, a placeholder while
 * it renders, or its error.
 */

/** The parts of markdown-it's Token and Renderer this plugin reads. */
export interface FenceToken {
  info: string;
  content: string;
  attrs: [string, string][] | null;
}
export type RenderRule = (tokens: FenceToken[], idx: number, options: unknown, env: unknown, self: unknown) => string;
export interface MarkdownItLike {
  renderer: { rules: Record<string, RenderRule | undefined> };
}

/** What the host knows of one PlantUML block when the preview asks. */
export type PlantUmlView =
  | { state: 'off' }
  | { state: 'unavailable'; reason: string }
  | { state: 'pending'; previous?: string }
  | { state: 'done'; svg: string }
  | { state: 'error'; message: string };

export interface DiagramFenceOptions {
  /** `index` counts the PlantUML blocks of the document from 0; `env` is markdown-it's. */
  plantuml?: (source: string, index: number, env: unknown) => PlantUmlView;
}

export function diagramFences<T extends MarkdownItLike>(md: T, options: DiagramFenceOptions = {}): T {
  const fallback = md.renderer.rules.fence;
  md.renderer.rules.fence = (tokens, idx, renderOptions, env, self) => {
    const token = tokens[idx];
    const kind = diagramKind(token.info);
    if (kind === 'mermaid') return mermaidHtml(token);
    if (kind === 'plantuml' && options.plantuml) {
      const index = tokens.slice(0, idx).filter((t) => (t as { type?: string }).type === 'fence' && diagramKind(t.info) === 'plantuml').length;
      const view = options.plantuml(token.content, index, env);
      if (view.state !== 'off') return plantUmlHtml(token, view);
    }
    return fallback ? fallback(tokens, idx, renderOptions, env, self) : `<pre><code>${escapeHtml(token.content)}</code></pre>\n`;
  };
  return md;
}

function mermaidHtml(token: FenceToken): string {
  return `<div${attributes(token, `${CLASSES.diagram} ${CLASSES.mermaid}`)}>${sourceHtml(token, 'mermaid')}</div>\n`;
}

function plantUmlHtml(token: FenceToken, view: Exclude<PlantUmlView, { state: 'off' }>): string {
  const open = `<div${attributes(token, `${CLASSES.diagram} ${CLASSES.plantuml}`)}>`;
  switch (view.state) {
    case 'done':
      return `${open}${imageHtml(view.svg, CLASSES.output)}${sourceHtml(token, 'plantuml')}</div>\n`;
    case 'pending': {
      const previous = view.previous ? imageHtml(view.previous, `${CLASSES.output} ${CLASSES.stale}`) : `<div class="${CLASSES.pending}">Rendering PlantUML…</div>`;
      return `${open}${previous}${sourceHtml(token, 'plantuml')}</div>\n`;
    }
    case 'error':
      return `${open}${errorHtml('PlantUML', view.message)}${sourceHtml(token, 'plantuml')}</div>\n`;
    case 'unavailable':
      return `${open}<div class="${CLASSES.note}">PlantUML not rendered: ${escapeHtml(view.reason)}</div>${sourceHtml(token, 'plantuml')}</div>\n`;
  }
}

/** An SVG as an image: whatever it holds, nothing in it runs in the preview. */
function imageHtml(svg: string, className: string): string {
  return `<div class="${className}"><img alt="PlantUML diagram" src="data:image/svg+xml;base64,${Buffer.from(svg, 'utf8').toString('base64')}"></div>`;
}

export function errorHtml(renderer: string, message: string): string {
  return `<div class="${CLASSES.output} ${CLASSES.error}" role="alert"><strong>${renderer}:</strong><pre>${escapeHtml(message)}</pre></div>`;
}

function sourceHtml(token: FenceToken, language: string): string {
  return `<pre class="${CLASSES.source}"><code class="language-${language}">${escapeHtml(token.content)}</code></pre>`;
}

/**
 * The token's attributes (the preview's `data-line` and `code-line` for scroll sync) with our
 * classes joined in, without touching the token: the preview may render the same tokens again.
 */
function attributes(token: FenceToken, className: string): string {
  const attrs = new Map(token.attrs ?? []);
  attrs.set('class', [attrs.get('class'), className].filter(Boolean).join(' '));
  return [...attrs].filter(([name]) => /^[\w:-]+$/.test(name)).map(([name, value]) => ` ${name}="${escapeHtml(value)}"`).join('');
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] as string);
}
