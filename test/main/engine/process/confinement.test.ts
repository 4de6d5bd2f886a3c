import { join, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { grantedDir, grantMessage, isInside } from '../../../../src-main/engine/process/confinement';

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

describe('grant messages', () => {
  it('round-trips an absolute folder and ignores everything else', () => {
    expect(grantedDir(grantMessage('/data/photos/'))).toBe('/data/photos');
    expect(grantedDir({ grantDataDir: 'relative/dir' })).toBeUndefined();
    expect(grantedDir({ grantDataDir: 42 })).toBeUndefined();
    expect(grantedDir({ type: 'train' })).toBeUndefined();
    expect(grantedDir(null)).toBeUndefined();
  });
});
