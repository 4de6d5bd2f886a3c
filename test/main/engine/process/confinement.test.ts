import { join, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isInside } from '../../../../src-main/engine/process/confinement';

describe('isInside', () => {
  it('takes the root and its sub-folders, also one whose name starts with two dots', () => {
    expect(isInside('/data', '/data')).toBe(true);
    expect(isInside('/data', '/data/')).toBe(true);
    expect(isInside('/data', join('/data', 'idx'))).toBe(true);
    expect(isInside('/data', join('/data', '..hidden'))).toBe(true);
  });

  it('refuses what leaves the root: the parent, a sibling sharing its prefix, ../ tricks', () => {
    expect(isInside('/data', '/')).toBe(false);
    expect(isInside('/data', '/data2')).toBe(false);
    expect(isInside('/data', `/data${sep}..${sep}etc`)).toBe(false);
    expect(isInside('/data', '/etc')).toBe(false);
  });
});
