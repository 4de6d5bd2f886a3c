import { useCallback, useEffect, useState } from 'react';
import { useDockHeight } from './use-dock-height';
import { TrainingPanel } from '../training/TrainingPanel';
import { connectEngine } from '../engine/connect';
import { useProjectStore } from '../store/project-store';
import { useUiStore } from '../store/ui-store';
import { useT } from '../i18n/i18n';
import { useTrainingStore } from '../training/training-store';

// One engine link per page, made once (Electron port or browser-mode WebSocket).
const engine = connectEngine();

// Its default height is in app.css (a share of the window); this is the least a drag leaves.
const MIN = 220;

/** The training dock under the canvas: a bar that opens into the training panel, resizable like the summary. */
export function TrainingSlot() {
  const [open, setOpen] = useState(false);
  const { height, resizer } = useDockHeight(MIN);
  const settings = useProjectStore((s) => s.project.training);
  const setTraining = useProjectStore((s) => s.setTraining);
  const getGraph = useCallback(() => useProjectStore.getState().project.graph, []);
  const t = useT();
  // A trained model just opened: its feature maps are what the user came to see.
  const opened = useTrainingStore((s) => s.opened);
  useEffect(() => {
    if (opened) {
      useUiStore.getState().setSummaryOpen(false);
      setOpen(true);
    }
  }, [opened]);
  const toggle = useCallback(() => {
    setOpen((was) => {
      // The canvas needs room: the summary steps aside while training is open (the toolbar brings it back).
      if (!was) useUiStore.getState().setSummaryOpen(false);
      return !was;
    });
  }, []);
  return (
    <section
      id="training-slot"
      className={`training-dock${open ? ' is-open' : ''}`}
      data-testid="training-slot"
      style={open && height !== null ? { height } : undefined}
    >
      {open && <div className="resizer" role="separator" aria-orientation="horizontal" {...resizer} />}
      <button
        type="button"
        className="training-dock__bar"
        data-testid="btn-training-toggle"
        aria-expanded={open}
        title={open ? t('training.hide') : t('training.show')}
        onClick={toggle}
      >
        <span className="training-dock__chevron" aria-hidden>
          {open ? '▾' : '▸'}
        </span>
        <span className="training-dock__title">{t('training.title')}</span>
        {!open && <span className="training-dock__hint">{t('training.hint')}</span>}
      </button>
      {/* Kept mounted while closed so a run in progress keeps streaming into its store. */}
      <div className="training-dock__body" hidden={!open}>
        <TrainingPanel engine={engine} getGraph={getGraph} settings={settings} onSettingsChange={setTraining} />
      </div>
    </section>
  );
}
