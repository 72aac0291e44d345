import { isSeq, parseDocument } from 'yaml';
import type { OpsDocsConfig } from '../config/config';
import type { RequiredDoc } from './coverage';
import { LineIndex } from '../document/text';
import type { Finding, Severity } from '../types';

/** Not a per-document rule: it reads the whole documentation set against the config's manifest. */
export const DOC_REQUIRED_MISSING = {
  id: 'doc-required-missing',
  description: 'A document named by requiredDocs does not exist (reported on the config file).',
  defaultSeverity: 'error' as Severity,
};

/** One finding per missing `requiredDocs` entry, placed on that entry in the config file. */
export function requiredDocsFindings(config: OpsDocsConfig, configText: string, required: RequiredDoc[]): Finding[] {
  const severity = config.rules[DOC_REQUIRED_MISSING.id]?.severity ?? DOC_REQUIRED_MISSING.defaultSeverity;
  if (severity === 'off') return [];
  const lines = new LineIndex(configText);
  const items = parseDocument(configText).get('requiredDocs', true);
  const ranges = isSeq(items) ? items.items.map((item) => (item as { range?: [number, number] }).range) : [];
  return required.flatMap((entry, i) => {
    if (entry.present) return [];
    const [start, end] = ranges[i] ?? [0, 0];
    const message =
      entry.kind === 'type' ? `No document of type ${entry.entry} exists, but requiredDocs asks for one` : `Required document ${entry.entry} does not exist`;
    return [{ rule: DOC_REQUIRED_MISSING.id, severity, message, range: lines.range(start, end) }];
  });
}
