import * as path from 'node:path';
import { toDocumentOffset, type CodeBlock } from '../document/codeBlocks';
import type { OpsDocument } from '../document/parse';
import { shellBlocks, type ShellAnalysis, type ShellCommand, type ShellWord } from './analysis';

/**
 * Where each command of a document runs, read the way a reader follows the steps: one shell
 * from the first block to the last. `ssh db1` on a line of its own moves the reader to db1 until
 * `exit`; `cd /opt/app` to a folder outside the workspace; `git clone … && cd repo` into a
 * clone. Nothing is run: only the commands' words are read.
 */
export interface Place {
  /** How the reader reached the machine, container or login shell the command runs in ("ssh db1"); undefined: their own shell. */
  via?: string;
  /**
   * The folder the command runs in: relative to where the reader started ("" there,
   * "deploy/examples" after `cd deploy/examples`), absolute after `cd /opt/app`, undefined when
   * the document does not say (`cd "$DIR"`, `cd ~`, a remote shell).
   */
  cwd: string | undefined;
}

export interface PlacedCommand {
  block: CodeBlock;
  shell: ShellAnalysis;
  command: ShellCommand;
  place: Place;
  /** The command's start in the document. */
  offset: number;
}

/**
 * A path the document makes before some step: a clone, a download, a file written by a redirect
 * or `tee`, a folder an archive is unpacked in. What lies under it is the document's making too.
 */
export interface CreatedPath {
  /** Relative to where the reader started, or absolute. */
  path: string;
  offset: number;
}

export interface DocumentPlaces {
  commands: PlacedCommand[];
  created: CreatedPath[];
}

const cache = new WeakMap<OpsDocument, DocumentPlaces>();

export function documentPlaces(doc: OpsDocument): DocumentPlaces {
  let places = cache.get(doc);
  if (!places) {
    places = follow(doc);
    cache.set(doc, places);
  }
  return places;
}

function follow(doc: OpsDocument): DocumentPlaces {
  const result: DocumentPlaces = { commands: [], created: [] };
  // The reader's shells, innermost last: `ssh db1` pushes one, `exit` pops it.
  const shells: Place[] = [{ cwd: '' }];
  for (const { block, shell } of shellBlocks(doc)) {
    // Subshells of this block (`(cd x && ./y)`, `sh -c '…'`), where they have moved to.
    const subshells = new Map<string, Place>();
    for (const command of shell.allCommands) {
      const reader = shells[shells.length - 1];
      const inherited = command.via !== undefined ? { via: command.via, cwd: undefined } : reader;
      const place = command.subshell !== undefined ? (subshells.get(command.subshell) ?? inherited) : reader;
      const offset = toDocumentOffset(block, command.program.start);
      result.commands.push({ block, shell, command, place, offset });
      if (place.via === undefined && place.cwd !== undefined) {
        for (const made of createdBy(command)) result.created.push({ path: join(place.cwd, made), offset });
      }
      const moved = move(command, place);
      if (command.subshell !== undefined) {
        if (moved !== undefined) subshells.set(command.subshell, moved);
      } else if (command.opens !== undefined) shells.push({ via: command.opens, cwd: undefined });
      else if (/^(?:exit|logout)$/.test(command.program.value ?? '') && shells.length > 1) shells.pop();
      else if (moved !== undefined) shells[shells.length - 1] = moved;
    }
  }
  return result;
}

/** Where `cd`, `pushd` or `popd` takes the shell it runs in; undefined for any other command. */
function move(command: ShellCommand, place: Place): Place | undefined {
  const name = command.program.value;
  if (name === 'cd' || name === 'pushd') return { ...place, cwd: changedFolder(place.cwd, command.args) };
  return name === 'popd' ? { ...place, cwd: undefined } : undefined;
}

/** The folder after `cd ARG`: undefined when it cannot be told from the words (`cd`, `cd ~`, `cd -`, `cd "$DIR"`). */
function changedFolder(cwd: string | undefined, args: ShellWord[]): string | undefined {
  const operands = args.filter((arg) => !/^-[LPe@]+$/.test(arg.value ?? ''));
  const target = operands[0]?.value;
  if (operands.length !== 1 || target === undefined || target === '-' || target.startsWith('~')) return undefined;
  if (path.posix.isAbsolute(target)) return path.posix.normalize(target);
  if (cwd === undefined) return undefined;
  // `cd deploy/examples` again in a later block: that block starts where the walkthrough started.
  const folder = join('', target);
  if (folder !== '' && (cwd === folder || cwd.endsWith(`/${folder}`))) return cwd;
  return join(cwd, target);
}

