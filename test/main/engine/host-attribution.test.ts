// The attribution command through the engine's command handler after a real (short) training on
// the shipped sample: a test sample, a drawing and a picture are explained; a wrong layer, class,
// sample or run is answered with a reason naming it.
import { beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { EngineHost } from '../../../src-main/engine/host';
import { createEngineDeps } from '../../../src-main/engine/deps';
import { engineEventSchema, type EngineCommand, type EngineEvent } from '../../../src-shared/engine/protocol';
import { defaultTrainingSettings } from '../../../src-shared/project/training';
import { graphFromLayers } from '../../../src-shared/graph/network';

const events: EngineEvent[] = [];
const host = new EngineHost(createEngineDeps(), (e) => events.push(engineEventSchema.parse(e)));

/** The events answering one request. */
async function ask(command: Extract<EngineCommand, { type: 'attribution' }>): Promise<EngineEvent[]> {
  await host.handle(command);
  return events.filter((e) => 'requestId' in e && e.requestId === command.requestId);
}

beforeAll(async () => {
  const graph = graphFromLayers([
    { kind: 'InputLayer', params: { shape: [28, 28, 1] } },
    { kind: 'Conv2D', name: 'first', params: { filters: 4, kernel_size: 3, activation: 'relu' } },
    { kind: 'MaxPooling2D', params: { pool_size: 2 } },
    { kind: 'Conv2D', name: 'second', params: { filters: 4, kernel_size: 3, activation: 'relu' } },
    { kind: 'Flatten', params: {} },
    { kind: 'Dense', params: { units: 10, activation: 'softmax' } },
  ]);
  const settings = { ...defaultTrainingSettings(), backend: 'wasm' as const, epochs: 1, batchSize: 64 };
  await host.handle({ type: 'train', runId: 'r', graph, settings });
  await host.running;
  expect(events.find((e) => e.type === 'error')).toBeUndefined();
}, 120_000);

describe('the attribution command', () => {
  it('explains a test sample at the last convolution for the predicted class, with its label', async () => {
    const [answer] = await ask({ type: 'attribution', runId: 'r', requestId: 'a1', input: { kind: 'test-sample', index: 3 } });
    if (answer?.type !== 'attribution') throw new Error(JSON.stringify(answer));
    expect(answer.convLayers).toEqual(['first', 'second']);
    expect(answer.layer).toBe('second');
    expect(answer.classIndex).toBe(answer.predicted);
    expect(answer.prediction).toHaveLength(10);
    expect(answer.label).toBeTypeOf('number');
    expect(answer.score).toBe('logit');
    expect(answer.input.shape).toEqual([28, 28, 1]);
    expect(answer.gradCam?.shape).toEqual([28, 28]);
    expect(answer.saliency.shape).toEqual([28, 28]);
    expect(answer.saliency.max).toBeCloseTo(1, 5);
  });

  it('explains a drawing and a picture file for the class and layer asked, without a label', async () => {
    const pixels = new Uint8Array(28 * 28);
    for (let i = 300; i < 500; i++) pixels[i] = 255;
    const [drawn] = await ask({
      type: 'attribution',
      runId: 'r',
      requestId: 'a2',
      input: { kind: 'pixels', pixels },
      layer: 'first',
      classIndex: 7,
    });
    expect(drawn).toMatchObject({ type: 'attribution', layer: 'first', classIndex: 7 });
    expect(drawn).not.toHaveProperty('label');
    const png = await sharp(Buffer.from(pixels), { raw: { width: 28, height: 28, channels: 1 } })
      .png()
      .toBuffer();
    const [picture] = await ask({ type: 'attribution', runId: 'r', requestId: 'a3', input: { kind: 'image', data: new Uint8Array(png) } });
    if (picture?.type !== 'attribution' || drawn?.type !== 'attribution') throw new Error('no attribution');
    // The same pixels, drawn or opened, are the same input.
    expect(Array.from(picture.input.data)).toEqual(Array.from(drawn.input.data));
  });

  it('names the layer, class, sample or run it cannot explain', async () => {
    const sample = { kind: 'test-sample', index: 0 } as const;
    const reasons = [
      await ask({ type: 'attribution', runId: 'r', requestId: 'e1', input: sample, layer: 'dense' }),
      await ask({ type: 'attribution', runId: 'r', requestId: 'e2', input: sample, classIndex: 10 }),
      await ask({ type: 'attribution', runId: 'r', requestId: 'e3', input: { kind: 'test-sample', index: 10_000_000 } }),
      await ask({ type: 'attribution', runId: 'other', requestId: 'e4', input: sample }),
    ].map(([e]) => (e?.type === 'error' ? e.reason : e));
    expect(reasons).toEqual([
      { code: 'unknown-conv-layer', values: { layer: 'dense' } },
      { code: 'unknown-class', values: { index: 10, count: 10 } },
      expect.objectContaining({ code: 'test-sample-missing' }),
      { code: 'no-model', values: {} },
    ]);
  });
});
