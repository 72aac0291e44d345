import * as fs from 'node:fs';
import * as path from 'node:path';
import { diskFileSystem } from '../engine/fileSystem';
import { existingConfigFile, proposalSummary, proposeConfig, renderConfigProposal } from '../engine/workspace/init';

export interface InitOptions {
  /** The folder to configure (default: the current folder). */
  folder?: string;
  /** Print the proposal instead of writing it. */
  print: boolean;
}

/**
 * `opsdocs init [folder]`: writes `.opsdocs.yaml` from what the folder's documents and rule files
 * show, each choice commented. Never overwrites: with a config file there, nothing is written.
 * Exit 0 written (or printed), 2 refused.
 */
export function initCommand(options: InitOptions, out: NodeJS.WritableStream, err: NodeJS.WritableStream): number {
  const root = path.resolve(options.folder ?? '.');
  if (!fs.existsSync(root) || !fs.statSync(root).isDirectory()) {
    err.write(`opsdocs: ${options.folder} is not a folder\n`);
    return 2;
  }
  const existing = existingConfigFile(root, diskFileSystem);
  if (existing && !options.print) {
    err.write(`opsdocs: ${shown(existing)} exists already; init never overwrites a config (--print shows what it would propose)\n`);
    return 2;
  }
  const proposal = proposeConfig(root, diskFileSystem);
  const text = renderConfigProposal(proposal);
  if (options.print) {
    out.write(text);
    return 0;
  }
  const target = path.join(root, '.opsdocs.yaml');
  try {
    // `wx`: never replaces a file that appeared meanwhile.
    fs.writeFileSync(target, text, { flag: 'wx' });
  } catch (error) {
    err.write(`opsdocs: could not write ${shown(target)}: ${(error as Error).message}\n`);
    return 2;
  }
  out.write(`Wrote ${shown(target)}: ${proposalSummary(proposal)}\n`);
  return 0;
}

function shown(file: string): string {
  return path.relative(process.cwd(), file) || file;
}
