import * as vscode from 'vscode';
import { settings } from '../config';
import type { CoverageModel } from './coverageModel';

const LAST_SHOWN = 'opsdocs.reviewNotifications.lastShown';
const NOTIFIED = 'opsdocs.reviewNotifications.notified';
const SNOOZED_UNTIL = 'opsdocs.reviewNotifications.snoozedUntil';

/**
 * At most once a day, names the documents whose review fell overdue since the last
 * notice, with "Show" and "Snooze" (a week). The setting opsdocs.reviewNotifications.enabled turns it off.
 */
export function startReviewNotifications(context: vscode.ExtensionContext, coverage: CoverageModel): void {
  const check = () => void notifyOverdue(context, coverage);
  context.subscriptions.push(coverage.onDidChange(check));
  const timer = setInterval(check, 60 * 60 * 1000);
  context.subscriptions.push({ dispose: () => clearInterval(timer) });
}

async function notifyOverdue(context: vscode.ExtensionContext, coverage: CoverageModel): Promise<void> {
  const state = context.workspaceState;
  const today = new Date().toISOString().slice(0, 10);
  if (!settings.reviewNotifications() || state.get(LAST_SHOWN) === today || (state.get<string>(SNOOZED_UNTIL) ?? '') > today) return;
  const overdue = coverage.all.flatMap((r) => r.report.documents.filter((d) => d.review === 'overdue'));
  const notified = new Set(state.get<string[]>(NOTIFIED, []));
  const fresh = overdue.filter((d) => !notified.has(d.path));
  await state.update(NOTIFIED, overdue.map((d) => d.path));
  if (fresh.length === 0) return;
  await state.update(LAST_SHOWN, today);
  const names = fresh.slice(0, 3).map((d) => d.relativePath).join(', ') + (fresh.length > 3 ? ` and ${fresh.length - 3} more` : '');
  const choice = await vscode.window.showWarningMessage(`OpsDocs: ${fresh.length} document review${fresh.length === 1 ? '' : 's'} fell overdue: ${names}`, 'Show', 'Snooze');
  if (choice === 'Show') await vscode.commands.executeCommand('opsdocs.coverage.focus');
  if (choice === 'Snooze') await state.update(SNOOZED_UNTIL, new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10));
}
