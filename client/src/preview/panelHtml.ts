/**
 * The diagram panel's page. Scripts: only ours, by nonce. Styles: ours by URL plus inline ones,
 * which Mermaid's SVG needs (a <style> inside each diagram, style attributes). Images: data URLs
 * (PlantUML's SVG, the PNG export's canvas source). Nothing remote, no connections at all.
 */
export function panelHtml(options: { cspSource: string; nonce: string; scriptUri: string; styleUri: string }): string {
  const csp = [
    "default-src 'none'",
    `script-src 'nonce-${options.nonce}'`,
    `style-src ${options.cspSource} 'unsafe-inline'`,
    `img-src ${options.cspSource} data:`,
    `font-src ${options.cspSource}`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="${attribute(options.styleUri)}">
<title>Diagram Preview</title>
</head>
<body data-opsdocs-panel>
<div class="opsdocs-toolbar">
<span id="opsdocs-title" class="opsdocs-title"></span>
<button type="button" id="opsdocs-export-svg">Export SVG</button>
<button type="button" id="opsdocs-export-png">Export PNG</button>
</div>
<div id="opsdocs-view" class="opsdocs-panel-view"></div>
<script nonce="${attribute(options.nonce)}" src="${attribute(options.scriptUri)}"></script>
</body>
</html>`;
}

function attribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}
