import * as path from 'node:path';
import { parseDocument } from 'yaml';
import configSchema from '../../../../schemas/opsdocs.schema.json';
import { BUILTIN_TYPES, type DocType, type SectionSpec } from './docTypes';
import { remembered, type Remembered } from '../dependencies';
import type { FileSystem } from '../fileSystem';
import type { SeveritySetting } from '../types';
import { compileSchema, schemaProblems } from './yamlSchema';
import { didYouMean } from '../closest';

export const CONFIG_FILE_NAMES = ['.opsdocs.yaml', '.opsdocs.yml', '.opsdocs.json'];

export interface RuleSetting {
  severity: SeveritySetting;
  options: Record<string, unknown>;
}

export interface OpsDocsConfig {
  /** The folder relative paths and globs resolve against: the config file's folder. */
  root: string;
  /** The config file, when there is one. */
  file?: string;
  docs: string[];
  ignore: string[];
  types: DocType[];
  /** Whether documents no front matter or glob types are typed by their headings (`types.infer`). */
  inferTypes: boolean;
  /** `required`: review dates are asked of every typed document, adopted or not. */
  review: { cycle: string; warnDays: number; reviewer?: string; required?: boolean };
  rules: Record<string, RuleSetting>;
  /** `resources`: Kubernetes resource types of the workspace's CRDs (plurals, singulars, short names), for command-option. */
  commands: { known: string[]; shellcheck: 'auto' | 'off'; resources: string[] };
  requiredDocs: string[];
  alerts: AlertsConfig;
  links: { slugs?: SlugStyle };
  /** Settings of the example rules: CRD files for example-kubernetes, the dialect of `sql` blocks. */
  examples: ExamplesSettings;
}

export interface ExamplesSettings {
  kubernetes: { crds: string[] };
  sql: { dialect?: 'postgresql' };
}

/** Where alert rules live and how they name their runbooks. */
export interface AlertsConfig {
  /** Globs of rule files; undefined when `alerts` names none, and rule files are found by their content. */
  files?: string[];
  /** Annotation keys that hold an alert's runbook link, the first present wins. */
  annotations: string[];
  /** Web addresses that stand for the config's folder (`https://github.com/org/repo/blob/main/`). */
  baseUrl: string[];
}

export const DEFAULT_ANNOTATIONS = ['runbook_url', 'runbook', 'link'];

/** The hosts whose heading ids link-anchor knows. */
export const SLUG_STYLES = ['github', 'gitlab', 'mkdocs', 'hugo'] as const;
export type SlugStyle = (typeof SLUG_STYLES)[number];

/** A problem in a config file, placed by offsets into its text. */
export interface ConfigProblem {
  message: string;
  start: number;
  end: number;
  severity: 'error' | 'warning';
}

export interface LoadedConfig {
  config: OpsDocsConfig;
  /** When any is an error, `config` holds the last good config of the file (or the defaults), not its content. */
  problems: ConfigProblem[];
}

export const DEFAULT_DOCS = ['**/*.md'];
export const ALWAYS_IGNORED = ['**/node_modules/**', '**/.git/**'];

export function defaultConfig(root: string): OpsDocsConfig {
  return {
    root,
    docs: DEFAULT_DOCS,
    ignore: [],
    types: BUILTIN_TYPES.map((t) => ({ ...t })),
    inferTypes: true,
    review: { cycle: 'quarterly', warnDays: 14 },
    rules: {},
    commands: { known: [], shellcheck: 'auto', resources: [] },
    requiredDocs: [],
    alerts: { annotations: DEFAULT_ANNOTATIONS, baseUrl: [] },
    links: {},
    examples: { kubernetes: { crds: [] }, sql: {} },
  };
}

const validateConfig = compileSchema(configSchema);

interface RawType {
  id: string;
  title?: string;
  description?: string;
  extends?: string;
  match?: string | string[];
  sections?: Array<string | { name: string; aliases?: string[]; template?: string }>;
  template?: string;
}

