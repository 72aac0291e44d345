import { createRequire } from 'node:module';
import type { FenceToken, MarkdownItLike, RenderRule } from '../../client/src/preview/markdownItPlugin';

/** The parts of markdown-it the tests drive, typed here (the package ships no types of its own). */
export interface MarkdownIt extends MarkdownItLike {
  renderer: { rules: Record<string, RenderRule | undefined>; render(tokens: FenceToken[], options: object, env: object): string };
  options: object;
  parse(text: string, env: object): FenceToken[];
  render(text: string, env?: object): string;
}

/** A real markdown-it, configured as VS Code's preview configures its own (raw HTML allowed). */
export function markdownIt(): MarkdownIt {
  const factory = createRequire(__filename)('markdown-it') as (options: object) => MarkdownIt;
  return factory({ html: true });
}
