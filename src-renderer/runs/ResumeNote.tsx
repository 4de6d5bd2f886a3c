import { useTrainingStore } from '../training/training-store';
import { useExperimentsT } from './i18n';
import { useRunsStore } from './runs-store';
import './runs.css';

/** Says, for a run that continues a stored one, whether the optimizer's state came with the weights. */
export function ResumeNote() {
  const t = useExperimentsT();
  const resumed = useRunsStore((s) => s.resumed);
  const name = useRunsStore((s) => s.runs.find((r) => r.id === s.resumed?.from)?.name ?? s.resumed?.from ?? '');
  const current = useTrainingStore((s) => s.runId !== null && s.runId === resumed?.runId);
  if (!resumed || !current) return null;
  return (
    <p
      className={`rv-note${resumed.optimizer === 'fresh' ? ' rv-note--warn' : ''}`}
      role="status"
      data-testid="resume-note"
      data-optimizer={resumed.optimizer}
    >
      {t(resumed.optimizer === 'restored' ? 'resumed.restored' : 'resumed.fresh', { name })}
    </p>
  );
}
