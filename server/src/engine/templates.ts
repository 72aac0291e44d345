import type { DocType } from './docTypes';

export interface TemplateValues {
  title: string;
  date: string;
  owner: string;
  cycle: string;
}

/**
 * A new document of a type: front matter with the keys OpsDocs reads, then every required
 * section with its guidance (TODO lines the placeholder rule reports until they are written).
 */
export function renderDocument(type: DocType | undefined, values: TemplateValues): string {
  const frontMatter = ['---', `title: ${JSON.stringify(values.title)}`, type ? `type: ${type.id}` : undefined, `owner: ${values.owner}`, `last_reviewed: ${values.date}`, `review_cycle: ${values.cycle}`, '---'];
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
