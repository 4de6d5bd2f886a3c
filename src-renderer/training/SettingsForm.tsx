import { memo, useEffect, useId, useState } from 'react';
import { BACKENDS, DATASETS, MAX_THREADS, OPTIMIZERS, type TrainingSettings } from '../../src-shared/project/training';
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

/** Dataset, optimizer, learning rate, batch size, epochs, validation split, backend, seed, threads. */
export const SettingsForm = memo(function SettingsForm({ settings, disabled, onChange }: SettingsFormProps) {
  const t = useTrainingT();
  const dirId = useId();
  const set = <K extends keyof TrainingSettings>(key: K, value: TrainingSettings[K]) => onChange({ ...settings, [key]: value });
  const dirMissing = settings.dataset === 'directory' && !settings.dataDir?.trim();
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
      {settings.dataset === 'directory' && (
        <div className={`tp-field tp-field--wide${dirMissing ? ' is-invalid' : ''}`}>
          <label htmlFor={dirId}>{t('settings.dataDir')}</label>
          <input
            id={dirId}
            type="text"
            spellCheck={false}
            value={settings.dataDir ?? ''}
            placeholder={t('settings.dataDirPlaceholder')}
            disabled={disabled}
            data-testid="setting-datadir"
            title={t('settings.dataDirHelp')}
            onChange={(e) => set('dataDir', e.target.value === '' ? null : e.target.value)}
          />
          <div className={dirMissing ? 'tp-field__error' : 'tp-field__help'}>
            {dirMissing ? t('settings.dataDirMissing') : t('settings.dataDirHelp')}
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
    </div>
  );
});
