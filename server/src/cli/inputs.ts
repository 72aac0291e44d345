import * as path from 'node:path';
import type { ConfigProblem } from '../engine/config/config';
import { discoverDocuments } from '../engine/workspace/discover';
import { Engine } from '../engine/engine';
import { diskFileSystem, type FileSystem } from '../engine/fileSystem';
import { LineIndex } from '../engine/document/text';

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


/** What every command starts from: an engine for the config given (or found), and the documents. */
export interface Run {
  cwd: string;
  engine: Engine;
  configFile?: string;
  /** The paths given, or the current folder. */
  paths: string[];
  files: string[];
}

/**
 * Reads the command line's `--config` and paths into a run; on an unreadable config, a path
 * that does not exist or a config file with an error, says so on `err` and gives exit code 2.
 */
export function startRun(options: { paths: string[]; config?: string }, err: NodeJS.WritableStream, files: FileSystem = diskFileSystem): Run | 2 {
  const cwd = process.cwd();
  const configFile = options.config ? path.resolve(options.config) : undefined;
  if (configFile && diskFileSystem.stat(configFile) !== 'file') {
    err.write(`opsdocs: cannot read config file ${options.config}\n`);
    return 2;
  }
  const engine = new Engine({ fs: files, root: cwd, configFile });
  const paths = options.paths.length > 0 ? options.paths : ['.'];
  const documents = collectFiles(engine, paths, err);
  if (!documents) return 2;
  const broken = brokenConfigs(engine, documents);
  if (broken.length > 0) {
    for (const { file, problems } of broken) err.write(describeConfigProblems(file, problems, cwd));
    return 2;
  }
  return { cwd, engine, configFile, paths, files: documents };
}
