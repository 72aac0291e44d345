import * as path from 'node:path';
import picomatch from 'picomatch';
import type { OpsDocsConfig } from '../config/config';
import { formatIsoDate, type CalendarDate } from '../review/dates';
import type { DocType } from '../config/docTypes';
import { DRILLED_TYPES } from '../review/drill';
import type { FileSystem } from '../fileSystem';

export interface TemplateValues {
  title: string;
  date: string;
  owner: string;
  cycle: string;
}

/** Where a workspace keeps its own templates: `<config root>/.opsdocs/templates/<type id>.md`. */
export const TEMPLATES_FOLDER = path.join('.opsdocs', 'templates');

/** What `New Document from Template…` offers: every configured type, and every template file of the workspace. */
export interface TemplateChoice {
  id: string;
  title: string;
  description?: string;
  /** The workspace's own template file, when it has one for this id. */
  file?: string;
  /** Where documents of the type go, relative to the config's folder (the fixed part of its first `match` glob). */
  folder?: string;
}

export function templateChoices(fs: FileSystem, config: OpsDocsConfig): TemplateChoice[] {
  const files = new Map(workspaceTemplates(fs, config).map((file) => [path.basename(file, '.md'), file]));
  const choices: TemplateChoice[] = config.types.map((type) => ({
    id: type.id,
    title: type.title ?? type.id,
    description: type.description,
    file: files.get(type.id),
    folder: type.match[0] ? picomatch.scan(type.match[0]).base : undefined,
  }));
  for (const [id, file] of files) if (!config.types.some((t) => t.id === id)) choices.push({ id, title: id, description: 'Template of this workspace', file });
  return choices;
}

function workspaceTemplates(fs: FileSystem, config: OpsDocsConfig): string[] {
  const folder = path.join(config.root, TEMPLATES_FOLDER);
  return (fs.readDirectory(folder) ?? []).filter((name) => name.endsWith('.md')).map((name) => path.join(folder, name)).sort();
}

/**
 * A new document: the workspace's template for the type when it has one (`{{title}}`, `{{date}}`,
 * `{{owner}}`, `{{cycle}}`, `{{type}}` filled in), else the built-in one.
 */
export function newDocument(fs: FileSystem, config: OpsDocsConfig, typeId: string | undefined, values: TemplateValues): string {
  const override = typeId ? workspaceTemplate(fs, config, typeId) : undefined;
  if (override !== undefined) return fillIn(override, { ...values, type: typeId ?? '' });
  return renderDocument(config.types.find((t) => t.id === typeId), values);
}

/** Values a new document starts with: today, the configured cycle, an owner still to name. */
export function defaultValues(config: OpsDocsConfig, today: CalendarDate, title: string): TemplateValues {
  return { title, date: formatIsoDate(today), owner: 'TODO', cycle: config.review.cycle };
}

/** The type's `template` from config (relative to the config's folder), else `.opsdocs/templates/<id>.md`. */
function workspaceTemplate(fs: FileSystem, config: OpsDocsConfig, typeId: string): string | undefined {
  const configured = config.types.find((t) => t.id === typeId)?.template;
  return (configured ? fs.readFile(path.resolve(config.root, configured)) : undefined) ?? fs.readFile(path.join(config.root, TEMPLATES_FOLDER, `${typeId}.md`));
}

function fillIn(template: string, values: Record<string, string>): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (match, name: string) => values[name] ?? match);
}

/**
 * The guidance a workspace template gives under a section heading, for the section quick fixes:
 * the text between that heading and the next heading, or undefined when the template has none.
 */
export function workspaceSectionTemplate(fs: FileSystem, config: OpsDocsConfig, typeId: string, section: string): string | undefined {
  const template = workspaceTemplate(fs, config, typeId);
  if (template === undefined) return undefined;
  const lines = template.split(/\r?\n/);
  const start = lines.findIndex((line) => /^#{1,6}\s/.test(line) && line.replace(/^#+\s*/, '').trim().toLowerCase() === section.toLowerCase());
  if (start < 0) return undefined;
  const end = lines.findIndex((line, i) => i > start && /^#{1,6}\s/.test(line));
  const body = lines.slice(start + 1, end < 0 ? undefined : end).join('\n').trim();
  return body ? fillIn(body, {}) : undefined;
}

/**
 * A new document of a type: front matter with the keys OpsDocs reads, then every required
 * section with its guidance (TODO lines the placeholder rule reports until they are written).
 */
export function renderDocument(type: DocType | undefined, values: TemplateValues): string {
  // A drilled type's plan is not tested yet: its drill date is left for the writer (a placeholder).
  const drilled = type && DRILLED_TYPES.includes(type.id) ? ['last_tested: TODO', 'test_cycle: quarterly'] : [];
  const frontMatter = ['---', `title: ${JSON.stringify(values.title)}`, type ? `type: ${type.id}` : undefined, `owner: ${values.owner}`, `last_reviewed: ${values.date}`, `review_cycle: ${values.cycle}`, ...drilled, '---'];
  const lines = [...frontMatter.filter((l): l is string => l !== undefined), '', `# ${values.title}`, ''];
  for (const section of type?.sections ?? []) {
    lines.push(`## ${section.name}`, '', section.template, '');
    if (type?.entries && section.name === type.entries.within) {
      lines.push('### Issue: TODO name the issue', '');
      for (const part of type.entries.parts) lines.push(`**${part.name}**: ${part.template}`, '');
    }
  }
  return lines.join('\n');
}

/** "disk-full-alert.md" → "Disk Full Alert". */
export function titleFromPath(file: string): string {
  const words = path.basename(file, path.extname(file)).split(/[-_\s]+/).filter(Boolean);
  return words.map((word) => word[0].toUpperCase() + word.slice(1)).join(' ') || 'New Document';
}
