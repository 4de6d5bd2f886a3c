// The native dialogs' words, from the electron dictionary in both languages (the pure options
// dialogs.ts and main.ts hand to Electron's `dialog`).
import type { MessageBoxOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import {
  aboutOptions,
  dataDirOptions,
  directoryOptions,
  DISCARD_BUTTON,
  openFileOptions,
  overwriteOptions,
  RELOAD_BUTTON,
  REPLACE_BUTTON,
  rendererGoneOptions,
  saveFileOptions,
  startFailedTitle,
  unsavedChangesOptions,
} from '../../../src-main/electron/dialog-options';
import { fileFilters } from '../../../src-main/electron/file-service';
import { exportKindSchema, openKindSchema } from '../../../src-shared/electron/ipc-schemas';
import { CATALOG } from '../../../src-shared/i18n/catalog';
import { LANGUAGES, type Language } from '../../../src-shared/i18n/language';

const HANGUL = /\p{Script=Hangul}/u;
const OPEN_KINDS = openKindSchema.options;
const EXPORT_KINDS = exportKindSchema.options;
const versions = { app: '1.2.3', electron: '45.0.0', chrome: '140.0', node: '22.0' };

/** Every message box main shows, in a language. */
const messageBoxes = (language: Language): [string, MessageBoxOptions][] => [
  ['overwrite one', overwriteOptions(language, ['model.json'])],
  ['overwrite two', overwriteOptions(language, ['model.json', 'weights.bin'])],
  ['about', aboutOptions(language, versions)],
  ['unsaved changes', unsavedChangesOptions(language, 'Lecture CNN')],
  ['renderer gone', rendererGoneOptions(language, 'oom')],
];

/** The words of a message box a user reads (the versions aside). */
const words = (o: MessageBoxOptions): string[] => [o.title ?? '', o.message, o.detail ?? '', ...(o.buttons ?? [])].filter(Boolean);

describe('the file dialogs', () => {
  it('are titled from the dictionary in each language', () => {
    for (const language of LANGUAGES) {
      const d = CATALOG.electron[language];
      for (const kind of OPEN_KINDS) expect(openFileOptions(language, kind, '/docs').title).toBe(d[`dialog.open.${kind}`]);
      for (const kind of EXPORT_KINDS) {
        expect(saveFileOptions(language, kind, '/docs/net').title).toBe(d[`dialog.save.${kind}`]);
        expect(directoryOptions(language, kind, '/docs').title).toContain(d[`dialog.save.${kind}`] as string);
      }
    }
    expect(directoryOptions('en', 'tfjs-model', '/docs').title).toBe('Export TensorFlow.js model — Choose a folder for the files');
    expect(directoryOptions('ko', 'tfjs-model', '/docs').title).toBe('TensorFlow.js 모델 내보내기 — 파일을 저장할 폴더 선택');
  });

  it('ask for a dataset folder (folders only) with a title for its kind, in both languages', () => {
    expect(dataDirOptions('en', 'images')).toEqual({
      title: 'Choose a folder of pictures (one subfolder per class)',
      properties: ['openDirectory'],
    });
    expect(dataDirOptions('ko', 'cifar10').title).toBe('CIFAR-10 바이너리 파일이 있는 폴더 선택');
  });

  it('name their file-type filters in the language, keeping the extensions', () => {
    expect(openFileOptions('en', 'project', '/docs').filters).toEqual([
      { name: 'Convas project', extensions: ['convas.json', 'json'] },
      { name: 'All files', extensions: ['*'] },
    ]);
    expect(openFileOptions('ko', 'project', '/docs').filters).toEqual([
      { name: 'Convas 프로젝트', extensions: ['convas.json', 'json'] },
      { name: '모든 파일', extensions: ['*'] },
    ]);
    expect(saveFileOptions('ko', 'python', '/docs/net.py').filters).toEqual([{ name: '파이썬 스크립트', extensions: ['py'] }]);
    for (const kind of [...OPEN_KINDS, ...EXPORT_KINDS]) {
      const en = fileFilters('en', kind);
      const ko = fileFilters('ko', kind);
      expect(ko.map((f) => f.extensions)).toEqual(en.map((f) => f.extensions));
      for (const f of en) expect(f.name).not.toMatch(HANGUL);
      for (const f of ko) expect(f.name, kind).toMatch(HANGUL);
    }
  });

  it('keep the open, save and folder behaviour of each dialog', () => {
    expect(openFileOptions('en', 'model', '/docs')).toMatchObject({ defaultPath: '/docs', properties: ['openFile'] });
    expect(saveFileOptions('en', 'png', '/docs/net.png')).toMatchObject({
      defaultPath: '/docs/net.png',
      properties: ['showOverwriteConfirmation', 'createDirectory'],
    });
    expect(directoryOptions('en', 'tfjs-model', '/docs').properties).toEqual(['openDirectory', 'createDirectory', 'promptToCreate']);
  });
});

describe('the message boxes', () => {
  it('ask before replacing files, with the English plural', () => {
    expect(overwriteOptions('en', ['model.json']).message).toBe('model.json already exists in this folder. Replace?');
    expect(overwriteOptions('en', ['model.json', 'weights.bin']).message).toBe(
      'model.json, weights.bin already exist in this folder. Replace?',
    );
    // A single name with a comma in it is still one file.
    expect(overwriteOptions('en', ['a, b.json']).message).toBe('a, b.json already exists in this folder. Replace?');
    expect(overwriteOptions('ko', ['model.json']).message).toBe('이 폴더에 model.json 파일이 이미 있습니다. 바꿀까요?');
    for (const language of LANGUAGES) {
      const o = overwriteOptions(language, ['model.json']);
      expect(o.buttons?.[REPLACE_BUTTON]).toBe(CATALOG.electron[language]['dialog.replace']);
      expect(o.buttons?.[o.cancelId!]).toBe(CATALOG.electron[language]['dialog.cancel']);
    }
  });

  it('word closing with unsaved changes and a stopped window in each language', () => {
    expect(unsavedChangesOptions('en', 'Lecture CNN')).toMatchObject({
      message: 'There are unsaved changes.',
      detail: 'Changes to "Lecture CNN" are not saved to a file.',
      buttons: ['Cancel', 'Close Without Saving'],
    });
    expect(unsavedChangesOptions('ko', 'Lecture CNN').buttons?.[DISCARD_BUTTON]).toBe('저장하지 않고 닫기');
    expect(rendererGoneOptions('en', 'oom')).toMatchObject({
      message: 'The Convas window stopped unexpectedly.',
      detail: '(oom) Your work is autosaved and can be restored after a reload.',
    });
    expect(rendererGoneOptions('ko', 'oom').buttons?.[RELOAD_BUTTON]).toBe('다시 불러오기');
    expect(aboutOptions('ko', versions)).toMatchObject({ title: 'Convas 정보', message: 'Convas 1.2.3' });
    expect(aboutOptions('en', versions).detail).toBe(
      'Design, train and look inside convolutional neural networks.\n\nElectron 45.0.0\nChromium 140.0\nNode.js 22.0',
    );
    expect(startFailedTitle('en')).toBe('Convas could not start');
    expect(startFailedTitle('ko')).toMatch(HANGUL);
  });

  it('have no Korean in English, and every Korean text and button in Hangul', () => {
    for (const [name, o] of messageBoxes('en')) for (const w of words(o)) expect(w, name).not.toMatch(HANGUL);
    for (const [name, o] of messageBoxes('ko')) {
      for (const b of o.buttons ?? []) expect(b, name).toMatch(HANGUL);
      // The About message is the app's name and version; every other text is a Korean sentence.
      for (const w of [o.title ?? '', o.detail ?? '', name === 'about' ? '' : o.message].filter(Boolean)) expect(w, name).toMatch(HANGUL);
    }
  });
});
