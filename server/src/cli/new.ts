import * as fs from 'node:fs';
import * as path from 'node:path';
import { closest } from '../engine/closest';
import { Engine } from '../engine/engine';
import { diskFileSystem } from '../engine/fileSystem';
import { defaultValues, newDocument, templateChoices, titleFromPath } from '../engine/authoring/templates';

export interface NewOptions {
  type: string;
  path: string;
  title?: string;
  config?: string;
}

/**
 * `opsdocs new <type> <path>`: writes a document from the type's template (the workspace's in
 * `.opsdocs/templates/`, else the built-in one). Never overwrites. Exit 0 written, 2 refused.
 */
export function newCommand(options: NewOptions, out: NodeJS.WritableStream, err: NodeJS.WritableStream): number {
  const target = path.resolve(options.path.endsWith('.md') ? options.path : `${options.path}.md`);
  if (fs.existsSync(target)) {
    err.write(`opsdocs: ${options.path} exists already; choose another path\n`);
    return 2;
  }
  const engine = new Engine({ fs: diskFileSystem, root: process.cwd(), configFile: options.config });
  const { config } = engine.configs.resolveFolder(path.dirname(target));
  const ids = templateChoices(diskFileSystem, config).map((choice) => choice.id);
  if (!ids.includes(options.type)) {
    const suggestion = closest(options.type, ids);
    err.write(`opsdocs: no template for type "${options.type}"${suggestion ? `; did you mean "${suggestion}"?` : ''}\nTypes: ${ids.join(', ')}\n`);
    return 2;
  }
  const text = newDocument(diskFileSystem, config, options.type, defaultValues(config, engine.today(), options.title ?? titleFromPath(target)));
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, text);
  out.write(`${path.relative(process.cwd(), target) || target}\n`);
  return 0;
}
