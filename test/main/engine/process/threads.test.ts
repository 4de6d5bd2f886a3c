import { describe, expect, it } from 'vitest';
import { withDecodeThreads } from '../../../../src-main/engine/process/threads';

describe('withDecodeThreads', () => {
  it("sizes libuv's pool to the cores, never below its default of 4, and keeps a size the user set", () => {
    expect(withDecodeThreads({ A: '1' }, 16)).toEqual({ A: '1', UV_THREADPOOL_SIZE: '16' });
    expect(withDecodeThreads({}, 2)).toEqual({ UV_THREADPOOL_SIZE: '4' });
    const mine = { UV_THREADPOOL_SIZE: '3' };
    expect(withDecodeThreads(mine, 16)).toBe(mine);
  });
});
