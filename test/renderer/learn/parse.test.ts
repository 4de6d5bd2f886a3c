import { describe, expect, it } from 'vitest';
import { matrixText, parseMatrix, parseVector } from '../../../src-renderer/learn/parse';

describe('parsing what the user types into the lab', () => {
  it('reads numbers separated by commas, spaces, tabs or new lines, with a typographic minus', () => {
    expect(parseVector('2, 8 3\t−7\n1e1')).toEqual({ ok: true, value: [2, 8, 3, -7, 10] });
  });

  it('reads pasted Python lists and NumPy matrices', () => {
    expect(parseMatrix('[[1, 2], [3, 4]]')).toEqual({
      ok: true,
      value: [
        [1, 2],
        [3, 4],
      ],
    });
    expect(parseMatrix('1 2; 3 4')).toEqual(parseMatrix('1, 2\n3, 4'));
  });

  it('says why a text is not usable: empty, not a number, rows of different lengths', () => {
    expect(parseVector('  ')).toEqual({ ok: false, error: { kind: 'empty' } });
    expect(parseVector('1, x2')).toEqual({ ok: false, error: { kind: 'not-a-number', token: 'x2' } });
    expect(parseMatrix('1, 2\n3')).toEqual({ ok: false, error: { kind: 'ragged', row: 2, got: 1, expected: 2 } });
  });

  it('writes a matrix back one row per line', () => {
    expect(
      matrixText([
        [1, 2],
        [3, 4],
      ]),
    ).toBe('1, 2\n3, 4');
  });
});
