import { beforeAll, describe, expect, it } from 'vitest';
import { TrainingSession } from '../../../../src-main/engine/training/session';
import { engineEventSchema, type EngineEvent, type EngineEventOf } from '../../../../src-shared/engine/protocol';
import type { TrainingSettings } from '../../../../src-shared/project/training';
import { lectureModel, sampleData, testSettings, useWasm } from './harness';

/** Trains the lecture CNN for one epoch on 640 sample images; returns its events. */
async function run(settings: Partial<TrainingSettings>): Promise<EngineEvent[]> {
  const model = lectureModel();
  const { data, outputIsProbability } = await sampleData(model, 640);
  const events: EngineEvent[] = [];
  const session = new TrainingSession({
    runId: 'r',
    model,
    settings: testSettings(settings),
    data,
    outputIsProbability,
    emit: (e) => events.push(engineEventSchema.parse(e)),
  });
  try {
    await session.run();
  } finally {
    session.dispose();
  }
  return events;
}

const finishedOf = (events: EngineEvent[]) => events.find((e): e is EngineEventOf<'finished'> => e.type === 'finished');

describe('a run that finished without learning ends with a warning (wasm, shipped sample)', () => {
  beforeAll(useWasm);

  it('Adam with learning rate 10: the run finishes, at chance, and says so', async () => {
    const finished = finishedOf(await run({ optimizer: 'adam', learningRate: 10 }));
    expect(finished).toBeDefined();
    expect(finished!.warning?.code).toBe('chance-accuracy');
    expect(finished!.warning?.values).toMatchObject({ classes: 10, chance: 0.1, learningRate: 10 });
  });

  it('a normal run (Adam, 0.001) has no warning', async () => {
    const finished = finishedOf(await run({ optimizer: 'adam', learningRate: 0.001 }));
    expect(finished!.testAccuracy).toBeGreaterThan(0.3);
    expect(finished!.warning).toBeUndefined();
  });
});
