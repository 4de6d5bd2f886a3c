import { Canvas } from '../canvas/Canvas';
import { Inspector } from '../inspector/Inspector';
import { Palette } from '../palette/Palette';
import { FormulaPopover } from '../summary/FormulaPopover';
import { ConfirmDialog } from './ConfirmDialog';
import { StatusBar } from './StatusBar';
import { SummaryDock } from './SummaryDock';
import { Toasts } from './Toasts';
import { Toolbar } from './Toolbar';
import { TrainingSlot } from './TrainingSlot';
import { useShortcuts } from './shortcuts';
import { useDocumentTitle } from './useDocumentTitle';
import { LearnLab } from '../learn/LearnLab';

/** The window: toolbar on top, palette | canvas (+ summary, training) | inspector, status line. */
export function App() {
  useShortcuts();
  useDocumentTitle();
  return (
    <div className="app">
      <Toolbar />
      <div className="workspace">
        <Palette />
        <main className="center">
          <Canvas />
          <SummaryDock />
          <TrainingSlot />
        </main>
        <Inspector />
      </div>
      <StatusBar />
      <LearnLab />
      <FormulaPopover />
      <ConfirmDialog />
      <Toasts />
    </div>
  );
}
