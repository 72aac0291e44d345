import * as path from 'node:path';
import type { OpsDocsConfig } from '../config/config';
import type { FileSystem } from '../fileSystem';
import type { OpsDocument } from '../document/parse';
import type { CodeBlock } from '../document/codeBlocks';
import { isFillIn, shellBlocks } from './analysis';
import { pathExecutables } from '../programs';
import { SHELL_BUILTINS } from './knownCommands';
import { typoOf } from './nearMiss';
import { knownPrograms, popularPrograms, wordsLikeTypos } from './programData';

/** Folders of a workspace that hold the programs its runbooks call by name. */
const PROGRAM_FOLDERS = ['.', 'bin', 'scripts', 'tools', 'hack'];

/** What a program name a shell block runs is to OpsDocs; `command-unknown` reports `unknown` only. */
export type ProgramKind =
  | { kind: 'defined' | 'builtin' | 'configured' | 'known' | 'kubectl-plugin' | 'on-path' | 'unknown' }
  | { kind: 'workspace'; file: string };

export interface ProgramLookup {
  doc: OpsDocument;
  config: OpsDocsConfig;
  fs: FileSystem;
  /** Functions and aliases the document's shell blocks define. */
  defined: ReadonlySet<string>;
  /** configuredPrograms(config), computed once per document. */
  known: ReadonlySet<string>;
}

/** The programs a config says readers have: `commands.known` and command-unknown's `known` option. */
export function configuredPrograms(config: OpsDocsConfig): Set<string> {
  const ruleKnown = config.rules['command-unknown']?.options?.known;
  return new Set([...config.commands.known, ...(Array.isArray(ruleKnown) ? ruleKnown.map(String) : [])]);
}

export function lookUpProgram(lookup: ProgramLookup, name: string): ProgramKind {
  if (lookup.defined.has(name)) return { kind: 'defined' };
  if (SHELL_BUILTINS.has(name)) return { kind: 'builtin' };
  if (lookup.known.has(name)) return { kind: 'configured' };
  if (knownPrograms().has(name)) return { kind: 'known' };
  // kubectl runs `kubectl-<plugin>` for `kubectl <plugin>`; krew installs them.
  if (/^kubectl-[a-z0-9]/.test(name)) return { kind: 'kubectl-plugin' };
  const folders = [path.dirname(lookup.doc.path), ...PROGRAM_FOLDERS.map((folder) => path.join(lookup.config.root, folder))];
  const file = folders.map((folder) => path.join(folder, name)).find((candidate) => lookup.fs.stat(candidate) === 'file');
  if (file) return { kind: 'workspace', file };
  return { kind: pathExecutables().has(name) ? 'on-path' : 'unknown' };
}

/**
 * The program an unknown name is a typo of, if it is one: only programs operations people are
 * likely to have (Fig's CLIs, Debian's standard system, the config's) are candidates, since
 * almost any short word is one edit from one of the thousands of programs Debian ships; an
 * English word (`prints`) is prose that reached a shell block, or a site's tool, not a slip.
 */
export function closestProgram(lookup: ProgramLookup, name: string): string | undefined {
  if (wordsLikeTypos().has(name.toLowerCase())) return undefined;
  return typoOf(name, [...popularPrograms(), ...lookup.known]);
}

/** A program name as a reader would type it; anything else (`{{`, `...`, `$CMD`) is not a name to look up. */
const PROGRAM_NAME = /^[A-Za-z_][\w.+-]*$/;

/** One run of a program that OpsDocs does not know, in a shell block of a document. */
export interface UnknownProgramUse {
  name: string;
  block: CodeBlock;
  /** Offsets of the name in the block's script. */
  start: number;
  end: number;
  /** The program the name is likely a typo of. */
  suggestion?: string;
}

/**
 * The programs a document's shell blocks run that are no builtin, known tool, program on PATH or
 * workspace script: what command-unknown reports, and what `opsdocs init` proposes for `commands.known`.
 */
export function unknownProgramUses(doc: OpsDocument, config: OpsDocsConfig, fs: FileSystem, blocks = shellBlocks(doc)): UnknownProgramUse[] {
  const lookup: ProgramLookup = { doc, config, fs, defined: new Set(blocks.flatMap(({ shell }) => [...shell.defined])), known: configuredPrograms(config) };
  const uses: UnknownProgramUse[] = [];
  for (const { block, shell } of blocks) {
    for (const { program } of shell.commands) {
      const name = program.value;
      if (name === undefined || !PROGRAM_NAME.test(name) || isFillIn(shell, program) || lookUpProgram(lookup, name).kind !== 'unknown') continue;
      uses.push({ name, block, start: program.start, end: program.end, suggestion: closestProgram(lookup, name) });
    }
  }
  return uses;
}
