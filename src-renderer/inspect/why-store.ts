import { create } from 'zustand';
import type { EngineEvent, EngineEventOf } from '../../src-shared/engine/protocol';
import type { ErrorWords } from '../engine/engine-words';
import { useTrainingStore } from '../training/training-store';
import { chooseSample, inputOf, sourceKey, useInspectStore } from './inspect-store';

/**
 * "Why this prediction?": the engine's attribution (Grad-CAM and saliency) of the input the
 * feature-map viewer shows, for the class and convolution the user picks. Only the newest request
 * counts; an answer stays on screen until the next one arrives.
 */

export type WhyAnswer = EngineEventOf<'attribution'>;

export interface WhyState {
  /** The section is open (and asks the engine); closed, nothing is computed. */
  readonly open: boolean;
  /** The class picked for one input (by its source key); another input starts at its predicted class. */
  readonly classChoice: { readonly key: string; readonly index: number } | null;
  /** The convolution picked in one run; another run starts at its last convolution. */
  readonly layerChoice: { readonly runId: string; readonly name: string } | null;
  readonly answer: WhyAnswer | undefined;
  /** The source key of the input `answer` explains. */
  readonly answerKey: string | undefined;
  readonly busy: boolean;
  readonly problem: ErrorWords | null;
  /** The request whose answer is awaited; older answers are dropped. */
  readonly pending: string | null;
}

const initial: WhyState = {
  open: false,
  classChoice: null,
  layerChoice: null,
  answer: undefined,
  answerKey: undefined,
  busy: false,
  problem: null,
  pending: null,
};

export const useWhyStore = create<WhyState>(() => initial);

let issued = 0;
/** Which input each awaited request explains. */
const keyOf = new Map<string, string>();

/** The class explained for the current input: the one picked for it, else null (the predicted one). */
export function chosenClass(s: WhyState, key: string): number | null {
  return s.classChoice?.key === key ? s.classChoice.index : null;
}

/** The convolution picked for this run, else null (the last one). */
export function chosenLayer(s: WhyState, runId: string | null | undefined): string | null {
  return s.layerChoice && s.layerChoice.runId === runId ? s.layerChoice.name : null;
}

/** Asks the engine to explain the viewer's current input with the choices in force (nothing while closed or without a model). */
export function requestWhy(): void {
  const why = useWhyStore.getState();
  const inspect = useInspectStore.getState();
  const { runId, modelReady } = useTrainingStore.getState();
  if (!why.open || !runId || !modelReady || !inspect.engine) return;
  const input = inputOf(inspect);
  if (!input) return;
  const key = sourceKey(inspect.source);
  const classIndex = chosenClass(why, key);
  const layer = chosenLayer(why, runId);
  const requestId = `why:${++issued}`;
  keyOf.clear();
  keyOf.set(requestId, key);
  useWhyStore.setState({ busy: true, problem: null, pending: requestId });
  inspect.engine.send({
    type: 'attribution',
    runId,
    requestId,
    input,
    ...(classIndex !== null ? { classIndex } : {}),
    ...(layer !== null ? { layer } : {}),
  });
}

/** Opens or closes the section. */
export function setWhyOpen(open: boolean): void {
  useWhyStore.setState({ open });
}

/** Explains another class of the current input (null: the predicted one). */
export function chooseWhyClass(index: number | null): void {
  const key = sourceKey(useInspectStore.getState().source);
  useWhyStore.setState({ classChoice: index === null ? null : { key, index } });
}

/** Takes Grad-CAM at another convolution (null: the last one). */
export function chooseWhyLayer(name: string | null): void {
  const runId = useTrainingStore.getState().runId;
  useWhyStore.setState({ layerChoice: name === null || !runId ? null : { runId, name } });
}

/** Shows test sample `index` with its explanation open, for its predicted class (the gallery's "Why?"). */
export function explainSample(index: number): void {
  chooseSample(index);
  useWhyStore.setState({ open: true, classChoice: null });
}

/** Applies one engine event: the awaited attribution, or the error that answers it. */
export function applyWhyEvent(event: EngineEvent): void {
  if (event.type !== 'attribution' && event.type !== 'error') return;
  const { pending } = useWhyStore.getState();
  if (event.requestId === undefined || event.requestId !== pending) return;
  const key = keyOf.get(event.requestId);
  keyOf.delete(event.requestId);
  if (event.type === 'error') {
    useWhyStore.setState({ busy: false, pending: null, problem: { message: event.message, reason: event.reason } });
    return;
  }
  useWhyStore.setState({ busy: false, pending: null, problem: null, answer: event, answerKey: key });
}
