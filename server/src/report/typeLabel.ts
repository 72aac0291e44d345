/**
 * A document's type as reports, the status bar and the coverage view show it: `alert-runbook
 * (inferred)` when only its headings say so. Free of imports: the extension bundles it.
 */
export function typeLabel(document: { type?: string; typeSource?: string }): string {
  if (!document.type) return '—';
  return document.typeSource === 'inferred' ? `${document.type} (inferred)` : document.type;
}
