import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { startServer, type RunningServer } from '../../src-main/server/server';
import { startBrowserEngine } from '../../src-main/server/browser-engine';
import type { EngineClient } from '../../src-main/engine/process/client';

export const RENDERER_DIR = fileURLToPath(new URL('../../dist/renderer', import.meta.url));
export const SCREENSHOTS = fileURLToPath(new URL('../../test-results/screenshots', import.meta.url));

/** Debian's Chromium unless CHROMIUM_PATH names another. */
export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

export interface App {
  readonly server: RunningServer;
  readonly browser: Browser;
  readonly context: BrowserContext;
  readonly page: Page;
  readonly downloads: string;
  /** The process ids of the engines the server started for the page, oldest first (test-only: to kill one). */
  enginePids(): number[];
  close(): Promise<void>;
}

export interface OpenOptions {
  /** The window's inner size; 1440×900 unless given. */
  readonly viewport?: { readonly width: number; readonly height: number };
  /** The browser's locale (and so the app's starting language), e.g. 'ko-KR'; 'en-US' unless given. */
  readonly locale?: string;
  /** Folders the server names to the page and its engines may read (`serve --data-dir`). */
  readonly dataDirs?: readonly string[];
}

/** Starts browser mode (server + real engine process) and opens its page in headless Chromium. */
export async function openApp(query = '', options: OpenOptions = {}): Promise<App> {
  const viewport = options.viewport ?? { width: 1440, height: 900 };
  const locale = options.locale ?? 'en-US';
  if (!existsSync(join(RENDERER_DIR, 'index.html')))
    throw new Error(`${RENDERER_DIR} is missing — run \`npm run build\` before the end-to-end tests`);
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM} — apt-get install chromium, or set CHROMIUM_PATH`);
  // Every training run is recorded: into a folder of the tests', never the user's data folder.
  process.env['CONVAS_DATA_DIR'] ??= mkdtempSync(join(tmpdir(), 'convas-data-'));
  // The test process owns the engines the server starts, so it can see their pids without the server exposing them.
  const engines: EngineClient[] = [];
  const startEngine = () => {
    const engine = startBrowserEngine(options.dataDirs ?? []);
    engines.push(engine);
    return engine;
  };
  const server = await startServer({ rendererDir: RENDERER_DIR, startEngine, dataDirs: options.dataDirs ?? [] });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--headless',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--lang=${locale}`,
    ],
  });
  const context = await browser.newContext({ viewport: { ...viewport }, acceptDownloads: true, locale });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${server.url}${query}`);
  const downloads = mkdtempSync(join(tmpdir(), 'convas-downloads-'));
  return {
    server,
    browser,
    context,
    page,
    downloads,
    enginePids: () => engines.flatMap((e) => (e.pid === undefined ? [] : [e.pid])),
    async close() {
      await browser.close();
      await server.close();
      if (errors.length > 0) throw new Error(`page errors: ${errors.join('\n')}`);
    },
  };
}

/**
 * Selects a layer by clicking its node until the inspector shows it: a fit of the view (after
 * Arrange, or when a dock changes the canvas's size) can move the node between Playwright's aim
 * and its click on a loaded machine.
 */
export async function selectNode(page: Page, name: string): Promise<void> {
  const inspector = page.getByTestId('inspector');
  await expect
    .poll(
      async () => {
        if ((await inspector.getAttribute('data-node')) !== name) await page.getByTestId(`node-${name}`).click();
        return inspector.getAttribute('data-node');
      },
      { timeout: 30_000 },
    )
    .toBe(name);
}
