/**
 * Drives a real VS Code (code-server, served on 127.0.0.1) with the packaged extension, through
 * Debian's chromium: the pieces each end-to-end test needs, as a user would use them.
 */
import { spawn, execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
export const SCREENSHOTS = path.join(ROOT, 'test', 'e2e', 'screenshots');
const NODE = process.env.OPSDOCS_E2E_NODE;
const CODE_SERVER = process.env.OPSDOCS_E2E_CODE_SERVER;
const MOD = 'Control';

function freePort() {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** A copy of the sample workspace (or another folder), so tests can edit it. */
export function copyWorkspace(from = path.join(ROOT, 'sample')) {
  const target = fs.mkdtempSync(path.join(os.tmpdir(), 'opsdocs-e2e-ws-'));
  fs.cpSync(from, target, { recursive: true });
  return target;
}

/**
 * One VS Code on a copy of the sample workspace for a suite: started before its tests, stopped
 * after them. `prepare(workspace)` may add files first. Tests read `suite.vscode` and `suite.workspace`.
 */
export function vscodeForSuite({ prepare } = {}) {
  const suite = {};
  before(async () => {
    suite.workspace = copyWorkspace();
    prepare?.(suite.workspace);
    suite.vscode = await startVSCode({ workspace: suite.workspace });
  });
  after(async () => {
    await suite.vscode?.stop();
    fs.rmSync(suite.workspace, { recursive: true, force: true });
  });
  return suite;
}

/**
 * Starts code-server with the packaged extension on a workspace and opens it in chromium.
 * `trusted: false` leaves workspace trust on, so the workbench asks, and answers "No".
 */
export async function startVSCode({ workspace, trusted = true, settings = {} }) {
  if (!NODE || !CODE_SERVER) throw new Error('run through test/e2e/run.sh (it installs code-server)');
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'opsdocs-e2e-'));
  const dataDir = path.join(home, 'data');
  const extensions = path.join(home, 'extensions');
  fs.mkdirSync(path.join(dataDir, 'User'), { recursive: true });
  fs.writeFileSync(
    path.join(dataDir, 'User', 'settings.json'),
    JSON.stringify({
      'security.workspace.trust.enabled': !trusted,
      'security.workspace.trust.startupPrompt': 'always',
      'workbench.startupEditor': 'none',
      'telemetry.telemetryLevel': 'off',
      'chat.disableAIFeatures': true,
      'workbench.tips.enabled': false,
      ...settings,
    }),
  );
  execFileSync(NODE, [CODE_SERVER, '--extensions-dir', extensions, '--user-data-dir', dataDir, '--install-extension', path.join(ROOT, 'opsdocs.vsix')], { stdio: 'ignore' });
  const port = await freePort();
  const server = spawn(NODE, [CODE_SERVER, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--user-data-dir', dataDir, '--extensions-dir', extensions, '--disable-telemetry', '--disable-update-check', workspace], {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, HOME: home },
  });
  let log = '';
  server.stdout.on('data', (chunk) => (log += chunk));
  server.stderr.on('data', (chunk) => (log += chunk));
  await waitFor(() => log.includes('HTTP server listening'), 30_000, () => `code-server did not start:\n${log}`);
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`);
  await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
  const workbench = new Workbench(page, workspace, () => log);
  workbench.extensionsDir = extensions;
  workbench.stop = async () => {
    await browser.close().catch(() => undefined);
    try {
      process.kill(-server.pid, 'SIGTERM');
    } catch {
      // already gone
    }
    fs.rmSync(home, { recursive: true, force: true });
  };
  if (!trusted) await workbench.answerTrust(/^No, I don.t trust the authors/);
  return workbench;
}

export async function waitFor(condition, timeoutMs, describe = () => 'condition') {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`timed out: ${describe()}`);
}

class Workbench {
  constructor(page, workspace, log) {
    this.page = page;
    this.workspace = workspace;
    this.log = log;
  }

  async answerTrust(answer) {
    const button = this.page.getByRole('button', { name: answer }).first();
    try {
      await button.waitFor({ timeout: 30_000 });
    } catch (error) {
      await this.screenshot('failure-trust-dialog.png');
      throw error;
    }
    await button.click();
  }

  /** Quick Open (Ctrl+P) a file by its name. */
  async openFile(name) {
    await this.page.keyboard.press(`${MOD}+P`);
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill(name);
    await this.page.locator(`.quick-input-list .monaco-list-row:has-text("${name}")`).first().waitFor({ timeout: 15_000 });
    await this.page.keyboard.press('Enter');
    await this.page.locator(`.tab.active:has-text("${name}")`).first().waitFor({ timeout: 15_000 });
  }

  /** Runs a command of the palette by its title (retrying while the extensions' commands are still being registered). */
  async runCommand(title) {
    const deadline = Date.now() + 45_000;
    for (;;) {
      await this.page.keyboard.press(`${MOD}+Shift+P`);
      const input = this.page.locator('.quick-input-widget input');
      await input.waitFor();
      await input.fill(`>${title}`);
      const row = this.page.locator(`.quick-input-list .monaco-list-row:has-text("${title}")`).first();
      try {
        await row.waitFor({ timeout: 3_000 });
        await row.click();
        return;
      } catch (error) {
        await this.page.keyboard.press('Escape');
        if (Date.now() > deadline) throw error;
      }
    }
  }

  async showProblems() {
    await this.runCommand('View: Focus Problems');
    await this.page.locator('.markers-panel').waitFor();
  }

  /** The rows of the Problems panel, as text. */
  async problems() {
    return this.page.locator('.markers-panel .monaco-list-row').allInnerTexts();
  }

  async waitForProblem(text, timeoutMs = 60_000) {
    await this.page.locator(`.markers-panel .monaco-list-row:has-text(${JSON.stringify(text)})`).first().waitFor({ timeout: timeoutMs });
  }

  async waitForNoProblem(text, timeoutMs = 30_000) {
    await this.page.locator(`.markers-panel .monaco-list-row:has-text(${JSON.stringify(text)})`).first().waitFor({ state: 'detached', timeout: timeoutMs });
  }

  /** Waits for a problem, applies one of its quick fixes, waits for the problem to go and saves. */
  async fixProblem(problem, fixTitle, failureScreenshot) {
    try {
      await this.waitForProblem(problem);
      await this.applyQuickFix(problem, fixTitle);
      await this.waitForNoProblem(problem);
      await this.save();
    } catch (error) {
      await this.screenshot(failureScreenshot);
      throw error;
    }
  }

  /** Opens a problem's place in the editor, then the quick fix menu there, and picks a fix by title. */
  async applyQuickFix(problem, fixTitle) {
    const item = this.page.locator(`.action-widget .monaco-list-row:has-text(${JSON.stringify(fixTitle)})`).first();
    // A busy machine may hand the keystroke to the panel before the editor has focus, or ask for
    // code actions before they are ready: the menu is asked for again, up to three times.
    for (let attempt = 1; ; attempt++) {
      await this.page.locator(`.markers-panel .monaco-list-row:has-text(${JSON.stringify(problem)})`).first().click();
      await this.page.keyboard.press('Enter');
      await this.page.waitForTimeout(300 * attempt);
      await this.page.keyboard.press(`${MOD}+.`);
      try {
        await item.waitFor({ timeout: 10_000 });
        break;
      } catch (error) {
        if (attempt === 3) throw error;
        await this.page.keyboard.press('Escape');
      }
    }
    await item.click();
  }

  async save() {
    await this.page.keyboard.press(`${MOD}+S`);
    await this.page.waitForTimeout(500);
  }

  read(relative) {
    return fs.readFileSync(path.join(this.workspace, relative), 'utf8');
  }

  async screenshot(name) {
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    await this.page.screenshot({ path: path.join(SCREENSHOTS, name) });
  }
}
