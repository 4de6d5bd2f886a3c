import { memo, useEffect, useId, useMemo, useState } from 'react';
import { desktopFolderChooser, useServedDataDirs } from './served-dirs';
import {
  BACKENDS,
  DATASETS,
  MAX_ROTATION,
  MAX_SHIFT,
  MAX_THREADS,
  NORMALIZATIONS,
  OPTIMIZERS,
  datasetNeedsDir,
  type Augmentation,
  type TrainingSettings,
} from '../../src-shared/project/training';
import { useTrainingT } from './i18n-context';

interface NumberFieldProps {
  readonly label: string;
  readonly value: number;
  readonly min: number;
  readonly max: number;
  readonly integer?: boolean;
  /** The upper bound itself is not allowed (validation split < 1). */
  readonly maxExclusive?: boolean;
  readonly step?: number;
  readonly disabled: boolean;
  readonly testId: string;
  readonly help?: string;
  /** A message for a bad value other than the generic range one. */
  readonly invalidMessage?: string;
  onCommit(value: number): void;
}

function parseField(text: string, p: Pick<NumberFieldProps, 'min' | 'max' | 'integer' | 'maxExclusive'>): number | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const v = Number(trimmed);
  if (!Number.isFinite(v)) return undefined;
  if (p.integer && !Number.isInteger(v)) return undefined;
  if (v < p.min || v > p.max || (p.maxExclusive && v >= p.max)) return undefined;
  return v;
}

