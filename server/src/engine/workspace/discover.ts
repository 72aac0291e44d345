import * as fs from 'node:fs';
import * as path from 'node:path';
import ignore from 'ignore';
import { globSync } from 'tinyglobby';
import { ALWAYS_IGNORED, type OpsDocsConfig } from '../config/config';
import { toPosix } from '../analysis';

/**
 * The documents a config governs under a folder: its `docs` globs, less `ignore`,
 * node_modules, .git and what the root's .gitignore excludes. Absolute paths, sorted.
 */
export function discoverDocuments(config: OpsDocsConfig, under: string = config.root): string[] {
  const gitignored = gitignoreOf(config.root);
  const found = globSync(config.docs, {
    cwd: config.root,
    ignore: [...ALWAYS_IGNORED, ...config.ignore],
    absolute: true,
    dot: false,
    onlyFiles: true,
  });
  const prefix = path.resolve(under) + path.sep;
  return found
    .map((file) => path.resolve(file))
    .filter((file) => (file + path.sep).startsWith(prefix) || file === path.resolve(under))
    .filter((file) => !gitignored(toPosix(path.relative(config.root, file))))
    .sort();
}

/** What the root's .gitignore excludes, by path relative to the root. */
export function gitignoreOf(root: string): (relative: string) => boolean {
  let text: string;
  try {
    text = fs.readFileSync(path.join(root, '.gitignore'), 'utf8');
  } catch {
    // No .gitignore is the usual case: nothing is ignored but what the config's own globs say.
    return () => false;
  }
  const matcher = ignore().add(text);
  return (relative) => !relative.startsWith('..') && matcher.ignores(relative);
}
