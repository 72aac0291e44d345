import * as fs from 'node:fs';
import * as path from 'node:path';
import { brotliDecompressSync } from 'node:zlib';

/**
 * The program data scripts/generate-programs.mjs makes from Debian's packages and Fig's specs,
 * each part read on first use: the names when a shell block first names a program, a CLI's spec
 * when a block first runs that CLI. Bundled front ends find it in dist/data (copied by the build);
 * run from source, in server/data.
 */
function dataFolder(): string {
  return __filename.endsWith('.ts') ? path.join(__dirname, '..', '..', '..', 'data') : path.join(__dirname, 'data');
}

function readData(file: string): Buffer {
  const full = path.join(dataFolder(), file);
  try {
    return fs.readFileSync(full);
  } catch (error) {
    throw new Error(`OpsDocs' program data ${full} cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)}): reinstall OpsDocs, or run npm run build`);
  }
}

function nameList(file: string): Set<string> {
  const names = new Set<string>();
  for (const line of readData(file).toString('utf8').split('\n')) if (line && !line.startsWith('#')) names.add(line);
  return names;
}

let known: Set<string> | undefined;
let popular: Set<string> | undefined;

/** Every executable of Debian's packages, every CLI with a Fig spec, and the reviewed supplement. */
export function knownPrograms(): ReadonlySet<string> {
  known ??= nameList('programs/known.txt');
  return known;
}

/** The programs whose near misses are typos: Fig's CLIs, Debian's standard system, the supplement. */
export function popularPrograms(): ReadonlySet<string> {
  popular ??= nameList('programs/popular.txt');
  return popular;
}

let words: Set<string> | undefined;

/** English words one slip from a popular program (`prints`, `cart`): prose or a site's tool, not typos. */
export function wordsLikeTypos(): ReadonlySet<string> {
  words ??= nameList('programs/words.txt');
  return words;
}

// ---------------------------------------------------------------------------------------------
// Fig's specs, as the generator stores them (short keys: the data ships in the extension)

/** A subcommand, or the CLI itself. */
export interface SpecNode {
  /** Name, or names (the first is the one the CLI documents). */
  n: string | string[];
  /** Description: the spec's first sentence. Absent for the largest CLIs (aws, az, gcloud). */
  d?: string;
  s?: SpecNode[];
  o?: SpecOption[];
  /** Declared positional arguments; -1 when the last takes any number. */
  a?: number;
  /** The argument (0-based) that is a command line of its own (`sudo CMD…`, `docker run IMAGE CMD…`). */
  c?: number;
  /** Subcommands are generated at completion time (git's aliases): the spec cannot list them. */
  g?: 1;
  /** The rest of the spec is the record of that name; 1 when computed at completion time. */
  l?: string | 1;
  /** `-abc` is one option, not three (terraform's `-auto-approve`). */
  f?: 1;
  /** Options come before the positional arguments only. */
  m?: 1;
  /** Added by OpsDocs (subcommands.ts) where Fig's spec lacks the subcommand: its options are not known. */
  x?: 1;
}

export interface SpecOption {
  n: string | string[];
  d?: string;
  /** How many values the option takes (absent: none). */
  v?: number;
  /** The value may be left out. */
  o?: 1;
  /** Also an option of every subcommand below. */
  p?: 1;
  /** The value must be attached: `--opt=value`. */
  e?: 1;
  /** The value is one of a list, which may have a default (pflag's `--dry-run` alone): perhaps optional. */
  k?: 1;
  r?: 1;
}

export const namesOf = (item: { n: string | string[] }): string[] => (Array.isArray(item.n) ? item.n : [item.n]);

interface Pack {
  /** Decompressed, kept as bytes: a record is decoded only when its CLI is first met. */
  data: Buffer;
  /** Record name → [start, end) of its JSON in data. */
  records: Map<string, [number, number]>;
  parsed: Map<string, SpecNode | undefined>;
}

let index: Record<string, string> | undefined;
const packs = new Map<string, Pack>();

function packIndex(): Record<string, string> {
  index ??= JSON.parse(readData('clis/index.json').toString('utf8')) as Record<string, string>;
  return index;
}

const NEWLINE = 0x0a;
const TAB = 0x09;

function loadPack(name: string): Pack {
  let pack = packs.get(name);
  if (!pack) {
    const data = brotliDecompressSync(readData(`clis/${name}.br`));
    const records = new Map<string, [number, number]>();
    for (let start = 0; start < data.length; ) {
      const newline = data.indexOf(NEWLINE, start);
      const end = newline < 0 ? data.length : newline;
      const tab = data.indexOf(TAB, start);
      if (tab > start && tab < end) records.set(data.toString('utf8', start, tab), [tab + 1, end]);
      start = end + 1;
    }
    pack = { data, records, parsed: new Map() };
    packs.set(name, pack);
  }
  return pack;
}

/** Fig's spec of a CLI (`kubectl`) or of a part another spec loads (`aws/s3`); undefined when Fig has none. */
export function figSpec(name: string): SpecNode | undefined {
  const packName = Object.hasOwn(packIndex(), name) ? packIndex()[name] : undefined;
  if (!packName) return undefined;
  const pack = loadPack(packName);
  if (!pack.parsed.has(name)) {
    const at = pack.records.get(name);
    const json = at && pack.data.toString('utf8', at[0], at[1]);
    // `=git`: the same spec as another record (hub is git).
    pack.parsed.set(name, json === undefined ? undefined : json.startsWith('=') ? figSpec(json.slice(1)) : (JSON.parse(json) as SpecNode));
  }
  return pack.parsed.get(name);
}
