import { useEffect, type ReactNode } from 'react';
import type { Stepper } from './useStepper';
import { useLearnT } from './strings';

export interface SegmentOption<T extends string> {
  readonly value: T;
  readonly label: string;
  readonly testId: string;
  readonly title?: string;
}

/** A row of mutually exclusive buttons (aria-pressed on the chosen one). */
export function Segmented<T extends string>(props: {
  label: string;
  options: readonly SegmentOption<T>[];
  value: T;
  onChange: (v: T) => void;
  disabled?: boolean;
  hint?: ReactNode;
}) {
  return (
    <div className="lx-lf">
      <div className="lx-lf__label">{props.label}</div>
      <div className="lx-seg" role="group" aria-label={props.label}>
        {props.options.map((o) => (
          <button
            key={o.value}
            type="button"
            className={`lx-seg__btn${o.value === props.value ? ' is-on' : ''}`}
            aria-pressed={o.value === props.value}
            data-testid={o.testId}
            title={o.title}
            disabled={props.disabled}
            onClick={() => props.onChange(o.value)}
          >
            {o.label}
          </button>
        ))}
      </div>
      {props.hint && <div className="lx-lf__hint">{props.hint}</div>}
    </div>
  );
}

/** A small whole-number field with − and + buttons. */
export function IntField(props: {
  label: string;
  value: number;
  min: number;
  max: number;
  onChange: (v: number) => void;
  testId: string;
  hint?: ReactNode;
  placeholder?: string;
  allowEmpty?: boolean;
  empty?: boolean;
}) {
  const set = (v: number) => props.onChange(Math.max(props.min, Math.min(props.max, v)));
  return (
    <div className="lx-lf">
      <label className="lx-lf__label" htmlFor={props.testId}>
        {props.label}
      </label>
      <div className="lx-intf">
        <button
          type="button"
          className="lx-intf__btn"
          aria-label="−"
          tabIndex={-1}
          disabled={!props.empty && props.value <= props.min}
          onClick={() => set(props.empty ? props.min : props.value - 1)}
        >
          −
        </button>
        <input
          id={props.testId}
          className="lx-intf__input"
          data-testid={props.testId}
          type="number"
          inputMode="numeric"
          min={props.min}
          max={props.max}
          step={1}
          placeholder={props.placeholder}
          value={props.empty ? '' : props.value}
          onChange={(e) => {
            const raw = e.target.value.trim();
            if (raw === '' && props.allowEmpty) {
              props.onChange(NaN);
              return;
            }
            const v = Math.round(Number(raw));
            if (Number.isFinite(v)) set(v);
          }}
        />
        <button
          type="button"
          className="lx-intf__btn"
          aria-label="+"
          tabIndex={-1}
          disabled={!props.empty && props.value >= props.max}
          onClick={() => set(props.empty ? props.min : props.value + 1)}
        >
          +
        </button>
      </div>
      {props.hint && <div className="lx-lf__hint">{props.hint}</div>}
    </div>
  );
}

/** A text area for numbers, with its parse error under it. */
export function NumbersField(props: {
  label: ReactNode;
  value: string;
  onChange: (v: string) => void;
  testId: string;
  error?: string | null;
  rows?: number;
  placeholder?: string;
  compact?: boolean;
}) {
  return (
    <div className={`lx-lf${props.compact ? ' lx-lf--compact' : ''}`}>
      <label className="lx-lf__label" htmlFor={props.testId}>
        {props.label}
      </label>
      <textarea
        id={props.testId}
        className={`lx-numtext${props.error ? ' is-bad' : ''}`}
        data-testid={props.testId}
        rows={props.rows ?? 2}
        spellCheck={false}
        placeholder={props.placeholder}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        aria-invalid={!!props.error}
      />
      {props.error && (
        <div className="lx-lf__error" role="alert" data-testid={`${props.testId}-error`}>
          {props.error}
        </div>
      )}
    </div>
  );
}

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el) return false;
  const tag = el.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || el.isContentEditable;
}

