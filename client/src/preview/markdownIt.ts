import { diagramFences, type MarkdownItLike } from './markdownItPlugin';
import { plantUmlPreview } from './plantumlHost';

/**
 * The `markdown.markdownItPlugins` entry point: the built-in Markdown preview calls it with its
 * markdown-it once. Mermaid is not loaded here: its blocks render in the preview script.
 */
export function extendMarkdownIt<T extends MarkdownItLike>(md: T): T {
  return diagramFences(md, { plantuml: (source, index, env) => plantUmlPreview.view(source, index, env) });
}
