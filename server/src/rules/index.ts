import type { Rule } from '../engine/rule';
import { absolutePath } from './absolute-path';
import { frontmatterInvalid } from './frontmatter-invalid';
import { placeholder } from './placeholder';
import { reviewDueSoon } from './review-due-soon';
import { reviewInvalid } from './review-invalid';
import { reviewMissing } from './review-missing';
import { reviewStale } from './review-stale';
import { reviewDrift } from './review-drift';
import { drillStale } from './drill-stale';
import { secret } from './secret';
import { runbookOrphan } from './runbook-orphan';
import { sectionEmpty } from './section-empty';
import { sectionMissing } from './section-missing';
import { sectionOrder } from './section-order';
import { COMMAND_RULES } from './commandRules';
import { EXAMPLE_RULES } from './exampleRules';
import { LINK_RULES } from './linkRules';
import { TOOL_RULES } from './toolRules';

/** Every rule the engine runs, in the order their findings are reported. */
export const RULES: readonly Rule[] = [
  frontmatterInvalid,
  sectionMissing,
  sectionEmpty,
  sectionOrder,
  reviewMissing,
  reviewStale,
  reviewDueSoon,
  reviewInvalid,
  reviewDrift,
  drillStale,
  placeholder,
  absolutePath,
  secret,
  runbookOrphan,
  ...LINK_RULES,
  ...COMMAND_RULES,
  ...TOOL_RULES,
  ...EXAMPLE_RULES,
];

/** Every rule id the product defines (SPEC.md), including those later releases implement; config accepts them all. */
export const RULE_IDS = [
  'section-missing',
  'section-empty',
  'section-order',
  'review-missing',
  'review-stale',
  'review-due-soon',
  'review-invalid',
  'frontmatter-invalid',
  'placeholder',
  'absolute-path',
  'link-broken',
  'link-anchor',
  'command-syntax',
  'command-missing-script',
  'command-unknown',
  'command-subcommand',
  'command-option',
  'command-shellcheck',
  'example-json',
  'example-yaml',
  'diagram-mermaid',
  'diagram-plantuml',
  'doc-required-missing',
  'review-drift',
  'command-destructive',
  'procedure-unverified',
  'alert-runbook-missing',
  'runbook-orphan',
  'secret',
  'drill-stale',
  'code-language',
  'example-promql',
  'example-kubernetes',
  'example-toml',
  'example-dockerfile',
  'example-ruby',
  'example-python',
  'example-sql',
] as const;
