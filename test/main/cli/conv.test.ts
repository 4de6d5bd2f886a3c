import { describe, expect, it } from 'vitest';
import { cli } from './run-cli';

const conv = (...args: string[]) => cli(['conv', ...args]);

describe('cli conv', () => {
  it("prints SciPy's values for the lecture's 1-D example as one JSON array", async () => {
    const base = ['--x', '2,8,3,7,1,2,0,4,5', '--w', '2,1,5,3', '--json'];
    const r = await conv(...base, '--op', 'correlate', '--padding', 'same');
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([34, 51, 48, 57, 24, 25, 16, 39, 29]);
    expect(JSON.parse((await conv(...base, '--op', 'convolve', '--padding', 'valid')).stdout)).toEqual([63, 48, 49, 28, 21, 20]);
  });

  it("2-D with rows separated by ';', in Keras's 'same' convention", async () => {
    const r = await conv(
      '--x',
      '1,2,3;4,5,6;7,8,9',
      '--w',
      '1,1;1,1',
      '--op',
      'correlate',
      '--padding',
      'same',
      '--same-style',
      'keras',
      '--json',
    );
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([
      [12, 16, 9],
      [24, 28, 15],
      [15, 17, 9],
    ]);
  });

  it('takes negative numbers as --x=-1,2,3 and prints the formula without --json', async () => {
    const r = await conv('--x=-1,2,3', '--w', '1,1', '--op', 'convolve', '--padding', 'full');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('[-1, 1, 5, 3]');
    expect(r.stdout).toContain('floor((3 + 2 − 2) / 1) + 1 = 4');
  });

  it('rejects what is not a number with exit status 2', async () => {
    const r = await conv('--x', '1,a,3', '--w', '1', '--op', 'correlate', '--padding', 'valid');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--x must be numbers');
    expect((await conv('--x', '1,,2', '--w', '1', '--op', 'correlate', '--padding', 'valid')).status).toBe(2);
    const long = await conv('--x', '1,2', '--w', '1,2,3', '--op', 'correlate', '--padding', 'valid');
    expect(long.status).toBe(2);
    expect(long.stderr).toContain("use padding 'same' or 'full'");
  });
});
