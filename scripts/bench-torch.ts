// `npm run bench:torch`: Convas against PyTorch CPU on this machine, same networks, Adam, batch
// sizes and thread counts. For each network and batch size it measures Convas (wasm, 1 thread and
// every core), then PyTorch right after (scripts/bench-torch.py, 1 thread and every core), and
// prints the ratio of the fastest Convas line to the fastest PyTorch line. Figures only: nothing here
// passes or fails on a time. Needs a python3 with torch (Debian: apt-get install python3-torch);
// set CONVAS_PYTHON to choose the interpreter.
// Run: npm run bench:torch [-- --seconds S] [--json]
import { execFileSync, spawnSync } from 'node:child_process';
import { availableParallelism, cpus } from 'node:os';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs';
import { BENCH_BATCHES, BENCH_MODELS, defaultBenchThreads, runBench, type BenchModel } from '../src-main/engine/bench';

const SCRIPT = fileURLToPath(new URL('./bench-torch.py', import.meta.url));

interface Line {
  readonly backend: string;
  readonly batchSize: number;
  readonly threads: number;
  readonly model: BenchModel;
  readonly samplesPerSec: number;
}

/** The first interpreter that imports torch, and torch's version. */
function findTorch(): { python: string; version: string } | undefined {
  const candidates = [process.env['CONVAS_PYTHON'], 'python3', '/usr/bin/python3'].filter((p): p is string => !!p);
  for (const python of candidates) {
    const r = spawnSync(python, ['-c', 'import torch; print(torch.__version__)'], { encoding: 'utf8' });
    if (r.status === 0) return { python, version: r.stdout.trim() };
  }
  return undefined;
}

function torchLine(python: string, model: BenchModel, batch: number, seconds: number, threads: number): Line {
  const out = execFileSync(python, [SCRIPT, model, String(batch), String(seconds), String(threads)], { encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').pop()!) as Line;
}

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '3' }, json: { type: 'boolean', default: false } } });
const seconds = Number(values.seconds);
const torch = findTorch();
if (!torch) {
  console.error('No python3 with torch found: install python3-torch (Debian) or set CONVAS_PYTHON to an interpreter that has it.');
  process.exit(1);
}
const cores = availableParallelism();
const threads = defaultBenchThreads(cores);
const say = (text: string) => {
  if (!values.json) console.log(text);
};
say(
  `Convas (TensorFlow.js ${tf.version.tfjs}, wasm, Node ${process.versions.node}) vs PyTorch ${torch.version} CPU; ${cpus()[0]?.model ?? 'unknown CPU'}, ${cores} cores; Adam, ${seconds} s per line`,
);
const rows: { model: BenchModel; batch: number; convas: Line[]; torch: Line[] }[] = [];
for (const model of BENCH_MODELS) {
  for (const batch of BENCH_BATCHES[model]) {
    const convas: Line[] = [];
    for await (const r of runBench({ backends: ['wasm'], models: [model], batchSizes: [batch], threads, seconds })) convas.push(r);
    const theirs = threads.map((t) => torchLine(torch.python, model, batch, seconds, t));
    rows.push({ model, batch, convas, torch: theirs });
    const best = Math.max(...convas.map((l) => l.samplesPerSec));
    // Fastest against fastest: on a busy machine PyTorch on every core can be slower than on one.
    const reference = Math.max(...theirs.map((l) => l.samplesPerSec));
    if (values.json) {
      for (const l of [...convas, ...theirs]) {
        const { backend, batchSize, samplesPerSec } = l;
        console.log(
          JSON.stringify({ backend, batchSize, threads: l.threads, model: l.model, samplesPerSec: Math.round(samplesPerSec * 10) / 10 }),
        );
      }
      console.log(JSON.stringify({ model, batchSize: batch, ratio: Math.round((best / reference) * 100) / 100 }));
      continue;
    }
    const cell = (ls: Line[]) => ls.map((l) => `${Math.round(l.samplesPerSec).toLocaleString('en')} (${l.threads}t)`).join(' / ');
    say(
      `  ${model.padEnd(8)} batch ${String(batch).padStart(4)}  Convas ${cell(convas).padEnd(28)} PyTorch ${cell(theirs).padEnd(28)} ratio ${(best / reference).toFixed(2)}×`,
    );
  }
}
