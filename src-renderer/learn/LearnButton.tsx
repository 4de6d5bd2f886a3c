import { useLearnStore, openLearn } from './learn-store';
import { useLearnT } from './strings';

/** A mortarboard, drawn like the app's other stroke icons. */
export function LearnIcon({ size = 16 }: { size?: number }) {
  return (
    <svg
      className="icon"
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.8}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
    >
      <path d="M2 9l10-5 10 5-10 5zM6 11v5c0 1.5 2.7 3 6 3s6-1.5 6-3v-5M22 9v6" />
    </svg>
  );
}

/** The toolbar's "Learn" button (opens the lab). */
export function LearnButton() {
  const t = useLearnT();
  const open = useLearnStore((s) => s.open);
  return (
    <button
      type="button"
      className={`btn btn--tool${open ? ' is-active' : ''}`}
      data-testid="btn-learn"
      title={t('lab.openTip')}
      aria-pressed={open}
      onClick={() => openLearn()}
    >
      <LearnIcon />
      <span>{t('lab.button')}</span>
    </button>
  );
}
