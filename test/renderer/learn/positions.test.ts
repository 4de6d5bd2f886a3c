import { describe, expect, it } from 'vitest';
import { mapsOf, positionAt, stepOf } from '../../../src-renderer/learn/positions';

describe('step numbers and output positions', () => {
  it('walks map by map, each row by row', () => {
    expect(positionAt(0, 2, 3)).toEqual({ map: 0, row: 0, col: 0 });
    expect(positionAt(4, 2, 3)).toEqual({ map: 0, row: 1, col: 1 });
    expect(positionAt(6, 2, 3)).toEqual({ map: 1, row: 0, col: 0 });
  });

  it('stepOf is the inverse of positionAt', () => {
    for (let i = 0; i < 24; i++) expect(stepOf(positionAt(i, 3, 4), 3, 4)).toBe(i);
  });

  it('reorders an output [row][col][map] into maps [map][row][col]', () => {
    expect(
      mapsOf(
        [
          [
            [1, 10],
            [2, 20],
          ],
        ],
        2,
      ),
    ).toEqual([[[1, 2]], [[10, 20]]]);
  });
});
