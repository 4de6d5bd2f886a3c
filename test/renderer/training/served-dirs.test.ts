import { describe, expect, it } from 'vitest';
import { dataDirsUrl, desktopFolderChooser, parseDataDirs } from '../../../src-renderer/training/served-dirs';

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

describe('the desktop folder dialog', () => {
  /** A stand-in for the preload bridge whose dialog answers `answer` and records what it was asked. */
  function scope(answer: unknown) {
    const asked: unknown[] = [];
    const bridge = {
      files: {},
      app: {},
      menu: {},
      data: {
        chooseFolder: (request: unknown) => {
          asked.push(request);
          return Promise.resolve(answer);
        },
      },
    };
    return { scope: { convas: bridge }, asked };
  }

  it('asks main for a folder of the dataset’s kind and returns the chosen path', async () => {
    const { scope: s, asked } = scope({ path: '/home/me/photos' });
    expect(await desktopFolderChooser(s)!('images')).toBe('/home/me/photos');
    expect(asked).toEqual([{ dataset: 'images' }]);
  });

  it('returns null when cancelled or answered with something else, and is absent in a browser tab', async () => {
    expect(await desktopFolderChooser(scope(null).scope)!('cifar10')).toBeNull();
    expect(await desktopFolderChooser(scope({ path: 42 }).scope)!('cifar10')).toBeNull();
    expect(desktopFolderChooser({})).toBeUndefined();
  });
});
