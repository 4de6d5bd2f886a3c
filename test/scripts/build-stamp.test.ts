// The fingerprint that decides whether `npm start` and `npm run -s cli` rebuild.
import { mkdirSync, mkdtempSync, renameSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readStamp, sourceFingerprint, writeStamp } from '../../scripts/build-stamp.mjs';

function tree(): string {
  const root = mkdtempSync(join(tmpdir(), 'convas-stamp-'));
  mkdirSync(join(root, 'src', 'deep'), { recursive: true });
  writeFileSync(join(root, 'src', 'a.ts'), 'a');
  writeFileSync(join(root, 'src', 'deep', 'b.ts'), 'b');
  writeFileSync(join(root, 'config.ts'), 'c');
  return root;
}

describe('sourceFingerprint', () => {
  it('is stable while nothing changes and changes with any edit, addition, deletion or rename', () => {
    const root = tree();
    const inputs = ['src', 'config.ts'];
    const print = () => sourceFingerprint(root, inputs);
    const first = print();
    expect(print()).toBe(first);
    const seen = new Set([first]);
    const expectNew = () => {
      const now = print();
      expect(seen.has(now)).toBe(false);
      seen.add(now);
    };
    writeFileSync(join(root, 'src', 'deep', 'b.ts'), 'bb');
    expectNew();
    // Same size, older time (a restored file): still a change.
    utimesSync(join(root, 'config.ts'), new Date(2001, 0, 1), new Date(2001, 0, 1));
    expectNew();
    writeFileSync(join(root, 'src', 'new.ts'), '');
    expectNew();
    rmSync(join(root, 'src', 'a.ts'));
    expectNew();
    renameSync(join(root, 'src', 'new.ts'), join(root, 'src', 'renamed.ts'));
    expectNew();
    rmSync(join(root, 'config.ts'));
    expectNew();
  });

  it('ignores node_modules and what lies outside its inputs', () => {
    const root = tree();
    const before = sourceFingerprint(root, ['src']);
    mkdirSync(join(root, 'src', 'node_modules'));
    writeFileSync(join(root, 'src', 'node_modules', 'x.js'), 'x');
    writeFileSync(join(root, 'elsewhere.ts'), 'x');
    expect(sourceFingerprint(root, ['src'])).toBe(before);
  });
});

describe('stamps', () => {
  it('reads back what was written, and nothing from a missing or damaged stamp', () => {
    const dir = mkdtempSync(join(tmpdir(), 'convas-stamp-'));
    const file = join(dir, 'out', '.stamp.json');
    expect(readStamp(file)).toBeUndefined();
    writeStamp(file, 'abc123');
    expect(readStamp(file)).toBe('abc123');
    writeFileSync(file, '{"fingerprint": ');
    expect(readStamp(file)).toBeUndefined();
  });
});
