import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { SearchHit } from '../../../server/src/engine/workspace/search';
import { SEARCH, type SearchParams } from '../../../server/src/lsp/protocol';

interface HitItem extends vscode.QuickPickItem {
  hit: SearchHit;
}

const KIND_ICON = { heading: '$(symbol-string)', text: '$(note)', frontmatter: '$(tag)' } as const;

/** OpsDocs: Search Docs — full text, headings and front matter, ranked by the server; opens at the matching line. */
export async function searchDocs(client: LanguageClient): Promise<void> {
  const pick = vscode.window.createQuickPick<HitItem>();
  pick.placeholder = 'Search runbooks: headings, text and front matter';
  pick.matchOnDescription = false;
  let generation = 0;
  let timer: NodeJS.Timeout | undefined;
  pick.onDidChangeValue((query) => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const mine = ++generation;
      pick.busy = true;
      const hits = await client.sendRequest<SearchHit[]>(SEARCH, { query, limit: 60 } satisfies SearchParams);
      if (mine !== generation) return;
      pick.items = hits.map(toItem);
      pick.busy = false;
    }, 60);
  });
  pick.onDidAccept(async () => {
    const [selected] = pick.selectedItems;
    pick.hide();
    if (!selected) return;
    const position = new vscode.Position(selected.hit.line, 0);
    await vscode.window.showTextDocument(vscode.Uri.file(selected.hit.path), { selection: new vscode.Range(position, position) });
  });
  pick.onDidHide(() => pick.dispose());
  pick.show();
}

function toItem(hit: SearchHit): HitItem {
  const relative = vscode.workspace.asRelativePath(hit.path);
  return {
    label: `${KIND_ICON[hit.kind]} ${hit.kind === 'heading' ? hit.heading : hit.preview}`,
    description: `${relative}:${hit.line + 1}`,
    detail: hit.kind === 'heading' ? undefined : hit.heading ? `in “${hit.heading}”` : path.basename(hit.path),
    alwaysShow: true,
    hit,
  };
}
