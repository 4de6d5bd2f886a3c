// The absurd networks sent as train commands to a real engine process: each is refused by
// arithmetic, before the engine reads a dataset or builds a tf model (no 'dataset' or 'batch' event).
import { describe, expect, it } from 'vitest';
import { EngineClient } from '../../../../src-main/engine/process/client';
import type { EngineEvent, EngineEventOf } from '../../../../src-shared/engine/protocol';
import { ABSURD } from '../../../shared/training/absurd-networks';
import { testSettings } from '../training/harness';

const REFUSED_EVERYWHERE = ['Dense with 1e9 units', 'Conv2D with 1e12 filters', 'a 100000×100000 input'];

describe('engine memory budget', { timeout: 120_000 }, () => {
  it('says its budget when ready and refuses every absurd network before allocating', async () => {
    const engine = new EngineClient();
    const events: EngineEvent[] = [];
    engine.on((e) => events.push(e));
    try {
      for (const [i, name] of REFUSED_EVERYWHERE.entries()) {
        const runId = `absurd-${i}`;
        const answer = engine.waitFor((e): e is EngineEventOf<'error'> => e.type === 'error' && e.runId === runId);
        engine.send({ type: 'train', runId, graph: ABSURD[name]!, settings: testSettings({ backend: 'cpu' }) });
        const error = await answer;
        expect(error, name).toMatchObject({ code: 'not-trainable', reason: { code: 'memory-budget' } });
        expect(error.message, name).toMatch(/training needs about .* this computer allows/);
      }
      const ready = events.find((e): e is EngineEventOf<'ready'> => e.type === 'ready');
      expect(ready?.memoryBudgetBytes).toBeGreaterThan(0);
      expect(events.filter((e) => e.type === 'dataset' || e.type === 'batch' || e.type === 'epoch')).toEqual([]);
      // The engine is still there and answers the next command.
      const stillUp = engine.waitFor((e): e is EngineEventOf<'ready'> => e.type === 'ready');
      engine.send({ type: 'hello' });
      expect((await stillUp).type).toBe('ready');
    } finally {
      await engine.close();
    }
  });
});
