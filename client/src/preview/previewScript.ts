/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import { startPanel } from './panelView';
import { startPreview } from './previewDom';

/**
 * dist/preview.js, the one browser bundle with Mermaid in it: contributed to the built-in Markdown
 * preview (`markdown.previewScripts`) and loaded by the diagram panel, whose page says so.
 */
if (document.body.hasAttribute('data-opsdocs-panel')) startPanel();
else startPreview();
