import { useEffect, useMemo, useRef } from 'react';
import type { TensorView } from '../../src-shared/engine/protocol';
import { useTrainingT } from '../training/i18n-context';
import type { Enlarged } from './LayerGrids';
import type { Inspection } from './inspect-store';
import { PixelCanvas } from './PixelCanvas';
import { channelImage, channelRange, filterRange, formatValue, grayLevel, kernelDims, kernelSlice } from './tensor-image';

/** With few input channels every weight is written in its cell; with many, the cells are small squares. */
const NUMBERED_SLICES = 4;
const MAX_SLICES = 64;

function MapDetail({ layer, map, channel }: { layer: string; map: TensorView; channel: number }) {
  const t = useTrainingT();
  const own = useMemo(() => channelRange(map, channel), [map, channel]);
  // Large, the channel gets its own contrast; the tiles share the layer's.
  const image = useMemo(() => channelImage(map, channel, own), [map, channel, own]);
  return (
    <>
      <h3 className="tp-h">{t('maps.channelTitle', { layer, channel })}</h3>
      <PixelCanvas image={image} size={280} testId="enlarged-canvas" className="fm-big" />
      <p className="fm-range" data-testid="enlarged-range">
        {t('maps.valueRange', { min: formatValue(own.min), max: formatValue(own.max) })}
      </p>
      <p className="tp-muted">{t('maps.ownScale', { min: formatValue(map.min), max: formatValue(map.max) })}</p>
    </>
  );
}

function KernelDetail({ layer, kernel, filter }: { layer: string; kernel: TensorView; filter: number }) {
  const t = useTrainingT();
  const { kh, kw, cin } = kernelDims(kernel.shape);
  const own = useMemo(() => filterRange(kernel, filter), [kernel, filter]);
  const slices = useMemo(
    () => Array.from({ length: Math.min(cin, MAX_SLICES) }, (_, c) => kernelSlice(kernel, filter, c)),
    [kernel, filter, cin],
  );
  const numbered = cin <= NUMBERED_SLICES;
  const cell = numbered
    ? Math.max(26, Math.min(50, Math.floor(260 / Math.max(kh, kw))))
    : Math.max(6, Math.min(16, Math.floor(80 / Math.max(kh, kw))));
  return (
    <>
      <h3 className="tp-h">{t('maps.filterTitle', { layer, filter })}</h3>
      <div className={`fm-slices${numbered ? '' : ' is-compact'}`}>
        {slices.map((slice, c) => (
          <figure key={c} className="fm-slice">
            <div className="fm-weights" style={{ gridTemplateColumns: `repeat(${kw}, ${cell}px)` }}>
              {Array.from(slice, (v, i) => {
                const g = grayLevel(v, kernel);
                return (
                  <span
                    key={i}
                    style={{
                      background: `rgb(${g},${g},${g})`,
                      color: g > 140 ? '#1d2433' : '#fff',
                      height: cell,
                      fontSize: cell < 36 ? 9 : 11,
                    }}
                    title={String(v)}
                  >
                    {numbered && (Math.abs(v) >= 10 ? v.toFixed(0) : v.toFixed(2))}
                  </span>
                );
              })}
            </div>
            {cin > 1 && <figcaption>{numbered ? t('maps.inChannel', { c }) : c}</figcaption>}
          </figure>
        ))}
      </div>
      {!numbered && <p className="tp-muted">{t('maps.sliceHelp', { n: cin })}</p>}
      {cin > MAX_SLICES && <p className="tp-muted">{t('maps.moreSlices', { n: cin - MAX_SLICES })}</p>}
      <p className="fm-range" data-testid="enlarged-range">
        {t('maps.valueRange', { min: formatValue(own.min), max: formatValue(own.max) })}
      </p>
      <p className="tp-muted">{t('maps.normalised', { min: formatValue(kernel.min), max: formatValue(kernel.max) })}</p>
    </>
  );
}

/** One feature-map channel or one filter, large, with its value range; follows the epoch slider. */
export function EnlargedView({ what, inspection, onClose }: { what: Enlarged; inspection: Inspection; onClose(): void }) {
  const t = useTrainingT();
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    closeRef.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  const map = what.kind === 'map' ? inspection.featureMaps.find((m) => m.layer === what.layer)?.map : undefined;
  const kernel = what.kind === 'kernel' ? inspection.kernels.find((k) => k.layer === what.layer)?.kernel : undefined;
  return (
    <div className="fm-overlay" onClick={onClose} role="presentation">
      <div className="fm-dialog" role="dialog" aria-modal="true" data-testid="enlarged-view" onClick={(e) => e.stopPropagation()}>
        {map && <MapDetail layer={what.layer} map={map} channel={what.index} />}
        {kernel && <KernelDetail layer={what.layer} kernel={kernel} filter={what.index} />}
        <div className="fm-dialog__actions">
          <button ref={closeRef} type="button" className="btn" onClick={onClose}>
            {t('maps.close')}
          </button>
        </div>
      </div>
    </div>
  );
}
