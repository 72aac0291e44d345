// Renders images/icon.svg to images/icon.png (256×256, the Marketplace shows it at 128) with
// Debian's chromium: node scripts/render-icon.mjs
import * as fs from 'node:fs';
import { chromium } from 'playwright-core';

const svg = fs.readFileSync(new URL('../images/icon.svg', import.meta.url), 'utf8');
const size = 256;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  await page.setContent(`<body style="margin:0">${svg}</body>`);
  await page.screenshot({ path: new URL('../images/icon.png', import.meta.url).pathname, omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
} finally {
  await browser.close();
}