/** First / back / play / next / last, the position, and a slider; ← and → step too. */
export function StepperBar(props: { stepper: Stepper; position: ReactNode }) {
  const t = useLearnT();
  const s = props.stepper;
  const { next, prev } = s;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return;
      if (e.key === 'ArrowRight') {
        e.preventDefault();
        next();
      } else if (e.key === 'ArrowLeft') {
        e.preventDefault();
        prev();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [next, prev]);
  const none = s.count === 0;
  return (
    <div className="lx-stepper" data-testid="lab-stepper">
      <div className="lx-stepper__buttons">
        <button
          type="button"
          className="lx-sbtn"
          data-testid="btn-step-first"
          title={t('step.first')}
          aria-label={t('step.first')}
          disabled={none || s.index === 0}
          onClick={s.first}
        >
          <StepIcon d="M6 5v14M18 5l-9 7 9 7z" />
        </button>
        <button
          type="button"
          className="lx-sbtn"
          data-testid="btn-step-prev"
          title={t('step.prev')}
          aria-label={t('step.prev')}
          disabled={none || s.index === 0}
          onClick={s.prev}
        >
          <StepIcon d="M15 5l-7 7 7 7" />
        </button>
        <button
          type="button"
          className="lx-sbtn lx-sbtn--play"
          data-testid="btn-play"
          title={s.playing ? t('step.pause') : t('step.play')}
          aria-label={s.playing ? t('step.pause') : t('step.play')}
          aria-pressed={s.playing}
          disabled={s.count <= 1}
          onClick={s.togglePlay}
        >
          {s.playing ? <StepIcon d="M8 5v14M16 5v14" /> : <StepIcon d="M7 5l12 7-12 7z" fill />}
          <span>{s.playing ? t('step.pause') : t('step.play')}</span>
        </button>
        <button
          type="button"
          className="lx-sbtn"
          data-testid="btn-step-next"
          title={t('step.next')}
          aria-label={t('step.next')}
          disabled={none || s.index >= s.count - 1}
          onClick={s.next}
        >
          <StepIcon d="M9 5l7 7-7 7" />
        </button>
        <button
          type="button"
          className="lx-sbtn"
          data-testid="btn-step-last"
          title={t('step.last')}
          aria-label={t('step.last')}
          disabled={none || s.index >= s.count - 1}
          onClick={s.last}
        >
          <StepIcon d="M18 5v14M6 5l9 7-9 7z" />
        </button>
      </div>
      <input
        className="lx-stepper__slider"
        type="range"
        data-testid="lab-slider"
        aria-label={t('step.position')}
        min={0}
        max={Math.max(0, s.count - 1)}
        value={s.index}
        disabled={s.count <= 1}
        onChange={(e) => s.go(Number(e.target.value))}
      />
      <div className="lx-stepper__pos" data-testid="lab-position" data-index={s.index} data-count={s.count}>
        {props.position}
      </div>
    </div>
  );
}

function StepIcon({ d, fill }: { d: string; fill?: boolean }) {
  return (
    <svg
      width={16}
      height={16}
      viewBox="0 0 24 24"
      fill={fill ? 'currentColor' : 'none'}
      stroke="currentColor"
      strokeWidth={2}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
    >
      <path d={d} />
    </svg>
  );
}

/** A framed note: tone 'info' (indigo) or 'warn' (amber). */
export function Callout(props: { tone?: 'info' | 'warn' | 'ok'; title?: ReactNode; children: ReactNode; testId?: string }) {
  return (
    <div className={`lx-callout lx-callout--${props.tone ?? 'info'}`} data-testid={props.testId}>
      {props.title && <div className="lx-callout__title">{props.title}</div>}
      <div className="lx-callout__body">{props.children}</div>
    </div>
  );
}

/** A titled card of the stage. */
export function Card(props: { title?: ReactNode; aside?: ReactNode; children: ReactNode; className?: string; testId?: string }) {
  return (
    <section className={`lx-lcard${props.className ? ` ${props.className}` : ''}`} data-testid={props.testId}>
      {(props.title || props.aside) && (
        <header className="lx-lcard__head">
          <h3 className="lx-lcard__title">{props.title}</h3>
          {props.aside}
        </header>
      )}
      {props.children}
    </section>
  );
}
