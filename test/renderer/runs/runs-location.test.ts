import { describe, expect, it } from 'vitest';
import { runRecordRequestSchema, runsLocationSchema } from '../../../src-shared/runs/manifest';
import { recordRequestOf, runsLocationOf } from '../../../src-renderer/runs/runs-location';

describe("where the app keeps a project's runs", () => {
  it('keeps them in the data folder under the project title, in a form the engine accepts', () => {
    expect(runsLocationOf('Lecture CNN')).toEqual({ kind: 'data', collection: 'Lecture CNN' });
    expect(runsLocationSchema.parse(runsLocationOf('   '))).toEqual({ kind: 'data', collection: 'Untitled' });
    const long = 'x'.repeat(500);
    expect(runsLocationSchema.safeParse(runsLocationOf(long)).success).toBe(true);
    expect(runRecordRequestSchema.safeParse(recordRequestOf(long)).success).toBe(true);
    expect(recordRequestOf('My net')).toEqual({ location: { kind: 'data', collection: 'My net' }, project: 'My net' });
  });
});
