import * as path from 'node:path';
import type { ConfigProblem } from '../engine/config';
import { discoverDocuments } from '../engine/discover';
import type { Engine } from '../engine/engine';
import { diskFileSystem } from '../engine/fileSystem';
import { LineIndex } from '../engine/text';

/** The documents named on the command line: files as given, folders through their config's globs. */
export function collectFiles(engine: Engine, paths: string[], err: NodeJS.WritableStream): string[] | undefined {
  const files = new Set<string>();
  for (const given of paths) {
    const absolute = path.resolve(given);
    const kind = diskFileSystem.stat(absolute);
    if (kind === 'file') files.add(absolute);
    else if (kind === 'directory') {
      const { config } = engine.configs.resolveFolder(absolute);
      // Without a config file, the folder given is the root its globs start from.
      const root = config.file ? config : { ...config, root: absolute };
      for (const file of discoverDocuments(root, absolute)) files.add(file);
    } else {
      err.write(`opsdocs: no such file or folder: ${given}\n`);
      return undefined;
    }
  }
  return [...files];
}

export function brokenConfigs(engine: Engine, files: string[]): Array<{ file: string; problems: ConfigProblem[] }> {
  const seen = new Map<string, ConfigProblem[]>();
  for (const file of files) {
    const { config, problems } = engine.configFor(file);
    if (config.file && problems.some((p) => p.severity === 'error')) seen.set(config.file, problems);
  }
  return [...seen].map(([file, problems]) => ({ file, problems }));
}

export function describeConfigProblems(file: string, problems: ConfigProblem[], cwd: string): string {
  const lines = new LineIndex(diskFileSystem.readFile(file) ?? '');
  const relative = path.relative(cwd, file) || file;
  return problems
    .map((p) => {
      const at = lines.positionAt(p.start);
      return `${relative}:${at.line + 1}:${at.character + 1}: ${p.severity} ${p.message} [config]\n`;
    })
    .join('');
}

