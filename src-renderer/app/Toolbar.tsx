import { useState } from 'react';
import { useLanguageStore, useT } from '../i18n/i18n';
import { isDirty, useProjectStore } from '../store/project-store';
import { useUiStore } from '../store/ui-store';
import { useMeasuredStore } from '../canvas/measured';
import {
  exportAction,
  importModelAction,
  loadTemplateAction,
  newProjectAction,
  openAction,
  openRecentAction,
  saveAction,
  saveAsAction,
  type ExportKind,
} from '../files/file-actions';
import { recentFiles } from '../files/recent-files';
import { openTrainedModelAction } from '../files/open-trained-model';
import { TEMPLATES, templateText } from './templates';
import { LanguageSwitch } from './LanguageSwitch';
import { Icon, type IconName } from './Icon';
import { exportOnnxAction } from '../files/onnx-export';
import { Menu, MenuItem, type Collapse } from './Menu';
import { arrangeAction, fitAction, redoAction, undoAction } from './actions';
import { LearnButton } from '../learn/LearnButton';

function ToolButton(props: {
  icon: IconName;
  label: string;
  title: string;
  testId: string;
  onClick: () => void;
  disabled?: boolean;
  active?: boolean;
  iconOnly?: boolean;
  /** When the toolbar is narrow, 'early' labels give way first (to their icons), then the others. */
  collapse?: Collapse;
}) {
  return (
    <button
      type="button"
      className={`btn btn--tool${props.active ? ' is-active' : ''}${props.iconOnly ? ' btn--icon-only' : ''}`}
      aria-label={props.label}
      data-testid={props.testId}
      data-collapse={props.collapse ?? 'late'}
      title={props.title}
      aria-pressed={props.active}
      disabled={props.disabled}
      onClick={props.onClick}
    >
      <Icon name={props.icon} />
      {!props.iconOnly && <span>{props.label}</span>}
    </button>
  );
}

function ProjectName() {
  const t = useT();
  const name = useProjectStore((s) => s.project.name);
  const dirty = useProjectStore(isDirty);
  const [draft, setDraft] = useState<string | null>(null);
  const commit = () => {
    if (draft !== null) useProjectStore.getState().rename(draft.trim());
    setDraft(null);
  };
  return (
    <div className="project-name">
      <input
        title={draft === null ? name : undefined}
        className="project-name__input"
        data-testid="project-name"
        aria-label={t('toolbar.projectName')}
        value={draft ?? name}
        size={Math.max(8, (draft ?? name).length + 1)}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') e.currentTarget.blur();
          if (e.key === 'Escape') setDraft(null);
        }}
      />
      {dirty && (
        <span className="project-name__dirty" data-testid="dirty-mark" title={t('app.unsavedMark')} aria-label={t('app.unsavedMark')} />
      )}
    </div>
  );
}

const EXPORTS: {
  kind: ExportKind;
  testId: string;
  label:
    | 'export.keras'
    | 'export.tfjs'
    | 'export.python'
    | 'export.pytorch'
    | 'export.png'
    | 'export.project'
    | 'export.pythonMirrored'
    | 'export.pythonMultiWorker';
  hint?:
    | 'export.kerasHint'
    | 'export.tfjsHint'
    | 'export.pythonHint'
    | 'export.pytorchHint'
    | 'export.pngHint'
    | 'export.pythonMirroredHint'
    | 'export.pythonMultiWorkerHint';
}[] = [
  { kind: 'keras', testId: 'btn-export-keras', label: 'export.keras', hint: 'export.kerasHint' },
  { kind: 'tfjs', testId: 'btn-export-tfjs', label: 'export.tfjs', hint: 'export.tfjsHint' },
  { kind: 'python', testId: 'btn-export-python', label: 'export.python', hint: 'export.pythonHint' },
  { kind: 'python-mirrored', testId: 'btn-export-python-mirrored', label: 'export.pythonMirrored', hint: 'export.pythonMirroredHint' },
  {
    kind: 'python-multi-worker',
    testId: 'btn-export-python-multi-worker',
    label: 'export.pythonMultiWorker',
    hint: 'export.pythonMultiWorkerHint',
  },
  { kind: 'pytorch', testId: 'btn-export-pytorch', label: 'export.pytorch', hint: 'export.pytorchHint' },
  { kind: 'png', testId: 'btn-export-png', label: 'export.png', hint: 'export.pngHint' },
  { kind: 'project', testId: 'btn-export-project', label: 'export.project' },
];

