import { beforeEach, describe, expect, it } from 'vitest';
import type { FileHost } from '../../../src-renderer/files/file-host';
import { setFileHost } from '../../../src-renderer/files/host';
import { saveAction, saveAsAction } from '../../../src-renderer/files/file-actions';
import { newProject } from '../../../src-renderer/store/new-project';
import { useProjectStore } from '../../../src-renderer/store/project-store';

/** A browser-like host: every save is a download named `target ?? suggested`, with no path. */
function downloadHost(saved: { target: string | null; suggested: string }[]): FileHost {
  return {
    open: async () => null,
    save: async (target, _text, suggested) => {
      saved.push({ target, suggested });
      return { name: target ?? suggested, unconfirmed: true };
    },
    download: async () => true,
  };
}

describe('Save in the browser', () => {
  let saved: { target: string | null; suggested: string }[];
  beforeEach(() => {
    saved = [];
    setFileHost(downloadHost(saved));
    useProjectStore.getState().load(newProject('Untitled'), null);
  });

  it('names the download after the project as it is named now, also after an earlier save under another name', async () => {
    await saveAction();
    expect(saved.at(-1)).toEqual({ target: null, suggested: 'untitled.convas.json' });
    useProjectStore.getState().rename('Fashion CNN, v2');
    await saveAction();
    expect(saved.at(-1)).toEqual({ target: null, suggested: 'fashion-cnn-v2.convas.json' });
    useProjectStore.getState().rename('합성곱 실험');
    await saveAsAction();
    expect(saved.at(-1)).toEqual({ target: null, suggested: '합성곱-실험.convas.json' });
  });

  it('writes back where the desktop app opened the project from', async () => {
    useProjectStore.getState().load(newProject('Mine'), 'mine.convas.json', { path: '/home/ada/mine.convas.json' });
    await saveAction();
    expect(saved.at(-1)?.target).toBe('/home/ada/mine.convas.json');
  });
});