/** `types` is the list of types, or a mapping with `infer` and that list as `define`. */
type RawTypes = RawType[] | { infer?: boolean; define?: RawType[] };

interface RawConfig {
  docs?: string | string[];
  ignore?: string | string[];
  types?: RawTypes;
  review?: { cycle?: string; warnDays?: number; reviewer?: string; required?: boolean };
  rules?: Record<string, SeveritySetting | [SeveritySetting, Record<string, unknown>?]>;
  commands?: { known?: string[]; shellcheck?: 'auto' | 'off'; resources?: string[] };
  requiredDocs?: string[];
  alerts?: string | string[] | { files?: string | string[]; annotations?: string | string[]; baseUrl?: string | string[] };
  links?: { slugs?: SlugStyle };
  examples?: { kubernetes?: { crds?: string | string[] }; sql?: { dialect?: 'postgresql' } };
}

/** Reads a config file's text; a broken file yields its problems and the defaults. */
export function parseConfig(file: string, text: string): LoadedConfig {
  const root = path.dirname(file);
  const yaml = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  const syntax = yaml.errors.map((e) => ({
    message: `Invalid ${file.endsWith('.json') ? 'JSON' : 'YAML'}: ${e.message.split('\n')[0]}`,
    start: e.pos[0],
    end: Math.max(e.pos[1], e.pos[0] + 1),
    severity: 'error' as const,
  }));
  if (syntax.length > 0) return { config: { ...defaultConfig(root), file }, problems: syntax };
  const problems: ConfigProblem[] = schemaProblems(yaml, validateConfig).map((p) => ({ ...p, severity: 'error' }));
  const raw = (yaml.toJS() ?? {}) as RawConfig;
  problems.push(...unknownTypeProblems(raw, yaml), ...requiredDocsProblems(raw, yaml), ...globProblems(raw, yaml));
  if (problems.length > 0) return { config: { ...defaultConfig(root), file }, problems };
  return { config: buildConfig(root, file, raw), problems: [] };
}

function asList(globs: string | string[] | undefined): string[] | undefined {
  return typeof globs === 'string' ? [globs] : globs;
}

function buildConfig(root: string, file: string, raw: RawConfig): OpsDocsConfig {
  const defaults = defaultConfig(root);
  return {
    root,
    file,
    docs: asList(raw.docs) ?? defaults.docs,
    ignore: asList(raw.ignore) ?? [],
    types: mergeTypes(defaults.types, typeEntries(raw).list),
    inferTypes: Array.isArray(raw.types) ? true : raw.types?.infer ?? true,
    review: { ...defaults.review, ...raw.review },
    rules: Object.fromEntries(Object.entries(raw.rules ?? {}).map(([id, value]) => [id, toRuleSetting(value)])),
    commands: { ...defaults.commands, ...raw.commands, known: raw.commands?.known ?? [], resources: raw.commands?.resources ?? [] },
    requiredDocs: raw.requiredDocs ?? [],
    alerts: toAlerts(raw.alerts),
    links: { ...raw.links },
    examples: { kubernetes: { crds: asList(raw.examples?.kubernetes?.crds) ?? [] }, sql: { ...raw.examples?.sql } },
  };
}

/** `alerts: globs` or `alerts: { files, annotations, baseUrl }`. */
function toAlerts(raw: RawConfig['alerts']): AlertsConfig {
  const spelled = typeof raw === 'string' || Array.isArray(raw) ? { files: raw } : raw ?? {};
  return {
    files: asList(spelled.files),
    annotations: asList(spelled.annotations) ?? DEFAULT_ANNOTATIONS,
    baseUrl: asList(spelled.baseUrl) ?? [],
  };
}

/** The configured types, and where their list sits in the file (for problems' places). */
function typeEntries(raw: RawConfig): { list: RawType[]; at: Array<string | number> } {
  const types = raw.types;
  if (Array.isArray(types)) return { list: types, at: ['types'] };
  return { list: Array.isArray(types?.define) ? types.define : [], at: ['types', 'define'] };
}

