import type { MouseEvent } from 'react';
import type { NodeReport } from '../../src-shared/graph/analyze';
import { formatShape } from '../../src-shared/layers/format';
import { formatBytesApprox, formatCountApprox, formatPercent } from '../../src-shared/i18n/format';
import { formatBytes } from '../../src-shared/summary/text';
import { useFeatureT, useLanguage, useT, type MessageKey } from '../i18n/i18n';
import { useMemoryEstimate } from '../training/trainability-memory';
import { showNodeFormula, type FormulaKind } from '../summary/show-formula';

/** The metrics block: output shape, parameters, MACs and memory, each opening its formula; then the layer's share of training memory. */
export function Metrics({ report }: { report: NodeReport }) {
  const t = useT();
  const trainingT = useFeatureT('training');
  const language = useLanguage();
  const estimate = useMemoryEstimate();
  const share = estimate?.layers.find((l) => l.id === report.id);
  const open = (which: FormulaKind) => (e: MouseEvent<HTMLButtonElement>) => showNodeFormula(e.currentTarget, report.id, which, language);
  const pc = report.paramCount;
  const rows: [MessageKey, string | undefined, FormulaKind][] = [
    ['inspector.output', report.output ? formatShape(report.output.shape) : undefined, 'shape'],
    ['inspector.params', pc ? formatCountApprox(language, pc.trainable.value + pc.nonTrainable.value) : undefined, 'params'],
    ['inspector.macs', report.macs ? formatCountApprox(language, report.macs.value) : undefined, 'macs'],
    ['inspector.memory', report.memory ? formatBytes(report.memory.value) : undefined, 'memory'],
  ];
  return (
    <dl className="metrics">
      {rows.map(([label, value, which]) => (
        <div key={label} className="metrics__row">
          <dt>{t(label)}</dt>
          <dd>
            {value === undefined ? (
              <span className="metrics__unknown">—</span>
            ) : (
              <button type="button" className="link-value" data-testid={`inspector-${which}`} onClick={open(which)}>
                {value}
              </button>
            )}
          </dd>
        </div>
      ))}
      {estimate && share && (
        <div className="metrics__row">
          <dt>{t('inspector.trainingMemory')}</dt>
          <dd
            data-testid="inspector-training-memory"
            title={t('inspector.trainingMemoryHelp', {
              optimizer: trainingT(`settings.optimizer.${estimate.optimizer}`),
              batch: estimate.batchSize,
            })}
          >
            {t('inspector.trainingMemoryValue', {
              bytes: formatBytesApprox(language, share.totalBytes),
              share: formatPercent(language, estimate.totalBytes > 0 ? share.totalBytes / estimate.totalBytes : 0),
            })}
          </dd>
        </div>
      )}
    </dl>
  );
}