/** A number typed as text: committed while valid, marked with the allowed range while not. */
function NumberField({
  label,
  value,
  min,
  max,
  integer,
  maxExclusive,
  step,
  disabled,
  testId,
  help,
  invalidMessage,
  onCommit,
}: NumberFieldProps) {
  const t = useTrainingT();
  const id = useId();
  const [text, setText] = useState(String(value));
  useEffect(() => {
    setText((current) => (parseField(current, { min, max, integer, maxExclusive }) === value ? current : String(value)));
  }, [value, min, max, integer, maxExclusive]);
  const valid = parseField(text, { min, max, integer, maxExclusive }) !== undefined;
  const shownMax = maxExclusive ? `< ${max}` : String(max);
  return (
    <div className={`tp-field${valid ? '' : ' is-invalid'}`}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        inputMode={integer ? 'numeric' : 'decimal'}
        value={text}
        disabled={disabled}
        data-testid={testId}
        aria-invalid={!valid}
        title={help}
        onChange={(e) => {
          setText(e.target.value);
          const v = parseField(e.target.value, { min, max, integer, maxExclusive });
          if (v !== undefined && v !== value) onCommit(v);
        }}
        onKeyDown={(e) => {
          if (!step || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
          e.preventDefault();
          const base = parseField(text, { min, max, integer, maxExclusive }) ?? value;
          const next = Number((base + (e.key === 'ArrowUp' ? step : -step)).toPrecision(10));
          const v = parseField(String(next), { min, max, integer, maxExclusive });
          if (v !== undefined) {
            setText(String(v));
            onCommit(v);
          }
        }}
        onBlur={() => {
          if (!valid) setText(String(value));
        }}
      />
      {!valid && (
        <div className="tp-field__error">
          {invalidMessage ?? t(integer ? 'settings.invalidInteger' : 'settings.invalidNumber', { min: String(min), max: shownMax })}
        </div>
      )}
    </div>
  );
}

interface SelectFieldProps<T extends string> {
  readonly label: string;
  readonly value: T;
  readonly options: readonly T[];
  readonly optionLabel: (v: T) => string;
  readonly disabled: boolean;
  readonly testId: string;
  /** A line under the select about the chosen option (the labels stay short so the select shows them in full). */
  readonly help?: string;
  onChange(v: T): void;
}

function SelectField<T extends string>({ label, value, options, optionLabel, disabled, testId, help, onChange }: SelectFieldProps<T>) {
  const id = useId();
  const helpId = useId();
  return (
    <div className="tp-field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value}
        disabled={disabled}
        data-testid={testId}
        aria-describedby={help ? helpId : undefined}
        onChange={(e) => onChange(e.target.value as T)}
      >
        {options.map((o) => (
          <option key={o} value={o}>
            {optionLabel(o)}
          </option>
        ))}
      </select>
      {help && (
        <div id={helpId} className="tp-field__help" data-testid={`${testId}-help`}>
          {help}
        </div>
      )}
    </div>
  );
}

interface CheckFieldProps {
  readonly label: string;
  readonly checked: boolean;
  readonly disabled: boolean;
  readonly testId: string;
  readonly help?: string;
  onChange(checked: boolean): void;
}

function CheckField({ label, checked, disabled, testId, help, onChange }: CheckFieldProps) {
  const id = useId();
  return (
    <div className="tp-field tp-field--check">
      <input
        id={id}
        type="checkbox"
        checked={checked}
        disabled={disabled}
        data-testid={testId}
        title={help}
        onChange={(e) => onChange(e.target.checked)}
      />
      <label htmlFor={id} title={help}>
        {label}
      </label>
    </div>
  );
}

/** Flip, shift, rotation, brightness and contrast of training batches, each off at 0. */
function AugmentationFields({
  value,
  disabled,
  onChange,
}: {
  readonly value: Augmentation;
  readonly disabled: boolean;
  onChange(value: Augmentation): void;
}) {
  const t = useTrainingT();
  const set = <K extends keyof Augmentation>(key: K, v: Augmentation[K]) => onChange({ ...value, [key]: v });
  return (
    <fieldset className="tp-group" data-testid="setting-augmentation">
      <legend title={t('settings.augmentationHelp')}>{t('settings.augmentation')}</legend>
      <CheckField
        label={t('settings.flip')}
        checked={value.flip}
        help={t('settings.flipHelp')}
        disabled={disabled}
        testId="setting-flip"
        onChange={(v) => set('flip', v)}
      />
      <div className="tp-row">
        <NumberField
          label={t('settings.shift')}
          value={value.shift}
          min={0}
          max={MAX_SHIFT}
          integer
          step={1}
          help={t('settings.shiftHelp')}
          disabled={disabled}
          testId="setting-shift"
          onCommit={(v) => set('shift', v)}
        />
        <NumberField
          label={t('settings.rotation')}
          value={value.rotation}
          min={0}
          max={MAX_ROTATION}
          step={5}
          help={t('settings.rotationHelp')}
          disabled={disabled}
          testId="setting-rotation"
          onCommit={(v) => set('rotation', v)}
        />
      </div>
      <div className="tp-row">
        <NumberField
          label={t('settings.brightness')}
          value={value.brightness}
          min={0}
          max={1}
          step={0.05}
          help={t('settings.brightnessHelp')}
          disabled={disabled}
          testId="setting-brightness"
          onCommit={(v) => set('brightness', v)}
        />
        <NumberField
          label={t('settings.contrast')}
          value={value.contrast}
          min={0}
          max={1}
          step={0.05}
          help={t('settings.contrastHelp')}
          disabled={disabled}
          testId="setting-contrast"
          onCommit={(v) => set('contrast', v)}
        />
      </div>
    </fieldset>
  );
}

/** 'auto' and 1…this machine's cores (the engine runs on the same machine), plus a saved count beyond them. */
function threadChoices(current: number | null): string[] {
  const cores = Math.min(MAX_THREADS, Math.max(1, navigator.hardwareConcurrency || 1));
  const counts = Array.from({ length: Math.max(cores, current ?? 0) }, (_, i) => String(i + 1));
  return ['auto', ...counts];
}

interface SettingsFormProps {
  readonly settings: TrainingSettings;
  readonly disabled: boolean;
  onChange(settings: TrainingSettings): void;
}

/** Dataset, optimizer, learning rate, batch size, epochs, validation split, seed, backend, threads, augmentation, normalization. */
export const SettingsForm = memo(function SettingsForm({ settings, disabled, onChange }: SettingsFormProps) {
  const t = useTrainingT();
  const dirId = useId();
  const served = useServedDataDirs();
  const chooseFolder = useMemo(() => desktopFolderChooser(), []);
  const set = <K extends keyof TrainingSettings>(key: K, value: TrainingSettings[K]) => onChange({ ...settings, [key]: value });
  const dirMissing = datasetNeedsDir(settings.dataset) && !settings.dataDir?.trim();
  const hasDir = settings.dataset === 'directory' || settings.dataset === 'images' || settings.dataset === 'cifar10';
  const dirWords = (key: 'settings.dataDirPlaceholder' | 'settings.dataDirHelp' | 'settings.dataDirMissing') =>
    settings.dataset === 'images'
      ? t(`${key}.images`)
      : settings.dataset === 'cifar10' && key !== 'settings.dataDirMissing'
        ? t(`${key}.cifar10`)
        : t(key);
  return (
    <div className="tp-settings" data-testid="training-settings">
      <SelectField
        label={t('settings.dataset')}
        value={settings.dataset}
        options={DATASETS}
        optionLabel={(v) => t(`settings.dataset.${v}`)}
        help={settings.dataset === 'directory' ? undefined : t(`settings.datasetHelp.${settings.dataset}`)}
        disabled={disabled}
        testId="setting-dataset"
        onChange={(v) => set('dataset', v)}
      />
      {hasDir && (
        <div className={`tp-field tp-field--wide${dirMissing ? ' is-invalid' : ''}`}>
          <label htmlFor={dirId}>{t('settings.dataDir')}</label>
          <input
            id={dirId}
            type="text"
            spellCheck={false}
            value={settings.dataDir ?? ''}
            placeholder={dirWords('settings.dataDirPlaceholder')}
            disabled={disabled}
            data-testid="setting-datadir"
            title={dirWords('settings.dataDirHelp')}
            onChange={(e) => set('dataDir', e.target.value === '' ? null : e.target.value)}
          />
          {chooseFolder && (settings.dataset === 'images' || settings.dataset === 'cifar10' || settings.dataset === 'directory') && (
            <button
              type="button"
              className="btn btn--small tp-datadir-browse"
              disabled={disabled}
              data-testid="setting-datadir-browse"
              onClick={() => {
                const dataset = settings.dataset;
                if (dataset !== 'images' && dataset !== 'cifar10' && dataset !== 'directory') return;
                void chooseFolder(dataset).then((dir) => {
                  if (dir) set('dataDir', dir);
                });
              }}
            >
              {t('settings.dataDirBrowse')}
            </button>
          )}
          {served.length > 0 && (
            <select
              className="tp-datadir-choice"
              aria-label={t('settings.dataDirChoice')}
              title={t('settings.dataDirChoiceHelp')}
              value={served.includes(settings.dataDir ?? '') ? (settings.dataDir ?? '') : ''}
              disabled={disabled}
              data-testid="setting-datadir-choice"
              onChange={(e) => set('dataDir', e.target.value === '' ? null : e.target.value)}
            >
              <option value="">{t('settings.dataDirChoice')}</option>
              {served.map((d) => (
                <option key={d} value={d}>
                  {d}
                </option>
              ))}
            </select>
          )}
          <div className={dirMissing ? 'tp-field__error' : 'tp-field__help'}>
            {dirMissing ? dirWords('settings.dataDirMissing') : dirWords('settings.dataDirHelp')}
          </div>
        </div>
      )}
      <SelectField
        label={t('settings.optimizer')}
        value={settings.optimizer}
        options={OPTIMIZERS}
        optionLabel={(v) => t(`settings.optimizer.${v}`)}
        disabled={disabled}
        testId="setting-optimizer"
        onChange={(v) => set('optimizer', v)}
      />
      <div className="tp-row">
        <NumberField
          label={t('settings.learningRate')}
          value={settings.learningRate}
          min={1e-7}
          max={10}
          invalidMessage={t('settings.invalidLearningRate')}
          disabled={disabled}
          testId="setting-learning-rate"
          onCommit={(v) => set('learningRate', v)}
        />
        <NumberField
          label={t('settings.batchSize')}
          value={settings.batchSize}
          min={1}
          max={4096}
          integer
          step={1}
          disabled={disabled}
          testId="setting-batch-size"
          onCommit={(v) => set('batchSize', v)}
        />
      </div>
      <div className="tp-row">
        <NumberField
          label={t('settings.epochs')}
          value={settings.epochs}
          min={1}
          max={1000}
          integer
          step={1}
          disabled={disabled}
          testId="setting-epochs"
          onCommit={(v) => set('epochs', v)}
        />
        <NumberField
          label={t('settings.validationSplit')}
          value={settings.validationSplit}
          min={0}
          max={0.9}
          step={0.05}
          help={t('settings.validationHelp')}
          disabled={disabled}
          testId="setting-validation-split"
          onCommit={(v) => set('validationSplit', v)}
        />
      </div>
      <SelectField
        label={t('settings.backend')}
        value={settings.backend}
        options={BACKENDS}
        optionLabel={(v) => t(`settings.backend.${v}`)}
        disabled={disabled}
        testId="setting-backend"
        onChange={(v) => set('backend', v)}
      />
      <div className="tp-row">
        <NumberField
          label={t('settings.seed')}
          value={settings.seed}
          min={0}
          max={2 ** 31 - 1}
          integer
          step={1}
          disabled={disabled}
          testId="setting-seed"
          onCommit={(v) => set('seed', v)}
        />
        <SelectField
          label={t('settings.threads')}
          value={settings.threads == null ? 'auto' : String(settings.threads)}
          options={threadChoices(settings.threads ?? null)}
          optionLabel={(v) => (v === 'auto' ? t('settings.threads.auto') : v)}
          help={t('settings.threadsHelp')}
          disabled={disabled}
          testId="setting-threads"
          onChange={(v) => {
            // Automatic leaves the key out, as files that never chose a count have it.
            const { threads: _, ...rest } = settings;
            onChange(v === 'auto' ? rest : { ...rest, threads: Number(v) });
          }}
        />
      </div>
      <SelectField
        label={t('settings.normalization')}
        value={settings.normalization}
        options={NORMALIZATIONS}
        optionLabel={(v) => t(`settings.normalization.${v}`)}
        help={t(`settings.normalizationHelp.${settings.normalization}`)}
        disabled={disabled}
        testId="setting-normalization"
        onChange={(v) => set('normalization', v)}
      />
      <AugmentationFields value={settings.augmentation} disabled={disabled} onChange={(v) => set('augmentation', v)} />
    </div>
  );
});
