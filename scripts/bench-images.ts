// Decoding a folder of pictures as the engine does for `train --dataset images`: generates N
// pictures (PNG and JPEG of 24–64 px, 10 classes) in a temp folder, decodes them to 32×32×3,
// then reads the decoded set back from the cache. Prints time, throughput, CPU use (cores kept
// busy) and memory; asserts nothing. Run: npm run -s bench:images [-- --count N] [--size S]
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import sharp from 'sharp';
import { decodeConcurrency, loadPictureFolder } from '../src-main/engine/data/pictures';
import { formatCount } from '../src-shared/layers/format';

const { values } = parseArgs({ options: { count: { type: 'string', default: '50000' }, size: { type: 'string', default: '32' } } });
const COUNT = Number(values.count);
const SIDE = Number(values.size);
const CLASSES = 10;
// Distinct pictures; the folder repeats them under other names (each file is still read and decoded).
const DISTINCT = Math.min(COUNT, 1000);

const MB = 1024 * 1024;
const mb = (bytes: number) => `${(bytes / MB).toFixed(0)} MB`;

/** Peak memory while `work` runs, sampled every 20 ms: resident set and the bytes of typed arrays and Buffers. */
async function measured<T>(
  work: () => Promise<T>,
): Promise<{ result: T; seconds: number; cpu: number; peakRss: number; peakBuffers: number }> {
  let peakRss = process.memoryUsage().rss;
  let peakBuffers = process.memoryUsage().arrayBuffers;
  const sample = () => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakBuffers = Math.max(peakBuffers, m.arrayBuffers);
  };
  const timer = setInterval(sample, 20);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const result = await work();
  const seconds = (performance.now() - t0) / 1000;
  const used = process.cpuUsage(cpu0);
  clearInterval(timer);
  sample();
  return { result, seconds, cpu: (used.user + used.system) / 1e6 / seconds, peakRss, peakBuffers };
}

async function generate(dir: string): Promise<void> {
  const pictures: { bytes: Buffer; ext: string }[] = [];
  for (let i = 0; i < DISTINCT; i++) {
    const w = 24 + ((i * 7) % 41);
    const h = 24 + ((i * 11) % 41);
    const c = i % CLASSES;
    const px = Buffer.alloc(w * h * 3);
    for (let p = 0; p < w * h; p++) px.set([(c * 25 + p) & 0xff, (c * 50 + 3 * p) & 0xff, (255 - c * 20 + i) & 0xff], p * 3);
    const image = sharp(px, { raw: { width: w, height: h, channels: 3 } });
    pictures.push(
      i % 2 ? { bytes: await image.jpeg({ quality: 90 }).toBuffer(), ext: 'jpg' } : { bytes: await image.png().toBuffer(), ext: 'png' },
    );
  }
  for (let c = 0; c < CLASSES; c++) await mkdir(join(dir, `class_${c}`), { recursive: true });
  for (let n = 0; n < COUNT; n++) {
    const i = n % DISTINCT;
    const pic = pictures[i]!;
    await writeFile(join(dir, `class_${i % CLASSES}`, `${String(n).padStart(6, '0')}.${pic.ext}`), pic.bytes);
  }
}

const root = await mkdtemp(join(tmpdir(), 'convas-bench-images-'));
try {
  const folder = join(root, 'pictures');
  const cacheRoot = join(root, 'cache');
  const size = { height: SIDE, width: SIDE, channels: 3 as const };
  const t0 = performance.now();
  await generate(folder);
  console.log(
    `Generated ${formatCount(COUNT)} pictures (PNG and JPEG, 24–64 px, ${CLASSES} classes) in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
  console.log(
    `Machine: ${availableParallelism()} cores, load average ${loadavg()[0]!.toFixed(1)}; libuv pool ${process.env['UV_THREADPOOL_SIZE'] ?? '4 (default)'}; ${decodeConcurrency()} files in flight`,
  );
  const base = process.memoryUsage();
  let lastShown = 0;
  const first = await measured(() =>
    loadPictureFolder(folder, size, {
      seed: 1,
      cacheRoot,
      onProgress: (p) => {
        if (p.phase === 'decode' && process.stdout.isTTY && (p.done - lastShown >= 1000 || p.done === p.total)) {
          lastShown = p.done;
          process.stdout.write(`\r  decoding ${formatCount(p.done)} / ${formatCount(p.total ?? 0)}`);
        }
      },
    }),
  );
  if (process.stdout.isTTY) process.stdout.write('\r\x1b[K');
  const held = first.result.train.images.byteLength + first.result.test.images.byteLength;
  console.log(
    `Decode to ${SIDE}×${SIDE}×3 and cache: ${first.seconds.toFixed(1)} s, ${formatCount(COUNT / first.seconds)} pictures/s, ${first.cpu.toFixed(2)} cores busy`,
  );
  console.log(
    `  held: ${mb(held)} of pixels (${formatCount(first.result.train.count)} train + ${formatCount(first.result.test.count)} test); peak above the start: resident ${mb(first.peakRss - base.rss)}, buffers ${mb(first.peakBuffers - base.arrayBuffers)}`,
  );
  const second = await measured(() => loadPictureFolder(folder, size, { seed: 1, cacheRoot }));
  console.log(
    `Second run (${second.result.fromCache ? 'decoded set read from the cache' : 'NOT from the cache'}): ${second.seconds.toFixed(2)} s`,
  );
} finally {
  await rm(root, { recursive: true, force: true });
}
