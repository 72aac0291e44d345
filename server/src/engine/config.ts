import * as path from 'node:path';
import { parseDocument } from 'yaml';
import configSchema from '../../../schemas/opsdocs.schema.json';
import { BUILTIN_TYPES, type DocType, type SectionSpec } from './docTypes';
import type { FileSystem } from './fileSystem';
import type { SeveritySetting } from './types';
import { compileSchema, schemaProblems } from './yamlSchema';
import { didYouMean } from './closest';

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
  review: { cycle: string; warnDays: number; reviewer?: string };
  rules: Record<string, RuleSetting>;
  commands: { known: string[]; shellcheck: 'auto' | 'off' };
  requiredDocs: string[];
  alerts: string[];
}

/** A problem in a config file, placed by offsets into its text. */
export interface ConfigProblem {
  message: string;
  start: number;
  end: number;
  severity: 'error' | 'warning';
}

export interface LoadedConfig {
  config: OpsDocsConfig;
  /** When not empty and any is an error, `config` holds the defaults instead of the file's content. */
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
    review: { cycle: 'quarterly', warnDays: 14 },
    rules: {},
    commands: { known: [], shellcheck: 'auto' },
    requiredDocs: [],
    alerts: [],
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

interface RawConfig {
  docs?: string | string[];
  ignore?: string | string[];
  types?: RawType[];
  review?: { cycle?: string; warnDays?: number; reviewer?: string };
  rules?: Record<string, SeveritySetting | [SeveritySetting, Record<string, unknown>?]>;
  commands?: { known?: string[]; shellcheck?: 'auto' | 'off' };
  requiredDocs?: string[];
  alerts?: string | string[];
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
  problems.push(...unknownTypeProblems(raw, yaml));
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
    types: mergeTypes(defaults.types, raw.types ?? []),
    review: { ...defaults.review, ...raw.review },
    rules: Object.fromEntries(Object.entries(raw.rules ?? {}).map(([id, value]) => [id, toRuleSetting(value)])),
    commands: { ...defaults.commands, ...raw.commands, known: raw.commands?.known ?? [] },
    requiredDocs: raw.requiredDocs ?? [],
    alerts: asList(raw.alerts) ?? [],
  };
}

function toRuleSetting(value: SeveritySetting | [SeveritySetting, Record<string, unknown>?]): RuleSetting {
  return Array.isArray(value) ? { severity: value[0], options: value[1] ?? {} } : { severity: value, options: {} };
}

function toSection(section: string | { name: string; aliases?: string[]; template?: string }): SectionSpec {
  if (typeof section === 'string') return { name: section, aliases: [], template: `TODO: Describe ${section.toLowerCase()}.` };
  return { name: section.name, aliases: section.aliases ?? [], template: section.template ?? `TODO: Describe ${section.name.toLowerCase()}.` };
}

/** Configured types adjust the built-in type of the same id, or add a new one. */
function mergeTypes(builtins: DocType[], configured: RawType[]): DocType[] {
  const merged = new Map(builtins.map((t) => [t.id, t]));
  for (const raw of configured) {
    const base = merged.get(raw.id) ?? (raw.extends ? merged.get(raw.extends) : undefined);
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
  return [...merged.values()];
}

/** `extends` must name a built-in type; the schema cannot know which ids exist. */
function unknownTypeProblems(raw: RawConfig, yaml: ReturnType<typeof parseDocument>): ConfigProblem[] {
  const known = BUILTIN_TYPES.map((t) => t.id);
  const problems: ConfigProblem[] = [];
  (raw.types ?? []).forEach((type, index) => {
    if (type && typeof type.extends === 'string' && !known.includes(type.extends)) {
      const node = yaml.getIn(['types', index, 'extends'], true) as { range?: [number, number] } | undefined;
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

/** Finds the config that governs a path: the nearest config file in its folder or above. */
export class ConfigResolver {
  private readonly byFolder = new Map<string, string | null>();
  private readonly byFile = new Map<string, LoadedConfig>();

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
    let loaded = this.byFile.get(file);
    if (!loaded) {
      const text = this.fs.readFile(file);
      loaded =
        text === undefined
          ? { config: defaultConfig(path.dirname(file)), problems: [{ message: `Cannot read ${file}`, start: 0, end: 0, severity: 'error' }] }
          : parseConfig(file, text);
      this.byFile.set(file, loaded);
    }
    return loaded;
  }

  /** Forget what was read, after a config file was created, changed or deleted. */
  clear(): void {
    this.byFolder.clear();
    this.byFile.clear();
  }

  private findFile(folder: string): string | undefined {
    const cached = this.byFolder.get(folder);
    if (cached !== undefined) return cached ?? undefined;
    const here = CONFIG_FILE_NAMES.map((name) => path.join(folder, name)).find((f) => this.fs.stat(f) === 'file');
    const parent = path.dirname(folder);
    const found = here ?? (parent === folder ? undefined : this.findFile(parent));
    this.byFolder.set(folder, found ?? null);
    return found;
  }
}
