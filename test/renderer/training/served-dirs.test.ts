import { describe, expect, it } from 'vitest';
import { dataDirsUrl, parseDataDirs } from '../../../src-renderer/training/served-dirs';

describe('browser mode’s dataset folders', () => {
  it('asks with the page’s own secret, and not at all without one', () => {
    expect(dataDirsUrl('?token=a+b/c&template=x')).toBe('/data-dirs?token=a%20b%2Fc');
    expect(dataDirsUrl('?template=x')).toBeUndefined();
    expect(dataDirsUrl('')).toBeUndefined();
  });

  it('reads the folders of a well-formed answer and nothing of any other', () => {
    expect(parseDataDirs({ dirs: ['/data/photos', '/data/cifar'] })).toEqual(['/data/photos', '/data/cifar']);
    expect(parseDataDirs({ dirs: [''] })).toEqual([]);
    expect(parseDataDirs({ dirs: '/etc' })).toEqual([]);
    expect(parseDataDirs(null)).toEqual([]);
  });
});
