import { useFreshness } from './freshness';
import { useTrainingT } from './i18n-context';
import { useTrainingStore } from './training-store';

/**
 * Says that the results, curves and maps on screen belong to another network than the one on the
 * canvas (another one was loaded, or this one was changed since it was trained); nothing when they match.
 */
export function StaleResultsNote() {
  const t = useTrainingT();
  const freshness = useFreshness();
  const name = useTrainingStore((s) => s.trainedOn?.name ?? '');
  const hasRun = useTrainingStore((s) => s.runId !== null);
  if (!hasRun || freshness === 'current') return null;
  return (
    <div className="tp-stale" role="status" data-testid="results-stale" data-freshness={freshness}>
      {t(freshness === 'replaced' ? 'stale.other' : 'stale.edited', { name })}
    </div>
  );
}