function join(cwd: string, target: string): string {
  if (path.posix.isAbsolute(target)) return path.posix.normalize(target);
  const joined = path.posix.normalize(path.posix.join(cwd, target));
  return joined === '.' ? '' : joined.replace(/\/$/, '');
}

/** Paths a command makes, relative to the folder it runs in. */
function createdBy(command: ShellCommand): string[] {
  const made: string[] = [];
  const file = (value: string | undefined) => {
    if (value && value !== '-' && !value.startsWith('/dev/')) made.push(value);
  };
  for (const target of command.writes) file(target.value);
  const name = command.program.value;
  const args = command.args;
  const values = args.map((arg) => arg.value);
  const operands = args.filter((arg) => arg.value !== undefined && !arg.value.startsWith('-')).map((arg) => arg.value!);
  const valueOf = (...options: string[]) => {
    const at = values.findIndex((value) => value !== undefined && options.includes(value));
    return at >= 0 ? values[at + 1] : values.map((value) => options.map((o) => (value?.startsWith(`${o}=`) ? value.slice(o.length + 1) : undefined)).find(Boolean)).find(Boolean);
  };
  switch (name) {
    case 'git':
      if (operands[0] === 'clone') file(operands[2] ?? repositoryFolder(operands[1]));
      break;
    case 'curl':
      file(valueOf('-o', '--output'));
      if (values.some((value) => /^-[a-zA-Z]*O|^--remote-name$/.test(value ?? ''))) for (const url of operands.filter(isUrl)) file(urlFile(url));
      break;
    case 'wget': {
      const output = valueOf('-O', '--output-document');
      const folder = valueOf('-P', '--directory-prefix');
      if (output) file(output);
      else for (const url of operands.filter(isUrl)) file(folder ? path.posix.join(folder, urlFile(url) ?? '') : urlFile(url));
      break;
    }
    case 'tee':
      operands.forEach((operand) => file(operand));
      break;
    case 'mkdir':
    case 'touch':
      operands.forEach((operand) => file(operand));
      break;
    case 'cp':
    case 'mv':
    case 'ln':
    case 'install':
      if (operands.length >= 2) file(operands[operands.length - 1]);
      break;
    case 'tar':
      // `tar xzf x.tgz`, `tar -xvf x.tar -C dir`: what it unpacks is unknown until it runs.
      if (/^-?[a-zA-Z]*x/.test(values[0] ?? '') || values.includes('--extract')) file(valueOf('-C', '--directory') ?? '.');
      break;
    case 'unzip':
      file(valueOf('-d') ?? '.');
      break;
    case 'helm':
      if (operands[0] === 'pull' && values.includes('--untar')) file(valueOf('--untardir') ?? '.');
      break;
  }
  return made;
}

function isUrl(value: string): boolean {
  return /^[a-z][\w+.-]*:\/\//i.test(value);
}

/** The file a download is saved as: the URL path's last segment. */
function urlFile(url: string): string | undefined {
  const query = url.search(/[?#]/);
  const segment = lastSegment(query < 0 ? url : url.slice(0, query));
  return segment && !segment.includes(':') ? segment : undefined;
}

/** The folder `git clone URL` makes: the URL's last segment without `.git` (`git@host:org/repo.git` too). */
function repositoryFolder(url: string | undefined): string | undefined {
  const segment = url === undefined ? undefined : lastSegment(url)?.replace(/\.git$/, '');
  return segment?.slice(segment.lastIndexOf(':') + 1) || undefined;
}

function lastSegment(url: string): string | undefined {
  const segments = url.split('/').filter((segment) => segment !== '');
  return segments[segments.length - 1];
}

/** Whether the document makes a path before an offset: the path itself, or a folder above it. */
export function isCreatedBefore(places: DocumentPlaces, target: string, offset: number): boolean {
  return places.created.some((made) => made.offset < offset && (target === made.path || made.path === '' || target.startsWith(`${made.path}/`)));
}
