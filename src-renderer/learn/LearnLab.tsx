import { useEffect, useRef, type KeyboardEvent as ReactKeyboardEvent } from 'react';

import { useUiStore } from '../store/ui-store';
import { ActivationsLab } from './ActivationsLab';
import { ConvLab } from './ConvLab';
import { ExplainTab } from './ExplainTab';
import { closeLearn, setLearnTab, useLearnStore, type LearnTab } from './learn-store';
import { PoolLab } from './PoolLab';
import { useLearnT } from './strings';
import { Icon } from '../app/Icon';
import { LanguageSwitch } from '../app/LanguageSwitch';
import './learn.css';

const TABS: readonly { id: LearnTab; testId: string }[] = [
  { id: 'conv', testId: 'learn-conv' },
  { id: 'pool', testId: 'learn-pool' },
  { id: 'activations', testId: 'learn-activations' },
  { id: 'explain', testId: 'learn-explain' },
];

/**
 * Ctrl/Cmd+Z and Y are the app's graph undo/redo (window shortcuts). Inside the lab they belong
 * to its text fields: the graph under the panel must not change unseen.
 */
function keepUndoInside(e: ReactKeyboardEvent<HTMLDivElement>): void {
  const key = e.key.toLowerCase();
  if ((e.ctrlKey || e.metaKey) && (key === 'z' || key === 'y')) e.stopPropagation();
}

/** The Learn lab: a full-window panel over the app; Escape or the close button returns to the canvas. */
export function LearnLab() {
  const open = useLearnStore((s) => s.open);
  return open ? <LearnOverlay /> : null;
}

function LearnOverlay() {
  const t = useLearnT();
  const tab = useLearnStore((s) => s.tab);
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || useUiStore.getState().dialog) return;
      e.preventDefault();
      closeLearn();
    };
    window.addEventListener('keydown', onKey);
    const before = document.activeElement as HTMLElement | null;
    root.current?.focus();
    return () => {
      window.removeEventListener('keydown', onKey);
      before?.focus?.();
    };
  }, []);

  return (
    <div
      className="lx-learn"
      role="dialog"
      aria-modal="true"
      aria-labelledby="learn-title"
      data-testid="learn-lab"
      ref={root}
      tabIndex={-1}
      onKeyDown={keepUndoInside}
    >
      <header className="lx-learn__bar">
        <div className="lx-learn__brand">
          <span className="lx-learn__logo">
            <Icon name="learn" size={18} />
          </span>
          <div>
            <h2 id="learn-title" className="lx-learn__title">
              {t('lab.title')}
            </h2>
            <div className="lx-learn__subtitle">{t('lab.subtitle')}</div>
          </div>
        </div>
        <nav className="lx-learn__tabs" role="tablist" aria-label={t('lab.title')}>
          {TABS.map((x) => (
            <button
              key={x.id}
              type="button"
              role="tab"
              aria-selected={tab === x.id}
              className={`lx-learn__tab${tab === x.id ? ' is-on' : ''}`}
              data-testid={x.testId}
              onClick={() => setLearnTab(x.id)}
            >
              {t(`tab.${x.id}`)}
            </button>
          ))}
        </nav>
        <span className="spacer" />
        <LanguageSwitch testId="btn-learn-lang" />
        <button type="button" className="btn lx-learn__close" data-testid="btn-learn-close" title={t('lab.closeTip')} onClick={closeLearn}>
          <svg
            width={16}
            height={16}
            viewBox="0 0 24 24"
            fill="none"
            stroke="currentColor"
            strokeWidth={2}
            strokeLinecap="round"
            aria-hidden="true"
          >
            <path d="M6 6l12 12M18 6L6 18" />
          </svg>
          <span>{t('lab.close')}</span>
          <kbd>Esc</kbd>
        </button>
      </header>
      <div className="lx-learn__body" role="tabpanel">
        {tab === 'conv' && <ConvLab />}
        {tab === 'pool' && <PoolLab />}
        {tab === 'activations' && <ActivationsLab />}
        {tab === 'explain' && <ExplainTab />}
      </div>
    </div>
  );
}
