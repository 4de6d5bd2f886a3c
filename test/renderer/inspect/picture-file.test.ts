import { describe, expect, it } from 'vitest';
import { pictureBytes, SEND_AS_IS_BYTES, shrunkSize } from '../../../src-renderer/inspect/picture-file';

describe('picture files for the engine', () => {
  it('scales a large picture down to a longer side of 1024, keeping its proportions, and never up', () => {
    expect(shrunkSize(4032, 3024)).toEqual({ width: 1024, height: 768 });
    expect(shrunkSize(3000, 6000)).toEqual({ width: 512, height: 1024 });
    expect(shrunkSize(300, 200)).toEqual({ width: 300, height: 200 });
    expect(shrunkSize(5000, 1)).toEqual({ width: 1024, height: 1 });
  });

  it('sends a small file byte for byte', async () => {
    const bytes = new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10, 1, 2, 3]);
    expect(Array.from((await pictureBytes(new Blob([bytes])))!)).toEqual(Array.from(bytes));
  });

  it('gives up on a large file where there is no picture decoder to shrink it with (Node)', async () => {
    expect(await pictureBytes(new Blob([new Uint8Array(SEND_AS_IS_BYTES + 1)]))).toBeUndefined();
  });
});
