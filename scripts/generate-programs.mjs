#!/usr/bin/env node
/**
 * Generates the program data that command-unknown, command-subcommand and command-option read,
 * from two well-kept sources and a short reviewed supplement:
 *
 *   server/data/programs/known.txt    every executable of Debian's packages (apt-file), every CLI of
 *                                     Fig's autocomplete specs (@withfig/autocomplete), the supplement
 *   server/data/programs/popular.txt  the programs whose near misses are typos: Fig's CLIs, Debian's
 *                                     standard system (priority required, important, standard), the supplement
 *   server/data/programs/words.txt    English words (Debian's wamerican) one slip from a popular program:
 *                                     "prints" is prose, not a typo of printf
 *   server/data/clis/index.json       which pack holds the spec of each CLI (and sub-spec)
 *   server/data/clis/<pack>.br        Fig's specs reduced to what the rules read, Brotli-compressed
 *
 * Usage (Debian or Ubuntu), after npm ci; tsx lets the script use the rules' own typo test:
 *   apt-get update && apt-get install -y apt-file wamerican && apt-file update
 *   node --import tsx scripts/generate-programs.mjs [--descriptions=all|subcommands|none]
 * Descriptions are what hovers show. All data in the .vsix: 1.2 MB with all (the default), 0.9 MB
 * with subcommands' only, 0.77 MB with none.
 *
 * Fig's specs are the package's own compiled modules: importing them runs their module code (a
 * dependency of this script, never a user's document). Generators and other functions in them are
 * never called; a spec's versions are resolved with Fig's own helper.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import { brotliCompressSync, constants } from 'node:zlib';
import { isTypoOf } from '../server/src/engine/shell/nearMiss.ts';

// The package's ES build imports a path without its extension, which Node cannot load: its CommonJS build can be.
const { getVersionFromVersionedSpec } = createRequire(import.meta.url)('@fig/autocomplete-helpers');

const repo = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const figBuild = path.join(repo, 'node_modules', '@withfig', 'autocomplete', 'build');
const out = path.join(repo, 'server', 'data');

/** A name a reader types at a prompt; `[`, `_internal`, `date@` and the like are not. */
const PROGRAM = /^[A-Za-z0-9][A-Za-z0-9._+-]*$/;
/** Executables: the bin folders, and the versioned folders whose programs Debian links through alternatives or its wrappers. */
const DEBIAN_EXECUTABLES = ['^/(usr/)?s?bin/[^/]+$', '^/usr/lib/(jvm|postgresql)/[^/]+/bin/[^/]+$'];
/** A CLI with more options than this (aws, az, gcloud: their whole APIs) ships without descriptions, in a pack of its own. */
const LARGE_CLI_OPTIONS = 5000;
/** Descriptions are cut to their first sentence, at most this long. */
const DESCRIPTION_LENGTH = 120;
/** Which descriptions hovers get: all, subcommands' only, or none. */
const DESCRIPTIONS = /^--descriptions=(all|subcommands|none)$/.exec(process.argv.find((a) => a.startsWith('--descriptions')) ?? '--descriptions=all')?.[1];
if (!DESCRIPTIONS) throw new Error('--descriptions takes all, subcommands or none');
/** Debian's word list (package wamerican). */
const WORDS = '/usr/share/dict/american-english';

// ---------------------------------------------------------------------------------------------
// Debian

function debianExecutables() {
  let listing;
  try {
    listing = DEBIAN_EXECUTABLES.map((pattern) => execFileSync('apt-file', ['search', '-x', pattern], { encoding: 'utf8', maxBuffer: 1 << 30 })).join('\n');
  } catch (error) {
    throw new Error(`apt-file found nothing (${error.message.split('\n')[0]}): run \`apt-get update && apt-file update\` first`);
  }
  const byPackage = new Map();
  for (const line of listing.split('\n')) {
    const match = /^([^:]+): (\S+)/.exec(line);
    if (!match) continue;
    const name = path.posix.basename(match[2]);
    if (!PROGRAM.test(name)) continue;
    if (!byPackage.has(match[1])) byPackage.set(match[1], new Set());
    byPackage.get(match[1]).add(name);
  }
  if (byPackage.size < 1000) throw new Error(`apt-file lists only ${byPackage.size} packages: run \`apt-file update\``);
  return byPackage;
}

