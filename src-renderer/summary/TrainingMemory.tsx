import { formatBytesApprox } from '../../src-shared/i18n/format';
import type { MemoryEstimate } from '../../src-shared/training/memory-estimate';
import { useFeatureT, useLanguage, useT } from '../i18n/i18n';
import { useMemoryBudget, useMemoryEstimate } from '../training/trainability-memory';

/** The summary's figure of what one training run needs, with its parts in the tooltip; marked when above the engine's budget. */
export function TrainingMemoryTotal() {
  const estimate = useMemoryEstimate();
  const budget = useMemoryBudget();
  const t = useT();
  const trainingT = useFeatureT('training');
  const language = useLanguage();
  if (!estimate) return null;
  const bytes = (n: number) => formatBytesApprox(language, n);
  const over = estimate.totalBytes > budget;
  return (
    <div className={`totals__item${over ? ' totals__item--over' : ''}`} data-over-budget={over || undefined}>
      <dt>{t('summary.trainingMemory')}</dt>
      <dd data-testid="summary-training-memory" title={helpText(estimate, t, trainingT, bytes)}>
        {t('summary.trainingMemoryValue', { bytes: bytes(estimate.totalBytes) })}
      </dd>
    </div>
  );
}

function helpText(
  e: MemoryEstimate,
  t: ReturnType<typeof useT>,
  trainingT: ReturnType<typeof useFeatureT<'training'>>,
  bytes: (n: number) => string,
): string {
  return t('summary.trainingMemoryHelp', {
    optimizer: trainingT(`settings.optimizer.${e.optimizer}`),
    batch: e.batchSize,
    weights: bytes(e.weightBytes),
    gradients: bytes(e.gradientBytes),
    optimizer_state: bytes(e.optimizerBytes),
    activations: bytes(e.activationBytes + e.inputBytes),
  });
}
