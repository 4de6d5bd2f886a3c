// Runs @doyensec/electronegativity's CLI offline and reads its findings. Its exit code is 0 even
// when it finds problems, so the findings come from its CSV report (the SARIF report has no
// severity). The tool writes the CSV header and the rows with two concurrent fs.writeFile calls
// that can race — the header then overwrites the start of the rows — so the CLI runs with a
// preloaded shim that makes writes to one file happen in order, and the row count is checked
// against the SARIF report, which is written in one piece.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ROOT } from '../../../scripts/build-electron';

const run = promisify(execFile);
const CLI = join(ROOT, 'node_modules', '@doyensec', 'electronegativity', 'dist', 'index.js');
export const SEVERITIES = ['INFORMATIONAL', 'LOW', 'MEDIUM', 'HIGH'] as const;
export type Severity = (typeof SEVERITIES)[number];

export interface Finding {
  readonly id: string;
  readonly severity: Severity;
  readonly confidence: string;
  readonly file: string;
  readonly location: string;
  readonly sample: string;
  readonly description: string;
}

/** RFC 4180 CSV: quoted fields may hold commas, doubled quotes and line breaks. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') {
      if (field !== '') throw new Error(`CSV has a quote inside an unquoted field: ${field}`);
      quoted = true;
    } else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (quoted) throw new Error('CSV ends inside a quoted field');
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

/** Reads electronegativity's CSV report into findings; throws on anything unexpected. */
export function readCsvReport(text: string): Finding[] {
  const [header, ...rows] = parseCsv(text);
  const names = header?.map((h) => h.trim());
  if (names?.join(',') !== 'issue,severity,confidence,filename,location,sample,description,url')
    throw new Error(`unexpected CSV header: ${header?.join(',')}`);
  return rows.map((r) => {
    if (r.length !== 8) throw new Error(`CSV row with ${r.length} fields: ${r.join(' | ')}`);
    const [id, severity, confidence, file, location, sample, description] = r as [string, string, string, string, string, string, string];
    if (!(SEVERITIES as readonly string[]).includes(severity)) throw new Error(`unknown severity ${severity} in ${id}`);
    return { id, severity: severity as Severity, confidence, file, location, sample, description };
  });
}

/** Preloaded into the CLI: fs.writeFile calls on the same path run one after the other, in call order. */
const SERIALIZE_WRITES = `
const fs = require('node:fs');
const writeFile = fs.writeFile;
const chains = new Map();
fs.writeFile = function (file, data, options, callback) {
  if (typeof options === 'function') { callback = options; options = undefined; }
  const key = String(file);
  const done = (chains.get(key) || Promise.resolve()).then(() => new Promise((resolve) => {
    writeFile.call(fs, file, data, options || {}, (err) => { resolve(); if (callback) callback(err); });
  }));
  chains.set(key, done);
};
`;

export interface ScanOptions {
  /** Electron version to judge the defaults by (the input has no package.json to read it from). */
  readonly electronVersion: string;
}

async function runCli(input: string, output: string, shim: string, options: ScanOptions): Promise<void> {
  await run(
    process.execPath,
    // AvailableSecurityFixesGlobalCheck compares the Electron version of a package.json in the
    // input with the list of releases it downloads; the input is source files without a
    // package.json, so it can find nothing and would only wait for the network.
    ['--require', shim, CLI, '-i', input, '-o', output, '-r', '-e', options.electronVersion, '-x', 'AvailableSecurityFixesGlobalCheck'],
    { cwd: ROOT, env: { ...process.env, LANG: 'en-US' }, timeout: 120_000 },
  );
}

/** Scans `input` (a directory or file) and returns every finding. */
export async function scan(input: string, options: ScanOptions): Promise<Finding[]> {
  const dir = await mkdtemp(join(tmpdir(), 'convas-electronegativity-'));
  try {
    const shim = join(dir, 'serialize-writes.cjs');
    await writeFile(shim, SERIALIZE_WRITES);
    const sarifPath = join(dir, 'report.sarif');
    const csvPath = join(dir, 'report.csv');
    await Promise.all([runCli(input, sarifPath, shim, options), runCli(input, csvPath, shim, options)]);
    const sarif = JSON.parse(await readFile(sarifPath, 'utf8')) as { runs: { results: unknown[] }[] };
    const findings = readCsvReport(await readFile(csvPath, 'utf8'));
    const expected = sarif.runs[0]!.results.length;
    if (findings.length !== expected) throw new Error(`the CSV report has ${findings.length} findings but the SARIF report ${expected}`);
    return findings;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
