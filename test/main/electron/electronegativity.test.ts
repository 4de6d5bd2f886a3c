// "Done when": @doyensec/electronegativity over the Electron sources reports no finding of high
// or medium severity. First the check proves it can fail, on a deliberately insecure sample.
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../../scripts/build-electron';
import { parseCsv, readCsvReport, scan, type Finding } from './electronegativity-runner';

const ELECTRON_VERSION = (JSON.parse(await readFile(join(ROOT, 'node_modules', 'electron', 'package.json'), 'utf8')) as { version: string })
  .version;
const SOURCES = join(ROOT, 'src-main', 'electron');
const serious = (findings: readonly Finding[]) => findings.filter((f) => f.severity === 'HIGH' || f.severity === 'MEDIUM');
const describeFindings = (findings: readonly Finding[]) =>
  findings.map((f) => `${f.severity} ${f.id} ${f.file}:${f.location} ${f.description} — ${f.sample.trim()}`).join('\n');

const INSECURE_SAMPLE = `
import { BrowserWindow } from 'electron';
const win = new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false, webSecurity: false } });
win.loadURL('http://example.com/');
`;

describe('electronegativity', () => {
  it('reads quoted CSV fields with commas, quotes and line breaks', () => {
    expect(parseCsv('a, b\n"x, ""y""","line1\nline2"\n')).toEqual([
      ['a', ' b'],
      ['x, "y"', 'line1\nline2'],
    ]);
    expect(() =>
      readCsvReport('issue, severity, confidence, filename, location, sample, description, url\nX,"SEVERE","FIRM","f","1:1","s","d",u\n'),
    ).toThrow(/unknown severity/);
  });

  it.concurrent(
    'fails a deliberately insecure sample (so a clean result below means something)',
    async () => {
      const dir = await mkdtemp(join(tmpdir(), 'convas-insecure-'));
      try {
        await writeFile(join(dir, 'main.ts'), INSECURE_SAMPLE);
        const findings = await scan(dir, { electronVersion: ELECTRON_VERSION });
        const ids = serious(findings).map((f) => `${f.severity} ${f.id}`);
        expect(ids).toEqual(
          expect.arrayContaining([
            'HIGH CONTEXT_ISOLATION_JS_CHECK',
            'MEDIUM SANDBOX_JS_CHECK',
            'HIGH LIMIT_NAVIGATION_GLOBAL_CHECK',
            'MEDIUM CSP_GLOBAL_CHECK',
          ]),
        );
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
    120_000,
  );

  it.concurrent(
    'really reads our window: the same sources with the sandbox off fail',
    async () => {
      // Guards against a vacuous pass (a file the tool cannot parse yields no findings at all).
      const dir = await mkdtemp(join(tmpdir(), 'convas-mutant-'));
      try {
        await cp(SOURCES, dir, { recursive: true });
        const main = await readFile(join(dir, 'main.ts'), 'utf8');
        expect(main).toContain('sandbox: true,');
        await writeFile(
          join(dir, 'main.ts'),
          main.replace('sandbox: true,', 'sandbox: false,').replace('contextIsolation: true,', 'contextIsolation: false,'),
        );
        const ids = serious(await scan(dir, { electronVersion: ELECTRON_VERSION })).map((f) => `${f.severity} ${f.id} ${f.file}`);
        expect(ids).toEqual(expect.arrayContaining(['MEDIUM SANDBOX_JS_CHECK main.ts', 'HIGH CONTEXT_ISOLATION_JS_CHECK main.ts']));
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
    120_000,
  );

  it.concurrent(
    'finds nothing of high or medium severity in src-main/electron',
    async () => {
      const findings = await scan(SOURCES, { electronVersion: ELECTRON_VERSION });
      expect(serious(findings), describeFindings(findings)).toEqual([]);
    },
    120_000,
  );

  it('is silenced only where a finding was reviewed, with the reason beside it', async () => {
    const annotated: string[] = [];
    for (const name of (await readdir(SOURCES)).filter((n) => n.endsWith('.ts'))) {
      const lines = (await readFile(join(SOURCES, name), 'utf8')).split('\n');
      lines.forEach((line, i) => {
        const m = /(?:\/\/|\/\*)\s*eng-disable\s+([\w\s]+)/.exec(line);
        if (!m) return;
        annotated.push(`${name}: ${m[1]!.trim()}`);
        // The explanation sits in the comment lines just above.
        expect(lines.slice(Math.max(0, i - 4), i).join('\n'), `${name}:${i + 1}`).toMatch(/Reviewed for electronegativity's/);
      });
    }
    expect(annotated).toEqual(['main.ts: PRELOAD_JS_CHECK']);
  });
});