/** The top bar: file actions, templates, edit actions, view toggles, language. */
export function Toolbar() {
  const t = useT();
  const language = useLanguageStore((s) => s.language);
  const canUndo = useProjectStore((s) => s.history.past.length > 0);
  const canRedo = useProjectStore((s) => s.history.future.length > 0);
  const summaryOpen = useUiStore((s) => s.summaryOpen);
  return (
    <header className="toolbar" data-testid="toolbar">
      <div className="brand">
        <span className="brand__mark" aria-hidden="true">
          <span />
          <span />
          <span />
        </span>
        <span className="brand__name">Convas</span>
      </div>
      <ProjectName />
      <div className="toolbar__group">
        <ToolButton
          icon="new"
          label={t('toolbar.new')}
          title={t('toolbar.newTip')}
          testId="btn-new"
          collapse="early"
          onClick={() => void newProjectAction()}
        />
        <div className="split">
          <ToolButton
            icon="open"
            label={t('toolbar.open')}
            title={t('toolbar.openTip')}
            testId="btn-open"
            collapse="early"
            onClick={() => void openAction()}
          />
          <Menu label="" testId="btn-open-menu" title={t('toolbar.openMore')} ariaLabel={t('toolbar.openMore')}>
            {(close) => {
              const list = recentFiles();
              return (
                <>
                  <MenuItem
                    testId="btn-import"
                    label={t('toolbar.import')}
                    hint={t('toolbar.importTip')}
                    close={close}
                    onSelect={() => void importModelAction()}
                  />
                  <MenuItem
                    testId="btn-open-trained"
                    label={t('toolbar.openTrained')}
                    hint={t('toolbar.openTrainedTip')}
                    close={close}
                    onSelect={() => void openTrainedModelAction()}
                  />
                  <div className="menu__heading">{t('toolbar.recent')}</div>
                  {list.length === 0 && <div className="menu__empty">{t('toolbar.recentEmpty')}</div>}
                  {list.map((r) => (
                    <MenuItem
                      key={r.name}
                      testId={`btn-recent-${r.name}`}
                      label={r.name}
                      hint={new Date(r.at).toLocaleString(language)}
                      close={close}
                      onSelect={() => void openRecentAction(r)}
                    />
                  ))}
                </>
              );
            }}
          </Menu>
        </div>
        <ToolButton
          icon="save"
          label={t('toolbar.save')}
          title={t('toolbar.saveTip')}
          testId="btn-save"
          collapse="early"
          onClick={() => void saveAction()}
        />
        <ToolButton
          icon="saveAs"
          label={t('toolbar.saveAs')}
          title={t('toolbar.saveAsTip')}
          testId="btn-save-as"
          collapse="early"
          onClick={() => void saveAsAction()}
        />
        <Menu label={t('toolbar.export')} icon="export" testId="btn-export" title={t('toolbar.export')}>
          {(close) => (
            <>
              {EXPORTS.map((e) => (
                <MenuItem
                  key={e.kind}
                  testId={e.testId}
                  label={t(e.label)}
                  {...(e.hint ? { hint: t(e.hint) } : {})}
                  close={close}
                  onSelect={() => void exportAction(e.kind, useMeasuredStore.getState().sizes)}
                />
              ))}
              <MenuItem
                testId="btn-export-onnx-trained"
                label={t('export.onnxTrained')}
                hint={t('export.onnxTrainedHint')}
                close={close}
                onSelect={() => void exportOnnxAction(true)}
              />
              <MenuItem
                testId="btn-export-onnx-design"
                label={t('export.onnxDesign')}
                hint={t('export.onnxDesignHint')}
                close={close}
                onSelect={() => void exportOnnxAction(false)}
              />
            </>
          )}
        </Menu>
        <Menu
          label={t('toolbar.templates')}
          icon="templates"
          testId="btn-templates"
          title={t('toolbar.templates')}
          columns={2}
          align="right"
        >
          {(close) =>
            TEMPLATES.map((tpl) => {
              const text = templateText(tpl, language);
              return (
                <MenuItem
                  key={tpl.id}
                  testId={`btn-template-${tpl.id}`}
                  label={text.name}
                  hint={text.description}
                  close={close}
                  onSelect={() => void loadTemplateAction(tpl.id)}
                />
              );
            })
          }
        </Menu>
      </div>
      <div className="toolbar__sep" />
      <div className="toolbar__group">
        <ToolButton
          icon="undo"
          label={t('toolbar.undo')}
          title={t('toolbar.undoTip')}
          testId="btn-undo"
          onClick={undoAction}
          disabled={!canUndo}
          iconOnly
        />
        <ToolButton
          icon="redo"
          label={t('toolbar.redo')}
          title={t('toolbar.redoTip')}
          testId="btn-redo"
          onClick={redoAction}
          disabled={!canRedo}
          iconOnly
        />
      </div>
      <div className="toolbar__sep" />
      <div className="toolbar__group">
        <ToolButton
          icon="arrange"
          label={t('toolbar.arrange')}
          title={t('toolbar.arrangeTip')}
          testId="btn-arrange"
          onClick={arrangeAction}
        />
        <ToolButton icon="fit" label={t('toolbar.fitView')} title={t('toolbar.fitTip')} testId="btn-fit" onClick={fitAction} iconOnly />
      </div>
      <span className="spacer" />
      <LearnButton />
      <ToolButton
        icon="summary"
        label={t('toolbar.summary')}
        title={t('toolbar.summaryTip')}
        testId="btn-summary"
        active={summaryOpen}
        onClick={() => useUiStore.getState().setSummaryOpen(!summaryOpen)}
      />
      <LanguageSwitch testId="btn-lang" icon />
    </header>
  );
}
