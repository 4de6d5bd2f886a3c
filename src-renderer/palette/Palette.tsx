import { memo, type DragEvent, type KeyboardEvent } from 'react';
import { layerGroups, type AnyLayerKind } from '../../src-shared/layers/registry';
import { useT } from '../i18n/i18n';
import { LAYER_MIME } from '../canvas/layer-drag';
import { useUiStore } from '../store/ui-store';
import { addLayerBelow } from './add-below';
import { startValuesText } from './start-values';

const GROUPS = layerGroups();

const displayName = (kind: AnyLayerKind) => (kind.kind === 'InputLayer' ? 'Input' : kind.kind);

function onDragStart(e: DragEvent<HTMLElement>, kind: AnyLayerKind) {
  e.dataTransfer.setData(LAYER_MIME, kind.kind);
  e.dataTransfer.setData('text/plain', kind.kind);
  e.dataTransfer.effectAllowed = 'copy';
  useUiStore.getState().closeFormula();
}

function onKeyDown(e: KeyboardEvent<HTMLElement>, kind: AnyLayerKind) {
  if (e.key === 'Enter' || e.key === ' ') {
    e.preventDefault();
    addLayerBelow(kind.kind);
  }
}

/** The layer palette, grouped as Keras groups its layers. */
function PaletteView() {
  const t = useT();
  return (
    <nav className="palette" aria-label={t('palette.title')} data-testid="palette">
      <div className="panel-title">{t('palette.title')}</div>
      <div className="palette__scroll">
        {GROUPS.filter((g) => g.kinds.length > 0).map(({ group, kinds }) => (
          <section key={group} className={`palette__group group-${group.toLowerCase()}`}>
            <h3 className="palette__group-title">{t(`group.${group}`)}</h3>
            <ul className="palette__list">
              {kinds.map((kind) => (
                <li
                  key={kind.kind}
                  className="palette__item"
                  data-testid={`palette-item-${kind.kind}`}
                  draggable
                  tabIndex={0}
                  role="button"
                  onDragStart={(e) => onDragStart(e, kind)}
                  onDoubleClick={() => addLayerBelow(kind.kind)}
                  onKeyDown={(e) => onKeyDown(e, kind)}
                  title={`${startValuesText(t, kind.kind)}\n${t('palette.hint')}`}
                >
                  <span className="palette__swatch" aria-hidden="true" />
                  <span className="palette__text">
                    <span className="palette__name">{displayName(kind)}</span>
                    {t(`kind.${kind.kind}`).toLowerCase() !== displayName(kind).toLowerCase() && (
                      <span className="palette__sub">{t(`kind.${kind.kind}`)}</span>
                    )}
                  </span>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
      <p className="palette__hint">{t('palette.hint')}</p>
    </nav>
  );
}

export const Palette = memo(PaletteView);