function toRuleSetting(value: SeveritySetting | [SeveritySetting, Record<string, unknown>?]): RuleSetting {
  return Array.isArray(value) ? { severity: value[0], options: value[1] ?? {} } : { severity: value, options: {} };
}

function toSection(section: string | { name: string; aliases?: string[]; template?: string }): SectionSpec {
  if (typeof section === 'string') return { name: section, aliases: [], template: `TODO: Describe ${section.toLowerCase()}.` };
  return { name: section.name, aliases: section.aliases ?? [], template: section.template ?? `TODO: Describe ${section.name.toLowerCase()}.` };
}

/**
 * Configured types adjust the built-in type of the same id, or add a new one. They come
 * first, in the config's order: "the first `types[].match` glob that matches" is the config's first.
 */
function mergeTypes(builtins: DocType[], configured: RawType[]): DocType[] {
  const byId = new Map(builtins.map((t) => [t.id, t]));
  const merged = new Map<string, DocType>();
  for (const raw of configured) {
    const base = merged.get(raw.id) ?? byId.get(raw.id) ?? (raw.extends ? byId.get(raw.extends) : undefined);
    merged.set(raw.id, {
      id: raw.id,
      title: raw.title ?? base?.title ?? raw.id,
      description: raw.description ?? base?.description ?? '',
      match: asList(raw.match) ?? base?.match ?? [],
      sections: raw.sections?.map(toSection) ?? base?.sections ?? [],
      entries: raw.sections ? undefined : base?.entries,
      template: raw.template ?? base?.template,
    });
  }
  for (const builtin of builtins) if (!merged.has(builtin.id)) merged.set(builtin.id, builtin);
  return [...merged.values()];
}

/** `extends` must name a built-in type; the schema cannot know which ids exist. */
function unknownTypeProblems(raw: RawConfig, yaml: ReturnType<typeof parseDocument>): ConfigProblem[] {
  const known = BUILTIN_TYPES.map((t) => t.id);
  const problems: ConfigProblem[] = [];
  const { list, at } = typeEntries(raw);
  list.forEach((type, index) => {
    if (type && typeof type.extends === 'string' && !known.includes(type.extends)) {
      const node = yaml.getIn([...at, index, 'extends'], true) as { range?: [number, number] } | undefined;
      const [start, end] = node?.range ?? [0, 1];
      problems.push({
        message: `"${type.extends}" is not a built-in type${didYouMean(type.extends, known)}`,
        start,
        end,
        severity: 'error',
      });
    }
  });
  return problems;
}

type ParsedYaml = ReturnType<typeof parseDocument>;

function rangeAt(yaml: ParsedYaml, path: Array<string | number>): [number, number] {
  const node = yaml.getIn(path, true) as { range?: [number, number] } | undefined;
  return node?.range ? [node.range[0], node.range[1]] : [0, 1];
}

/** A `requiredDocs` entry is a path (it has a slash or an extension) or a type id, which must exist. */
function requiredDocsProblems(raw: RawConfig, yaml: ParsedYaml): ConfigProblem[] {
  const types = [...BUILTIN_TYPES.map((t) => t.id), ...typeEntries(raw).list.map((t) => t?.id).filter((id): id is string => typeof id === 'string')];
  return (Array.isArray(raw.requiredDocs) ? raw.requiredDocs : []).flatMap((entry, index) => {
    if (typeof entry !== 'string' || /[/.\\]/.test(entry) || types.includes(entry)) return [];
    const [start, end] = rangeAt(yaml, ['requiredDocs', index]);
    return [{ message: `"${entry}" is neither a path nor a document type${didYouMean(entry, types) || `; types: ${types.join(', ')}`}`, start, end, severity: 'error' as const }];
  });
}