/** Packages of Debian's standard system: what a Debian host has before anyone installs anything. */
function standardPackages() {
  const records = execFileSync('apt-cache', ['dumpavail'], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const standard = new Set();
  let name;
  for (const line of records.split('\n')) {
    if (line.startsWith('Package: ')) name = line.slice(9).trim();
    else if (/^Priority: (required|important|standard)\s*$/.test(line)) standard.add(name);
  }
  return standard;
}

// ---------------------------------------------------------------------------------------------
// Fig

async function importSpec(name) {
  const file = path.join(figBuild, `${name}.js`);
  const module = await import(pathToFileURL(file).href);
  if (module.versions && module.default) return getVersionFromVersionedSpec(module.default, module.versions).spec;
  return module.default;
}

/** The newest version file of a versioned spec (`az/2.53.0`): its index only picks one at run time. */
function newestVersion(name) {
  const versions = fs.readdirSync(path.join(figBuild, name)).map((f) => /^(\d+(?:\.\d+)*)\.js$/.exec(f)?.[1]).filter(Boolean);
  const parts = (v) => v.split('.').map(Number);
  versions.sort((a, b) => {
    const [x, y] = [parts(a), parts(b)];
    for (let i = 0; i < Math.max(x.length, y.length); i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) - (y[i] ?? 0);
    return 0;
  });
  return versions.length ? `${name}/${versions.at(-1)}` : undefined;
}

function firstSentence(text) {
  if (typeof text !== 'string') return undefined;
  const sentence = text.replace(/\s+/g, ' ').trim().split(/(?<=[.!?])\s/)[0];
  if (!sentence) return undefined;
  return sentence.length > DESCRIPTION_LENGTH ? `${sentence.slice(0, DESCRIPTION_LENGTH - 1).trimEnd()}…` : sentence;
}

const asArray = (value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]);
const names = (value) => {
  const all = asArray(value).filter((n) => typeof n === 'string' && n.length > 0);
  return all.length === 1 ? all[0] : all;
};

function compactOption(option, described) {
  const out = { n: names(option.name) };
  const args = asArray(option.args);
  if (args.length > 0) {
    out.v = args.length;
    if (args[0]?.isOptional) out.o = 1;
    // pflag's `--dry-run` alone means `--dry-run=client`: a value chosen from a list may have a default the spec does not say.
    if (asArray(args[0]?.suggestions).length > 0 || args[0]?.default !== undefined) out.k = 1;
  }
  if (option.isPersistent) out.p = 1;
  if (option.requiresSeparator || option.requiresEquals) out.e = 1;
  if (option.isRepeatable) out.r = 1;
  const description = described.options && firstSentence(option.description);
  if (description) out.d = description;
  return out;
}

/**
 * A subcommand as the rules read it. Facts only, the rules decide: `g` generated subcommands,
 * `l` a spec loaded from elsewhere (a record name, or 1 when computed), `a` declared positional
 * arguments (-1: variadic), `c` the argument that is a command line of its own, `f` flags that are
 * not POSIX (`-abc` is one option), `m` options only before arguments.
 */
function compactNode(spec, described) {
  const out = { n: names(spec.name) };
  const description = described.subcommands && firstSentence(spec.description);
  if (description) out.d = description;
  const options = asArray(spec.options).filter((o) => names(o.name).length > 0);
  if (options.length) out.o = options.map((o) => compactOption(o, described));
  const subcommands = asArray(spec.subcommands).filter((s) => names(s.name).length > 0);
  if (subcommands.length) out.s = subcommands.map((s) => compactNode(s, described));
  const args = asArray(spec.args);
  if (args.length) out.a = args.some((a) => a.isVariadic) ? -1 : args.length;
  const command = args.findIndex((a) => a.isCommand || a.isScript || a.loadSpec);
  if (command >= 0) out.c = command;
  if (spec.generateSpec) out.g = 1;
  if (typeof spec.loadSpec === 'string') out.l = spec.loadSpec;
  else if (spec.loadSpec && typeof spec.loadSpec === 'object') {
    const inline = compactNode({ ...spec.loadSpec, name: spec.name }, described);
    Object.assign(out, inline, { n: out.n, d: out.d ?? inline.d });
  } else if (spec.loadSpec) out.l = 1;
  if (spec.parserDirectives?.flagsArePosixNoncompliant) out.f = 1;
  if (spec.parserDirectives?.optionsMustPrecedeArguments) out.m = 1;
  return out;
}

function countOptions(spec) {
  return asArray(spec.options).length + asArray(spec.subcommands).reduce((sum, s) => sum + countOptions(s), 0);
}

/** Every spec a CLI is made of: itself and the sub-specs it loads (`aws` loads `aws/ec2`…). */
async function cliRecords(cli, specName) {
  const specs = new Map([[cli, await importSpec(specName)]]);
  const pending = [];
  const collect = (spec) => {
    for (const s of asArray(spec.subcommands)) {
      if (typeof s.loadSpec === 'string') pending.push(s.loadSpec);
      collect(s);
    }
  };
  collect(specs.get(cli));
  while (pending.length) {
    const ref = pending.pop();
    if (specs.has(ref) || !fs.existsSync(path.join(figBuild, `${ref}.js`))) continue;
    const spec = await importSpec(ref);
    if (!spec || typeof spec !== 'object') continue;
    specs.set(ref, spec);
    collect(spec);
  }
  const options = [...specs.values()].reduce((sum, s) => sum + countOptions(s), 0);
  const large = options > LARGE_CLI_OPTIONS;
  const described = { subcommands: !large && DESCRIPTIONS !== 'none', options: !large && DESCRIPTIONS === 'all' };
  const records = new Map([...specs].map(([name, spec]) => [name, compactNode(spec, described)]));
  return { records, large };
}

