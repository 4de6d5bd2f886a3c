import { describe, expect, it } from 'vitest';
import { translator } from '../../../src-shared/i18n/catalog';
import { backendLine, dataLine, engineErrorText, loadingLine } from '../../../src-renderer/engine/engine-words';
import type { EngineEventOf } from '../../../src-shared/engine/protocol';

const en = translator('en', 'engine');
const ko = translator('ko', 'engine');

describe('engine errors in words', () => {
  it('words the reason in the user’s language, with its values', () => {
    const error = {
      message: 'Test sample 1200 does not exist; the test split has 1000 images',
      reason: { code: 'test-sample-missing', values: { index: 1200, count: 1000 } },
    } as const;
    expect(engineErrorText('en', error)).toBe('Test sample 1,200 does not exist: the test split has 1,000 images.');
    expect(engineErrorText('ko', error)).toBe('테스트 샘플 1,200번은 없습니다: 테스트 세트의 이미지는 1,000개입니다.');
  });

  it('words dataset problems by their own code, and keeps a small learning rate as typed', () => {
    expect(engineErrorText('ko', { message: 'x', reason: { code: 'dataset', values: { problem: 'bad-gzip' } } })).toBe(
      '데이터셋 파일 하나가 올바른 gzip 파일이 아닙니다.',
    );
    const diverged = { code: 'non-finite-loss', values: { loss: 'NaN', epoch: 2, batch: 17, learningRate: 0.00005 } } as const;
    expect(engineErrorText('en', { message: 'x', reason: diverged })).toBe(
      'The loss became NaN in epoch 2, batch 17, so training was stopped. Lower the learning rate (now 0.00005) or use the Adam optimizer.',
    );
  });

  it('words a memory refusal with approximate sizes and the optimizer’s name in the reader’s language', () => {
    const reason = {
      code: 'memory-budget',
      values: {
        node: 'dense',
        cause: 'weights',
        params: 1.96e16,
        bytes: 6.3e17,
        budget: 4 * 2 ** 30,
        optimizer: 'momentum',
        batch: 64,
        examples: 0,
      },
    } as const;
    expect(engineErrorText('en', { message: 'x', reason })).toBe(
      'dense: ≈ 2.0 × 10^16 parameters — training needs about 560 PB with SGD with momentum (batch 64); this computer allows 4 GB. Use fewer units or filters, or pool first.',
    );
    expect(engineErrorText('ko', { message: 'x', reason })).toBe(
      'dense: 파라미터 ≈ 2.0 × 10^16개 — 모멘텀 SGD(배치 64)로 훈련하려면 약 560 PB가 필요하지만 이 컴퓨터에서는 4 GB까지 쓸 수 있습니다. 유닛이나 필터 수를 줄이거나 먼저 풀링하세요.',
    );
  });

  it('counts the issues of an invalid network with the right plural', () => {
    expect(engineErrorText('en', { message: 'x', reason: { code: 'graph-issues', values: { count: 1 } } })).toBe(
      'Fix the problem marked on the canvas, then train again.',
    );
    expect(engineErrorText('en', { message: 'x', reason: { code: 'graph-issues', values: { count: 3 } } })).toBe(
      'Fix the 3 problems marked on the canvas, then train again.',
    );
  });

  it('falls back to the English message when the engine gave no reason', () => {
    expect(engineErrorText('ko', { message: 'The engine sent a malformed event' })).toBe('The engine sent a malformed event');
  });
});

describe('the backend line', () => {
  it('says how the backend was chosen and why faster ones were skipped', () => {
    const ready: EngineEventOf<'ready'> = {
      type: 'ready',
      backend: 'wasm',
      backendReason: 'fastest available: …',
      backendChoice: {
        choice: 'fastest',
        simd: true,
        skipped: [{ backend: 'tensorflow', cause: 'not-installed', detail: "Cannot find package '@tensorflow/tfjs-node'" }],
      },
    };
    expect(backendLine(en, ready)).toBe('fastest available: WebAssembly with XNNPACK and SIMD, 1 thread; tensorflow is not installed');
    expect(backendLine(ko, ready)).toBe(
      '쓸 수 있는 것 중 가장 빠름: XNNPACK과 SIMD를 쓰는 웹어셈블리, 스레드 1개; tensorflow: 설치되어 있지 않음',
    );
    expect(backendLine(ko, { backend: 'cpu', backendReason: 'x', backendChoice: { choice: 'requested', skipped: [] } })).toBe(
      '순수 자바스크립트, 요청한 대로',
    );
    expect(backendLine(ko, { backend: 'cpu', backendReason: 'plain JavaScript' })).toBe('plain JavaScript');
  });
});

describe('the data line', () => {
  it('says which dataset and where it came from', () => {
    const sample = {
      name: 'sample',
      source: 'sample (/opt/convas/assets)',
      origin: { source: 'sample', location: '/opt/convas/assets' },
    } as const;
    expect(dataLine(en, sample)).toBe('Fashion-MNIST sample, built into Convas');
    expect(dataLine(ko, sample)).toBe('패션 MNIST 샘플, Convas에 내장');
    const debian = {
      name: 'fashion-mnist',
      source: 'debian (…)',
      origin: { source: 'debian', location: '/usr/share/datasets/fashion-mnist' },
    } as const;
    expect(dataLine(en, debian)).toBe('Fashion-MNIST from Debian’s dataset-fashion-mnist package');
  });

  it('says when the sample stands in for a dataset that could not be had', () => {
    const fallback = {
      name: 'fashion-mnist',
      source: 'sample (…) (download: offline)',
      origin: { source: 'sample', location: '/a' },
    } as const;
    expect(dataLine(en, fallback)).toBe('Fashion-MNIST sample, built into Convas, because Fashion-MNIST could not be found or downloaded');
    expect(dataLine(ko, fallback)).toBe('패션 MNIST을(를) 찾거나 내려받을 수 없어 Convas에 내장된 패션 MNIST 샘플');
  });
});

describe('loading progress in words', () => {
  it('counts decoded pictures with thousands separators in both languages', () => {
    const decode = { phase: 'decode', done: 12345, total: 50000 } as const;
    expect(loadingLine(en, 'en', decode)).toBe('Decoding 12,345 / 50,000 pictures');
    expect(loadingLine(ko, 'ko', decode)).toBe('그림 디코딩 중: 12,345 / 50,000');
  });

  it('shows a download in megabytes, and an unknown total as a question mark', () => {
    const download = { phase: 'download', done: 12_300_000, total: 170_500_000, file: 'cifar-10-binary.tar.gz' } as const;
    expect(loadingLine(en, 'en', download)).toBe('Downloading cifar-10-binary.tar.gz: 12.3 MB of 170.5 MB');
    expect(loadingLine(en, 'en', { ...download, total: null })).toBe('Downloading cifar-10-binary.tar.gz: 12.3 MB of ?');
    expect(loadingLine(en, 'en', { phase: 'scan', done: 812, total: null })).toBe('Looking for pictures: 812 files');
  });
});
