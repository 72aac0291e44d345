/**
 * What the extension side (markdown-it plugin, diagram panel) and the browser side (the preview
 * script) agree on: class names, fence languages, and the panel's messages. No DOM, no VS Code.
 */

export const CLASSES = {
  diagram: 'opsdocs-diagram',
  mermaid: 'opsdocs-mermaid',
  plantuml: 'opsdocs-plantuml',
  /** The fence's text, kept as a code block: shown until (or unless) a picture replaces it. */
  source: 'opsdocs-diagram-source',
  /** The picture, or the error in its place. */
  output: 'opsdocs-diagram-output',
  error: 'opsdocs-diagram-error',
  /** The previous picture, shown while the new text renders. */
  stale: 'opsdocs-diagram-stale',
  pending: 'opsdocs-diagram-pending',
  note: 'opsdocs-diagram-note',
} as const;

export type DiagramKind = 'mermaid' | 'plantuml';

/** The diagram language of a fence's info string (`mermaid`, `plantuml`, `puml`), if any. */
export function diagramKind(info: string): DiagramKind | undefined {
  const language = info.trim().split(/[\s{]/, 1)[0].toLowerCase();
  if (language === 'mermaid') return 'mermaid';
  if (language === 'plantuml' || language === 'puml') return 'plantuml';
  return undefined;
}

/** The diagram language of a whole file, by its extension. */
export function diagramKindOfFile(fileName: string): DiagramKind | undefined {
  const ext = /\.([^./\\]+)$/.exec(fileName)?.[1]?.toLowerCase();
  if (ext === 'mmd' || ext === 'mermaid') return 'mermaid';
  if (ext === 'puml' || ext === 'plantuml' || ext === 'pu' || ext === 'iuml') return 'plantuml';
  return undefined;
}

/** Extension → diagram panel. PlantUML arrives rendered; Mermaid renders in the panel. */
export type ToPanel =
  | { type: 'show'; title: string; kind: 'mermaid'; source: string }
  | { type: 'show'; title: string; kind: 'plantuml'; svg?: string; error?: string; pending?: boolean }
  | { type: 'empty'; title: string; message: string };

/** Diagram panel → extension. `data` is SVG text, or a PNG as base64. */
export type FromPanel = { type: 'ready' } | { type: 'export'; format: 'svg' | 'png'; data: string } | { type: 'exportFailed'; message: string };
