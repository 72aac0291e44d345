import { codeBlocks, toDocumentOffset } from '../engine/document/codeBlocks';
import type { Heading, OpsDocument } from '../engine/document/parse';
import type { Rule } from '../engine/rule';
import { shellAnalysis, shellBlocks, type ShellCommand } from '../engine/shell/analysis';
import { isShellBlock } from '../engine/shell/script';
import { actionOf, isCheck, isMutating, typedName } from '../engine/shell/effects';

/** A section whose title says it checks: Verification, Validate, Post-deployment checks, Smoke test, Health check. */
const VERIFICATION_HEADING = /\b(?:verif|validat|check|confirm|smoke|test|health|post-deploy)/i;
const ROLLBACK_HEADING = /\b(?:roll ?back|revert|back ?out|undo)/i;
/** Prose after a change that tells the reader what to look at. */
const VERIFICATION_PROSE =
  /\b(?:verify|confirm|check (?:that|the|whether)|make sure|ensure that|should (?:now )?(?:show|return|be|report|see)|expect(?:ed)? (?:output|to see)|you (?:should|will) (?:now )?see|will (?:now )?be (?:started|created|running|listed|shown)|(?:the )?output (?:is|should|will) )/i;
/** Blocks that show what a command prints: after a change, the expected result. */
const OUTPUT_LANGUAGES = new Set(['text', 'console', 'output', 'plaintext', 'txt', 'log', '']);

/** What to suggest running after a change, per tool. */
const SUGGESTED_CHECK: Record<string, string> = {
  kubectl: 'kubectl rollout status',
  helm: 'helm status',
  systemctl: 'systemctl status',
  docker: 'docker ps',
  terraform: 'terraform plan (expecting no changes)',
  git: 'git status',
};

export const procedureUnverified: Rule = {
  id: 'procedure-unverified',
  description: 'A state-changing step with no verification after it.',
  defaultSeverity: 'warning',
  check({ doc, analysis, report, range }) {
    if (!analysis.type) return;
    const headings = doc.headings;
    // Commands in document order, each with the section (top-level heading index) it is in.
    const steps: Array<{ command: ShellCommand; name: string; start: number; end: number; section: number }> = [];
    for (const { block, shell } of shellBlocks(doc)) {
      for (const command of shell.allCommands) {
        const start = toDocumentOffset(block, command.program.start);
        const action = actionOf(command);
        steps.push({ command, name: action.name, start, end: toDocumentOffset(block, action.end), section: sectionIndex(headings, start) });
      }
    }
    // Undoing is the way back, not a step forward: a Rollback section needs no verification of its own.
    const isRollback = (step: (typeof steps)[number]) => step.section >= 0 && ROLLBACK_HEADING.test(headings[step.section].text);
    const lastChange = [...steps].reverse().find((step) => isMutating(step.command) && !isRollback(step));
    if (!lastChange) return;
    // A check after the last change verifies every change before it too.
    if (steps.some((step) => step.start > lastChange.start && isCheck(step.command))) return;
    if (headings.slice(lastChange.section + 1).some((h) => VERIFICATION_HEADING.test(h.text))) return;
    const sectionEnd = lastChange.section >= 0 ? headings[lastChange.section].sectionEnd : doc.text.length;
    if (VERIFICATION_PROSE.test(doc.text.slice(lastChange.end, sectionEnd))) return;
    if (showsOutputAfter(doc, lastChange.end, sectionEnd)) return;
    // Named as the reader typed the program: `oc rollout status` after an `oc apply`.
    const check = SUGGESTED_CHECK[lastChange.command.tool ?? '']?.replace(/^\S+/, typedName(lastChange.command));
    const suggestion = check ? ` or a check such as "${check}"` : ' or a command that shows the new state';
    report({
      message: `"${lastChange.name}" changes state and nothing after it verifies the change: add a Verification section${suggestion}`,
      range: range(lastChange.start, lastChange.end),
    });
  },
};

/** Whether a block after the change, in its section, shows what the reader should see: an output listing, not a command. */
function showsOutputAfter(doc: OpsDocument, from: number, to: number): boolean {
  return codeBlocks(doc).some((block) => {
    const start = block.node.position!.start.offset!;
    if (start <= from || start >= to) return false;
    return isShellBlock(block) ? shellAnalysis(block).allCommands.length === 0 && !shellAnalysis(block).syntaxError : OUTPUT_LANGUAGES.has(block.lang);
  });
}

/** The index of the last heading at or before an offset (-1 before the first). */
function sectionIndex(headings: Heading[], offset: number): number {
  let index = -1;
  headings.forEach((heading, i) => {
    if (heading.start <= offset) index = i;
  });
  return index;
}
