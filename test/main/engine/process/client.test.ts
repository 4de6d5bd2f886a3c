import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EngineClient } from '../../../../src-main/engine/process/client';
import { engineEventSchema, type EngineEvent, type EngineEventOf } from '../../../../src-shared/engine/protocol';
import { templateGraph, testSettings } from '../training/harness';
import { confinedEnv } from '../../../../src-main/engine/process/confinement';

const isError = (e: EngineEvent): e is EngineEventOf<'error'> => e.type === 'error';

describe('engine process', () => {
  it('reports a crash of the engine process as an engine-crashed error instead of hanging', async () => {
    const engine = new EngineClient();
    const ready = engine.waitFor((e): e is EngineEventOf<'ready'> => e.type === 'ready');
    engine.send({ type: 'hello' });
    await ready;
    const crashed = new Promise<EngineEventOf<'error'>>((resolve) => engine.on((e) => isError(e) && resolve(e)));
    process.kill(engine.pid!, 'SIGKILL');
    const error = await crashed;
    expect(error.code).toBe('engine-crashed');
    expect(error.message).toMatch(/stopped unexpectedly \(signal SIGKILL\).*start the run again/);
    // Commands to a dead engine are answered, not lost.
    const answer = new Promise<EngineEventOf<'error'>>((resolve) => engine.on((e) => isError(e) && resolve(e)));
    engine.send({ type: 'stop', runId: 'x' });
    expect((await answer).code).toBe('engine-crashed');
  });

  it('validates commands on its side and answers a malformed one with bad-message', async () => {
    // Bypass the client's own validation to see the engine's.
    const entry = fileURLToPath(new URL('../../../../src-main/engine/process/entry.ts', import.meta.url));
    const child = fork(entry, [], {
      execArgv: ['--import', 'tsx'],
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
    });
    const reply = new Promise<unknown>((resolve) => child.once('message', resolve));
    child.send({ type: 'train', runId: 'r', graph: { nodes: 'not a list' } });
    const event = engineEventSchema.parse(await reply);
    expect(event).toMatchObject({ type: 'error', code: 'bad-message' });
    expect((event as EngineEventOf<'error'>).message).toMatch(/graph/);
    child.kill();
  });

  it('answers an invalid network with an error naming the layer', async () => {
    const engine = new EngineClient();
    const graph = templateGraph('lecture-cnn');
    graph.nodes[1]!.params['filters'] = 0;
    const error = engine.waitFor(isError);
    engine.send({ type: 'train', runId: 'r', graph, settings: testSettings() });
    expect(await error).toMatchObject({ code: 'invalid-graph', message: expect.stringContaining('conv2d: filters must be at least 1') });
    await engine.close();
  });

  it('answers a network that cannot take the dataset with a sentence on what to change', async () => {
    const engine = new EngineClient();
    const graph = templateGraph('lecture-cnn');
    graph.nodes[5]!.params['units'] = 5;
    const error = engine.waitFor(isError);
    engine.send({ type: 'train', runId: 'r', graph, settings: testSettings() });
    expect(await error).toMatchObject({
      code: 'not-trainable',
      message: expect.stringContaining('dense_1: the network must end with 10 values'),
    });
    await engine.close();
  });

  it('a confined engine (the one a page drives) refuses to export outside its root', async () => {
    const engine = new EngineClient({ env: confinedEnv('/tmp/convas-confined-root') });
    const error = engine.waitFor(isError);
    engine.send({ type: 'export', runId: 'r', dir: '/etc' });
    expect(await error).toMatchObject({ code: 'bad-message', message: expect.stringContaining('Export refused: /etc is outside') });
    await engine.close();
  });
});