async function figSpecs() {
  const { default: index, diffVersionedCompletions } = await import(pathToFileURL(path.join(figBuild, 'index.js')).href);
  const versioned = new Set(diffVersionedCompletions);
  const clis = new Map();
  for (const name of index) {
    // Sub-specs come with their CLI; `@scope/cli` specs are npm packages run through npx, not programs.
    if (name.includes('/') || !PROGRAM.test(name)) continue;
    const specName = versioned.has(name) ? newestVersion(name) : name;
    if (!specName) continue;
    try {
      clis.set(name, await cliRecords(name, specName));
    } catch (error) {
      console.warn(`skipped Fig spec ${name}: ${error.message}`);
    }
  }
  return clis;
}

// ---------------------------------------------------------------------------------------------
// Output

function supplement() {
  return fs.readFileSync(path.join(repo, 'scripts', 'programs-supplement.txt'), 'utf8')
    .split('\n').filter((line) => !line.startsWith('#')).flatMap((line) => line.split(/\s+/)).filter(Boolean);
}

/** Words of the dictionary that the rules' typo test would take for a slip of a popular program's name. */
function wordsLikeTypos(popular, known) {
  if (!fs.existsSync(WORDS)) throw new Error(`${WORDS} is missing: apt-get install wamerican`);
  const byLetter = new Map();
  for (const name of popular) for (const letter of new Set(name.slice(0, 2).toLowerCase())) byLetter.set(letter, [...(byLetter.get(letter) ?? []), name]);
  const words = new Set(fs.readFileSync(WORDS, 'utf8').split('\n').filter((w) => /^[a-z]{4,}$/.test(w)));
  return [...words].filter((word) => !known.has(word) && (byLetter.get(word[0]) ?? []).some((name) => isTypoOf(word, name)));
}

function writeList(file, names, about) {
  const sorted = [...new Set(names)].sort();
  fs.writeFileSync(file, `# ${about}\n# Generated by scripts/generate-programs.mjs: do not edit.\n${sorted.join('\n')}\n`);
  return sorted.length;
}

function readList(file) {
  return fs.readFileSync(path.join(out, 'programs', file), 'utf8').split('\n').filter((line) => line && !line.startsWith('#'));
}

function writePacks(clis) {
  const folder = path.join(out, 'clis');
  fs.rmSync(folder, { recursive: true, force: true });
  fs.mkdirSync(folder, { recursive: true });
  const packs = new Map();
  const index = {};
  const seen = new Map();
  for (const [cli, { records, large }] of [...clis].sort(([a], [b]) => a.localeCompare(b))) {
    const pack = large ? cli : 'specs';
    if (!packs.has(pack)) packs.set(pack, []);
    for (const [name, record] of records) {
      if (name in index) continue;
      const json = JSON.stringify(record);
      // The same spec under several names (git and hub, clang and clang++) is stored once.
      const body = JSON.stringify({ ...record, n: undefined });
      const same = seen.get(body);
      packs.get(pack).push(`${name}\t${same && index[same] === pack ? `=${same}` : json}`);
      if (!same) seen.set(body, name);
      index[name] = pack;
    }
  }
  const sizes = {};
  for (const [pack, lines] of packs) {
    const compressed = brotliCompressSync(lines.join('\n'), { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_LGWIN]: 24 } });
    fs.writeFileSync(path.join(folder, `${pack}.br`), compressed);
    sizes[pack] = compressed.length;
  }
  fs.writeFileSync(path.join(folder, 'index.json'), `${JSON.stringify(index)}\n`);
  return sizes;
}

const debian = debianExecutables();
const standard = standardPackages();
const clis = await figSpecs();
const extra = supplement();
const debianNames = [...debian.values()].flatMap((set) => [...set]);
const standardNames = [...debian].filter(([pkg]) => standard.has(pkg)).flatMap(([, set]) => [...set]);
const figNames = [...clis.keys()].concat([...clis].flatMap(([cli, { records }]) => asArray(records.get(cli).n)).filter((n) => PROGRAM.test(n)));

fs.mkdirSync(path.join(out, 'programs'), { recursive: true });
const known = writeList(path.join(out, 'programs', 'known.txt'), [...debianNames, ...figNames, ...extra],
  "Programs OpsDocs knows: Debian's executables, Fig's CLIs and scripts/programs-supplement.txt.");
const popular = writeList(path.join(out, 'programs', 'popular.txt'), [...figNames, ...standardNames, ...extra],
  "Programs whose near misses command-unknown reports as typos: Fig's CLIs, Debian's standard system and the supplement.");
const words = writeList(path.join(out, 'programs', 'words.txt'), wordsLikeTypos(readList('popular.txt'), new Set(readList('known.txt'))),
  "English words (Debian's wamerican) one slip from a popular program's name: command-unknown takes them for prose, not typos.");
const sizes = writePacks(clis);
console.log(`known: ${known} programs (${debian.size} Debian packages, ${clis.size} Fig CLIs); popular: ${popular}; words: ${words}`);
console.log(`packs: ${Object.entries(sizes).map(([pack, size]) => `${pack} ${(size / 1024).toFixed(0)} KiB`).join(', ')}`);
