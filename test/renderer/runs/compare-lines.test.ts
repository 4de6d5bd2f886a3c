import { describe, expect, it } from 'vitest';
import { translator } from '../../../src-shared/i18n/catalog';
import { metricLines } from '../../../src-renderer/runs/compare-lines';
import { sampleManifest } from '../../shared/runs/sample-manifest';

const words = (language: 'en' | 'ko') => ({ language, t: translator(language, 'experiments'), tt: translator(language, 'training') });

describe('the compare table', () => {
  const base = sampleManifest();
  const other = sampleManifest({
    id: 'second',
    name: 'second',
    network: { ...base.network, totalParams: base.network.totalParams + 1210 },
    metrics: { ...base.metrics, testAccuracy: 0.6, testLoss: 0.9, bestValAccuracy: 0.5003 },
    durationSeconds: 75,
  });

  it('has a line per compared metric, the first run without deltas, later runs with theirs', () => {
    const lines = metricLines([base, other], words('en'));
    const test = lines.find((l) => l.id === 'testAccuracy')!;
    expect(test.label).toBe('Test accuracy');
    expect(test.cells[0]).toEqual({ text: '55.0%' });
    expect(test.cells[1]).toEqual({ text: '60.0%', delta: { text: '+5.0 pp', tone: 'better' } });
    expect(lines.find((l) => l.id === 'testLoss')!.cells[1]!.delta).toEqual({ text: '+0.1', tone: 'worse' });
    expect(lines.find((l) => l.id === 'totalParams')!.cells[1]).toEqual({ text: '2,444', delta: { text: '+1,210', tone: 'neutral' } });
    expect(lines.find((l) => l.id === 'durationSeconds')!.cells[1]!.delta?.text).toBe('+1 min 02 s');
  });

  it('calls a difference below the shown resolution the same', () => {
    const best = metricLines([base, other], words('en')).find((l) => l.id === 'bestValAccuracy')!;
    expect(best.cells[1]!.delta).toEqual({ text: '±0.0 pp', tone: 'same' });
    // 4.4 s and 3.6 s both show as 4 s.
    const time = metricLines(
      [
        { ...base, durationSeconds: 4.4 },
        { ...other, durationSeconds: 3.6 },
      ],
      words('en'),
    ).find((l) => l.id === 'durationSeconds')!;
    expect(time.cells.map((c) => c.text)).toEqual(['4 s', '4 s']);
    expect(time.cells[1]!.delta?.text).toBe('±0 s');
  });

  it('leaves a missing figure as a dash with no delta', () => {
    const untested = { ...other, metrics: { ...other.metrics, testAccuracy: null } };
    const test = metricLines([base, untested], words('en')).find((l) => l.id === 'testAccuracy')!;
    expect(test.cells[1]).toEqual({ text: '—' });
  });

  it('speaks Korean with percentage points as %p', () => {
    const test = metricLines([base, other], words('ko')).find((l) => l.id === 'testAccuracy')!;
    expect(test.label).toBe('테스트 정확도');
    expect(test.cells[1]!.delta?.text).toBe('+5.0%p');
  });
});
