/**
 * A training worker: one more replica of the model on its own TensorFlow.js backend (its own wasm
 * instance), stepping in lockstep with the engine's thread over shared memory (see sync.ts).
 */
import { parentPort } from 'node:worker_threads';
import { initBackend } from '../backend/select';
import { compileModel } from '../model/compile';
import { Replica, sizeOf } from '../training/replica';
import { rankStep, type RankContext } from './step';
import { Barrier, PeerFailed, Signal, viewsOf } from './sync';
import type { FromWorker, ToWorker } from './messages';

const port = parentPort;
if (!port) throw new Error('the training worker runs as a worker thread');

let run: { replica: Replica; ctx: RankContext; signal: Signal } | undefined;

const reply = (m: FromWorker) => port.postMessage(m);
const text = (e: unknown) => (e instanceof Error ? e.message : String(e));

function release(): void {
  run?.replica.model.dispose();
  run = undefined;
}

async function init(m: ToWorker): Promise<void> {
  release();
  await initBackend(m.backend);
  const replica = new Replica(compileModel(m.network, m.seed), m.config);
  const views = viewsOf(m.shared);
  replica.assign(views.weights);
  run = {
    signal: new Signal(m.shared.signal),
    replica,
    ctx: {
      rank: m.rank,
      parties: m.parties,
      views,
      barrier: new Barrier(m.shared.control, m.parties),
      exampleSize: sizeOf(m.config.exampleShape),
      classes: m.config.classes,
      sum: new Float32Array(replica.size),
    },
  };
}

/**
 * Steps as the engine signals until it releases the run (or a step fails). The worker's event loop
 * waits meanwhile: nothing else is sent to it during a run.
 */
function serve(): void {
  if (!run) return;
  // A run's signal buffer is new: its first command is the first ever sent on it.
  let seen = 0;
  for (;;) {
    const command = run.signal.next(seen);
    seen++;
    if (command.type === 'release') break;
    try {
      rankStep(run.replica, run.ctx, command.count);
    } catch (e) {
      // The thread that failed first tells why; the others only stopped waiting for it.
      if (!(e instanceof PeerFailed)) reply({ type: 'error', message: text(e) });
      break;
    }
  }
  release();
}

port.on('message', (m: ToWorker) => {
  init(m).then(
    () => {
      reply({ type: 'ready' });
      serve();
    },
    (e: unknown) => reply({ type: 'error', message: text(e) }),
  );
});