/** Globs that can never match as meant: unbalanced braces or brackets, absolute paths. */
function globProblems(raw: RawConfig, yaml: ParsedYaml): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const check = (glob: unknown, path: Array<string | number>) => {
    if (typeof glob !== 'string') return;
    const reason = globFault(glob);
    if (!reason) return;
    const [start, end] = rangeAt(yaml, path);
    problems.push({ message: `Glob "${glob}" ${reason}`, start, end, severity: 'error' });
  };
  const checkAll = (value: unknown, at: Array<string | number>) => {
    if (Array.isArray(value)) value.forEach((glob, i) => check(glob, [...at, i]));
    else check(value, at);
  };
  for (const key of ['docs', 'ignore', 'alerts'] as const) checkAll(raw[key], [key]);
  if (raw.alerts && typeof raw.alerts === 'object' && !Array.isArray(raw.alerts)) checkAll(raw.alerts.files, ['alerts', 'files']);
  const { list, at } = typeEntries(raw);
  list.forEach((type, i) => {
    const match = type?.match;
    if (Array.isArray(match)) match.forEach((glob, j) => check(glob, [...at, i, 'match', j]));
    else check(match, [...at, i, 'match']);
  });
  return problems;
}

function globFault(glob: string): string | undefined {
  if (/^!?(\/|[A-Za-z]:[\\/])/.test(glob)) return 'is absolute: globs are relative to the folder of this file';
  let braces = 0;
  let brackets = 0;
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i];
    if (ch === '\\') i++;
    else if (ch === '{') braces++;
    else if (ch === '}') braces--;
    else if (ch === '[') brackets++;
    else if (ch === ']') brackets--;
    if (braces < 0 || brackets < 0) return `has an unmatched "${ch}"`;
  }
  if (braces > 0) return 'has an unclosed "{"';
  if (brackets > 0) return 'has an unclosed "["';
  return undefined;
}

/**
 * Finds the config that governs a path: the nearest config file in its folder or above. What it
 * looked at is remembered with each answer, so that a remembered answer still notes its
 * dependencies (engine/dependencies.ts) for the check that asked.
 */
export class ConfigResolver {
  private readonly byFolder = new Map<string, Remembered<string | undefined>>();
  private readonly byFile = new Map<string, Remembered<LoadedConfig>>();
  /** The last config of each file that had no error: it stays in force while the file is broken. */
  private readonly lastGood = new Map<string, OpsDocsConfig>();

  constructor(
    private readonly fs: FileSystem,
    /** The root used when no config file is found (the workspace folder or the current folder). */
    private readonly fallbackRoot: string,
    /** A config file that governs every document (`--config`). */
    private readonly fixedFile?: string,
  ) {}

  resolve(documentPath: string): LoadedConfig {
    return this.resolveFolder(path.dirname(documentPath));
  }

  /** The config that governs the documents of a folder. */
  resolveFolder(folder: string): LoadedConfig {
    const file = this.fixedFile ?? this.findFile(folder);
    if (!file) return { config: defaultConfig(this.fallbackRoot), problems: [] };
    return this.load(file);
  }

  load(file: string): LoadedConfig {
    return remembered(this.byFile, file, () => {
      const text = this.fs.readFile(file);
      let loaded: LoadedConfig =
        text === undefined
          ? { config: defaultConfig(path.dirname(file)), problems: [{ message: `Cannot read ${file}`, start: 0, end: 0, severity: 'error' }] }
          : parseConfig(file, text);
      const broken = loaded.problems.some((p) => p.severity === 'error');
      if (!broken) this.lastGood.set(file, loaded.config);
      else if (this.lastGood.has(file)) loaded = { ...loaded, config: this.lastGood.get(file)! };
      return loaded;
    });
  }

  /** Forget what was read, after a config file was created, changed or deleted. */
  clear(): void {
    this.byFolder.clear();
    this.byFile.clear();
  }

  private findFile(folder: string): string | undefined {
    return remembered(this.byFolder, folder, () => {
      const here = CONFIG_FILE_NAMES.map((name) => path.join(folder, name)).find((f) => this.fs.stat(f) === 'file');
      const parent = path.dirname(folder);
      return here ?? (parent === folder ? undefined : this.findFile(parent));
    });
  }
}
