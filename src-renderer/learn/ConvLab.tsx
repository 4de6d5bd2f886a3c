import { Conv1d } from './Conv1d';
import { Conv2d } from './Conv2d';
import { setMode, useLabStore } from './lab-state';
import { useLearnT } from './strings';

/** The convolution lab: 1-D (the lecture's x and w) and 2-D (images, channels, filters, bias). */
export function ConvLab() {
  const t = useLearnT();
  const mode = useLabStore((s) => s.mode);
  return (
    <div className="lx-learn-page" data-testid="learn-panel-conv">
      <div className="lx-learn-page__intro">
        <div className="lx-seg lx-seg--big" role="group" aria-label={t('conv.mode')}>
          <button
            type="button"
            className={`lx-seg__btn${mode === '1d' ? ' is-on' : ''}`}
            aria-pressed={mode === '1d'}
            data-testid="lab-mode-1d"
            onClick={() => setMode('1d')}
          >
            {t('conv.mode1d')}
          </button>
          <button
            type="button"
            className={`lx-seg__btn${mode === '2d' ? ' is-on' : ''}`}
            aria-pressed={mode === '2d'}
            data-testid="lab-mode-2d"
            onClick={() => setMode('2d')}
          >
            {t('conv.mode2d')}
          </button>
        </div>
        <p className="lx-learn-page__lead">
          <strong>{t('conv.cnnUses')}</strong> {t('conv.cnnUsesBody')}
        </p>
      </div>
      {mode === '1d' ? <Conv1d /> : <Conv2d />}
    </div>
  );
}
