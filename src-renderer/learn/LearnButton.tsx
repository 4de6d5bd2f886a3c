import { Icon } from '../app/Icon';
import { useLearnStore, openLearn } from './learn-store';
import { useLearnT } from './strings';

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
      <Icon name="learn" />
      <span>{t('lab.button')}</span>
    </button>
  );
}
