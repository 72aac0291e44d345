import * as fs from 'node:fs';
import * as path from 'node:path';
import { fingerprint } from '../engine/dependencies';
import type { Engine } from '../engine/engine';
import { diskFileSystem } from '../engine/fileSystem';
import { findProgram, pathExecutables } from '../engine/programs';
import { headOf } from '../engine/review/git';
import { formatIsoDate } from '../engine/review/dates';
import { globFiles } from '../engine/workspace/ruleFiles';
import { ResultCache } from '../engine/workspace/resultCache';

declare const SERVER_VERSION: string;

/** Where results are kept unless `--cache-location` says: beside other tools' caches, else a folder of its own. */
export function defaultCacheFolder(cwd: string): string {
  const modules = path.join(cwd, 'node_modules');
  return diskFileSystem.stat(modules) === 'directory' ? path.join(modules, '.cache', 'opsdocs') : path.join(cwd, '.opsdocs-cache');
}

export function openResultCache(engine: Engine, folder: string, cwd: string, configFile: string | undefined): ResultCache {
  const askers = {
    gitHead: headOf,
    glob: globFiles,
    adoption: (root: string) => (engine.reviewAdoption.adopted(engine.configs.resolveFolder(root).config) ? '1' : '0'),
  };
  return ResultCache.open(folder, cwd, environmentOf(engine, configFile), diskFileSystem, askers);
}

/**
 * What every result depends on and no single document names: this build of OpsDocs (not only its
 * version: a development build changes without one), today (review dates age), the config named
 * by --config, and the machine's programs (command-unknown reads PATH; ShellCheck and PlantUML
 * give findings of their own versions).
 */
function environmentOf(engine: Engine, configFile: string | undefined): string {
  const checkers = ['shellcheck', 'plantuml'].map((name) => {
    const program = findProgram(name);
    const stats = program ? fs.statSync(program) : undefined;
    return `${name}=${program ?? ''}:${stats?.size ?? ''}:${stats?.mtimeMs ?? ''}`;
  });
  return fingerprint(
    [
      typeof SERVER_VERSION === 'string' ? SERVER_VERSION : 'source',
      fingerprint(fs.readFileSync(__filename, 'utf8')),
      formatIsoDate(engine.today()),
      String(engine.trusted),
      configFile ?? '',
      process.platform,
      ...checkers,
      [...pathExecutables()].sort().join(' '),
    ].join('\n'),
  );
}
