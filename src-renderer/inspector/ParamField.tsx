import { memo } from 'react';
import type { ParamField as FieldSpec } from '../../src-shared/layers/types';
import { ACTIVATIONS, INITIALIZERS } from '../../src-shared/layers/params';
import { helpText } from '../../src-shared/i18n/layer-text';
import { useLanguage, useT } from '../i18n/i18n';
import { setParam } from '../store/graph-edit';
import { useProjectStore } from '../store/project-store';
import { TextField } from './TextField';
import { numberText, pairTexts, pairValue, parseNumber, parseShape, parseSides, shapeText, sidesText } from './raw-values';

interface Props {
  readonly nodeId: string;
  readonly field: FieldSpec;
  /** What the user stored (may be missing or invalid). */
  readonly raw: unknown;
  /** The value in effect after Keras defaults, when the params are valid. */
  readonly effective: unknown;
  readonly errors: readonly string[];
}

function optionsOf(field: FieldSpec): readonly string[] {
  if (field.options) return field.options;
  if (field.name === 'activation') return ACTIVATIONS;
  if (field.name.endsWith('initializer')) return INITIALIZERS;
  return [];
}

function store(nodeId: string, param: string, value: unknown): void {
  useProjectStore.getState().edit((g) => setParam(g, nodeId, param, value), `param:${nodeId}:${param}`);
}

/** One parameter of a layer, edited with the control its kind calls for. */
function ParamFieldView({ nodeId, field, raw, effective, errors }: Props) {
  const t = useT();
  const language = useLanguage();
  const id = `field-${nodeId}-${field.name}`;
  const bad = errors.length > 0;
  const help = helpText(language, field.help);
  const inputClass = `input${bad ? ' is-invalid' : ''}`;
  let control;
  switch (field.kind) {
    case 'int':
    case 'number':
      control = (
        <TextField
          id={id}
          className={inputClass}
          inputMode={field.kind === 'int' ? 'numeric' : 'decimal'}
          value={numberText(raw)}
          placeholder={effective !== undefined ? numberText(effective) : ''}
          aria-invalid={bad}
          onCommit={(text) => {
            const v = parseNumber(text);
            store(nodeId, field.name, v);
            return numberText(v);
          }}
        />
      );
      break;
    case 'shape':
      control = (
        <TextField
          id={id}
          className={inputClass}
          value={shapeText(raw)}
          placeholder={t('inspector.shapePlaceholder')}
          aria-invalid={bad}
          onCommit={(text) => {
            const v = parseShape(text);
            store(nodeId, field.name, v);
            return shapeText(v);
          }}
        />
      );
      break;
    case 'sides':
      control = (
        <TextField
          id={id}
          className={inputClass}
          value={sidesText(raw)}
          placeholder={effective !== undefined ? sidesText(effective) : ''}
          aria-invalid={bad}
          onCommit={(text) => {
            const v = parseSides(text);
            store(nodeId, field.name, v);
            return sidesText(v);
          }}
        />
      );
      break;
    case 'pair': {
      const [a, b] = pairTexts(raw);
      const [pa, pb] = pairTexts(effective);
      const nullPlaceholder = field.nullable && raw == null ? t('inspector.samePool') : undefined;
      control = (
        <div className="pair">
          <TextField
            id={id}
            className={inputClass}
            inputMode="numeric"
            value={a}
            placeholder={nullPlaceholder ?? pa}
            aria-label={`${field.name} ${t('inspector.height')}`}
            aria-invalid={bad}
            data-testid={`field-${field.name}-0`}
            onCommit={(text) => {
              const v = pairValue(text, pairTexts(currentParam(nodeId, field.name))[1]);
              store(nodeId, field.name, v);
              return pairTexts(v)[0];
            }}
          />
          <span className="pair__times" aria-hidden="true">
            ×
          </span>
          <TextField
            className={inputClass}
            inputMode="numeric"
            value={b}
            placeholder={nullPlaceholder ?? pb}
            aria-label={`${field.name} ${t('inspector.width')}`}
            aria-invalid={bad}
            data-testid={`field-${field.name}-1`}
            onCommit={(text) => {
              const v = pairValue(pairTexts(currentParam(nodeId, field.name))[0], text);
              store(nodeId, field.name, v);
              return pairTexts(v)[1];
            }}
          />
        </div>
      );
      break;
    }
    case 'enum': {
      const options = optionsOf(field);
      const current = typeof raw === 'string' ? raw : typeof effective === 'string' ? effective : '';
      const all = current && !options.includes(current) ? [current, ...options] : options;
      control = (
        <select
          id={id}
          className={`select${bad ? ' is-invalid' : ''}`}
          value={current}
          aria-invalid={bad}
          onChange={(e) => store(nodeId, field.name, e.target.value)}
        >
          {current === '' && <option value="" />}
          {all.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
      );
      break;
    }
    case 'bool': {
      const checked = typeof raw === 'boolean' ? raw : effective === true;
      control = (
        <label className="switch">
          <input
            id={id}
            type="checkbox"
            checked={checked}
            aria-invalid={bad}
            onChange={(e) => store(nodeId, field.name, e.target.checked)}
          />
          <span className="switch__track" aria-hidden="true" />
          <span className="switch__label">{checked ? 'True' : 'False'}</span>
        </label>
      );
      break;
    }
  }
  return (
    <div className={`field${bad ? ' has-error' : ''}`} data-testid={`field-${field.name}`}>
      <label className="field__label" htmlFor={id}>
        <code>{field.name}</code>
      </label>
      {control}
      <p className="field__help">{help}</p>
      {errors.map((e) => (
        <p key={e} className="field__error" role="alert" data-testid={`field-error-${field.name}`}>
          {e}
        </p>
      ))}
    </div>
  );
}

/** The raw value of a param right now (read at commit time, so the other half of a pair is current). */
function currentParam(nodeId: string, param: string): unknown {
  return useProjectStore.getState().project.graph.nodes.find((n) => n.id === nodeId)?.params[param];
}

export const ParamField = memo(ParamFieldView);
