import { memo, type CSSProperties } from 'react';
import { usePercent, useTrainingT } from './i18n-context';
import { useClassNames } from './use-class-names';
import type { CellPick } from './training-store';

interface ConfusionMatrixProps {
  /** counts[true][predicted] */
  readonly matrix: readonly (readonly number[])[];
  readonly classNames: readonly string[];
  /** False: the names are the dataset's own (a folder's), shown as they are. */
  readonly classNamesWorded?: boolean | undefined;
  readonly perClassAccuracy: readonly number[];
  readonly pick: CellPick | null;
  onPick(pick: CellPick | null): void;
}

/** The colour of a cell: blue on the diagonal (right), red off it (wrong), by its share of the row. */
function cellStyle(count: number, rowTotal: number, diagonal: boolean): CSSProperties {
  if (count === 0 || rowTotal === 0) return {};
  const share = count / rowTotal;
  const alpha = diagonal ? 0.12 + 0.88 * share : Math.min(1, 0.14 + share * 2.6);
  const rgb = diagonal ? '79, 70, 229' : '217, 45, 32';
  return { background: `rgba(${rgb}, ${alpha.toFixed(3)})`, color: alpha > 0.55 ? '#fff' : undefined };
}

/** A heat map of test predictions with per-class accuracy; clicking a wrong cell lists its images. */
export const ConfusionMatrix = memo(function ConfusionMatrix({ matrix, perClassAccuracy, pick, onPick, ...props }: ConfusionMatrixProps) {
  const classNames = useClassNames(props.classNames, props.classNamesWorded ?? true);
  const t = useTrainingT();
  const percent = usePercent();
  const n = matrix.length;
  const name = (i: number) => classNames[i] ?? String(i);
  return (
    <div
      className="cm"
      data-testid="confusion-matrix"
      role="table"
      aria-label={t('result.confusion')}
      style={{ '--cm-n': n } as CSSProperties}
    >
      <div className="cm__row" role="row">
        <div className="cm__corner" role="columnheader">
          <span className="cm__axis cm__axis--pred">{t('result.predictedClass')} →</span>
          <span className="cm__axis cm__axis--true">{t('result.trueClass')} ↓</span>
        </div>
        {Array.from({ length: n }, (_, p) => (
          <div key={p} className="cm__colhead" role="columnheader" title={name(p)}>
            <span>{name(p)}</span>
          </div>
        ))}
        <div className="cm__colhead cm__colhead--acc" role="columnheader">
          <span>{t('result.perClass')}</span>
        </div>
      </div>
      {matrix.map((row, l) => {
        const total = row.reduce((a, b) => a + b, 0);
        const acc = perClassAccuracy[l] ?? (total ? (row[l] ?? 0) / total : 0);
        const rowPicked = pick?.label === l && pick.predicted === null;
        return (
          <div key={l} className="cm__row" role="row">
            <div className="cm__rowhead" role="rowheader">
              <button
                type="button"
                className={rowPicked ? 'is-picked' : undefined}
                title={t('result.misclassifiedAny', { label: name(l) })}
                onClick={() => onPick(rowPicked ? null : { label: l, predicted: null })}
              >
                {name(l)}
              </button>
            </div>
            {row.map((count, p) => {
              const diagonal = p === l;
              const picked = pick?.label === l && pick.predicted === p;
              return (
                <div key={p} className="cm__cellwrap" role="cell">
                  <button
                    type="button"
                    className={`cm__cell${diagonal ? ' is-diagonal' : ''}${count === 0 ? ' is-zero' : ''}${picked ? ' is-picked' : ''}`}
                    style={cellStyle(count, total, diagonal)}
                    disabled={diagonal || count === 0}
                    data-testid={`cm-cell-${l}-${p}`}
                    title={t('result.cellTip', { n: count, label: name(l), predicted: name(p) })}
                    onClick={() => onPick(picked ? null : { label: l, predicted: p })}
                  >
                    {count}
                  </button>
                </div>
              );
            })}
            <div className="cm__acc" role="cell" title={`${name(l)}: ${percent(acc)}`}>
              <span className="cm__accbar" style={{ width: `${Math.max(0, Math.min(1, acc)) * 100}%` }} />
              <span className="cm__accvalue">{percent(acc)}</span>
            </div>
          </div>
        );
      })}
    </div>
  );
});
