import { slug } from 'github-slugger';
import { RULES } from '../rules';
import { NOTICE_INTERNAL, NOTICE_SKIPPED } from './engine';
import { ALERT_RUNBOOK_MISSING } from './workspace/alertFindings';
import { DOC_REQUIRED_MISSING } from './workspace/requiredDocs';
import type { Severity } from './types';

/** package.json's repository: the README on its page is every rule's documentation. */
export const REPOSITORY_URL = 'https://github.com/opsdocs/opsdocs';

/** Findings that are not a rule's: the engine's notices and a config file's own problems. */
const SECTIONS: Record<string, string> = { [NOTICE_SKIPPED]: 'Engine notices', [NOTICE_INTERNAL]: 'Engine notices', config: 'Configure' };

const DESCRIBED: ReadonlyArray<{ id: string; defaultSeverity: Severity }> = [...RULES, DOC_REQUIRED_MISSING, ALERT_RUNBOOK_MISSING];
const HEADINGS = new Map([...DESCRIBED.map((rule): [string, string] => [rule.id, `${rule.id} [${rule.defaultSeverity}]`]), ...Object.entries(SECTIONS)]);
const URLS = new Map([...HEADINGS].map(([id, heading]) => [id, `${REPOSITORY_URL}#${slug(heading)}`]));

/**
 * The address of the README section that documents a finding's rule, for editors to link its code
 * (LSP `codeDescription`, vfile `url`, SARIF `helpUri`). A rule's heading is "`id` [default severity]",
 * which GitHub's anchors spell `id-severity`.
 */
export function ruleDocumentationUrl(id: string): string | undefined {
  return URLS.get(id);
}
