import type { PlantUmlView } from './markdownItPlugin';
import { describeError, type PlantUmlService } from './plantuml';

/** What the preview's PlantUML needs from its host (VS Code in the extension, fakes in tests). */
export interface PreviewHost {
  /** The service for the current settings. */
  service(): PlantUmlService;
  /** Re-renders the open Markdown previews. */
  refresh(): void;
  /** The previewed document of a markdown-it `env`: a key, and where its `!include`s resolve. */
  document(env: unknown): { key: string; folder?: string };
}

/**
 * PlantUML blocks in the Markdown preview. markdown-it renders synchronously, so a block whose
 * picture is not ready shows a placeholder (or its previous picture, dimmed) while it renders;
 * when every render is done and the preview still waits for one, the preview is refreshed once.
 * An edit that re-renders the preview first picks the result from the cache and needs no refresh.
 */
export class PlantUmlPreview {
  private readonly previous = new Map<string, string>();
  private readonly awaited = new Set<string>();
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly host: PreviewHost) {}

  /** The markdown-it plugin's question: what to show for the `index`-th PlantUML block of a document. */
  view(source: string, index: number, env: unknown): PlantUmlView {
    const service = this.host.service();
    const { renderer } = service;
    if (renderer.kind === 'off') return renderer.reason ? { state: 'unavailable', reason: renderer.reason } : { state: 'off' };
    const { key, folder } = this.host.document(env);
    const block = `${key}#${index}`;
    const wanted = `${folder ?? ''}\0${source}`;
    const result = service.peek(source, 'svg', folder);
    if (result) {
      this.awaited.delete(wanted);
      if (!result.ok) return { state: 'error', message: describeError(result) };
      const svg = result.data.toString('utf8');
      this.remember(block, svg);
      return { state: 'done', svg };
    }
    this.awaited.add(wanted);
    void service.render(source, 'svg', folder).then(() => this.scheduleRefresh(service));
    return { state: 'pending', previous: this.previous.get(block) };
  }

  private remember(block: string, svg: string): void {
    this.previous.delete(block);
    this.previous.set(block, svg);
    if (this.previous.size > 100) this.previous.delete(this.previous.keys().next().value as string);
  }

  private scheduleRefresh(service: PlantUmlService): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      if (service.busy || this.awaited.size === 0) return;
      this.awaited.clear();
      this.host.refresh();
    }, 50);
  }
}
