// Does the app train as fast as `bench`? Measures the lecture CNN at batch 32 with `bench`'s
// trainer, then trains the same network in browser mode (the real UI in headless Chromium, charts
// and all, on the same machine) and reads the pace from the engine's batch events as the page
// receives them, then measures `bench` again. Both at the thread count the app uses by default
// (every core but one). Prints figures; nothing passes or fails on a time.
// Needs `npm run build` (the renderer) and Chromium (/usr/bin/chromium or CHROMIUM_PATH).
// Run: npx tsx scripts/bench-ui.ts [--epochs N] [--seconds S]
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { startServer } from '../src-main/server/server';
import { startBrowserEngine } from '../src-main/server/browser-engine';
import { runBench } from '../src-main/engine/bench';
import { defaultThreads } from '../src-main/engine/parallel/threads';
import { decodeFrame } from '../src-shared/engine/wire';
import type { EngineEvent } from '../src-shared/engine/protocol';
import { parseProject } from '../src-shared/project/io';
import { defaultTrainingSettings } from '../src-shared/project/training';

const RENDERER_DIR = fileURLToPath(new URL('../dist/renderer', import.meta.url));
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const { values } = parseArgs({ options: { epochs: { type: 'string', default: '3' }, seconds: { type: 'string', default: '5' } } });
const epochs = Number(values.epochs);
const threads = defaultThreads('leave-one');

if (!existsSync(join(RENDERER_DIR, 'index.html'))) throw new Error('dist/renderer is missing: run `npm run build` first');

async function bench(): Promise<number> {
  for await (const r of runBench({
    backends: ['wasm'],
    models: ['lecture'],
    batchSizes: [32],
    threads: [threads],
    seconds: Number(values.seconds),
  }))
    return r.samplesPerSec;
  throw new Error('bench measured nothing');
}

/** CPU seconds used so far by process `pid` and all its descendants (Linux /proc; 0 elsewhere). */
function treeCpuSeconds(pid: number): number {
  try {
    const tick = 100; // USER_HZ on Linux
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    const own = (Number(fields[11]) + Number(fields[12])) / tick;
    return own + children.reduce((sum, c) => sum + treeCpuSeconds(c), 0);
  } catch {
    return 0;
  }
}

/** This process's own CPU seconds (it runs the server and the bridge). */
function ownCpuSeconds(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
}

/** Each epoch's pace from batch events and the times they arrived. */
function paces(batches: readonly { epoch: number; batch: number; at: number }[], epochCount: number): number[] {
  const out: number[] = [];
  for (let e = 1; e <= epochCount; e++) {
    const inEpoch = batches.filter((b) => b.epoch === e);
    const [first, last] = [inEpoch[0], inEpoch[inEpoch.length - 1]];
    if (first && last && last.at > first.at) out.push(((last.batch - first.batch) * 32) / ((last.at - first.at) / 1000));
  }
  return out;
}

/** The same run in an engine process of the app's kind with no page at all: what the session costs beyond bench's trainer. */
async function trainHeadless(): Promise<number[]> {
  const engine = startBrowserEngine();
  const batches: { epoch: number; batch: number; at: number }[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      engine.on((e) => {
        if (e.type === 'batch') batches.push({ epoch: e.epoch, batch: e.batch, at: performance.now() });
        if (e.type === 'finished') resolve();
        if (e.type === 'error') reject(new Error(e.message));
      });
      const parsed = parseProject(
        readFileSync(fileURLToPath(new URL('../assets/templates/lecture-cnn.convas.json', import.meta.url)), 'utf8'),
      );
      if (!parsed.ok) throw new Error('the lecture template does not load');
      engine.send({ type: 'train', runId: 'bench-ui', graph: parsed.project.graph, settings: { ...defaultTrainingSettings(), epochs } });
    });
  } finally {
    await engine.close();
  }
  return paces(batches, epochs);
}

/** Trains in browser mode; returns each epoch's pace (samples/s between its first and last batch event) and the threads the run used. */
async function trainInBrowser(): Promise<{ paces: number[]; threads: number; engineFigure: number; pageCores: number }> {
  const engines: number[] = [];
  const server = await startServer({
    rendererDir: RENDERER_DIR,
    startEngine: () => {
      const engine = startBrowserEngine();
      if (engine.pid !== undefined) engines.push(engine.pid);
      return engine;
    },
  });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--headless', '--disable-gpu', '--no-first-run'],
  });
  try {
    const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
    const batches: { epoch: number; batch: number; at: number; threads: number; samplesPerSec: number }[] = [];
    let finished!: () => void;
    const done = new Promise<void>((resolve) => (finished = resolve));
    page.on('websocket', (ws) =>
      ws.on('framereceived', ({ payload }) => {
        const event = (typeof payload === 'string' ? JSON.parse(payload) : decodeFrame(new Uint8Array(payload))) as EngineEvent;
        if (event.type === 'batch')
          batches.push({
            epoch: event.epoch,
            batch: event.batch,
            at: performance.now(),
            threads: event.threads ?? 1,
            samplesPerSec: event.samplesPerSec,
          });
        if (event.type === 'finished' || event.type === 'error') finished();
      }),
    );
    await page.goto(`${server.url}&template=lecture-cnn`);
    await page.getByTestId('btn-training-toggle').click();
    await page.getByTestId('training-panel').waitFor();
    const field = page.getByTestId('setting-epochs');
    await field.fill(String(epochs));
    await field.press('Enter');
    // Chromium's processes are this process's descendants other than the engine.
    const others = () => treeCpuSeconds(process.pid) - engines.reduce((sum, pid) => sum + treeCpuSeconds(pid), 0) - ownCpuSeconds();
    const [cpu0, t0] = [others(), performance.now()];
    await page.getByTestId('btn-train').click();
    await done;
    const pageCores = (others() - cpu0) / ((performance.now() - t0) / 1000);
    const endOfFirst = batches.filter((b) => b.epoch === 1).pop();
    return { paces: paces(batches, epochs), threads: batches[0]?.threads ?? 0, engineFigure: endOfFirst?.samplesPerSec ?? 0, pageCores };
  } finally {
    await browser.close();
    await server.close();
  }
}

const round = (x: number) => Math.round(x).toLocaleString('en');
const before = await bench();
const headless = await trainHeadless();
const ui = await trainInBrowser();
const after = await bench();
const benchMean = (before + after) / 2;
const uiBest = Math.max(...ui.paces);
console.log(`Lecture CNN, batch 32, ${threads} thread${threads === 1 ? '' : 's'} (the app's default here; the run used ${ui.threads}):`);
console.log(`  bench before ${round(before)} samples/s, after ${round(after)} samples/s`);
console.log(`  an engine process with no page, per epoch: ${headless.map(round).join(', ')} samples/s`);
console.log(`  browser mode, per epoch (between its first and last batch event): ${ui.paces.map(round).join(', ')} samples/s`);
console.log(`  Chromium (page, GPU and other processes) used ${ui.pageCores.toFixed(2)} cores during the run`);
console.log(`  the pace the UI showed at the end of epoch 1: ${round(ui.engineFigure)} samples/s`);
console.log(`  best epoch / mean bench: ${(uiBest / benchMean).toFixed(2)}`);
