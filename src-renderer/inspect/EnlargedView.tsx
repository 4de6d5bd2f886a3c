import { useEffect, useMemo, useRef } from 'react';
import type { KernelRole, TensorView } from '../../src-shared/engine/protocol';
import { useTrainingT } from '../training/i18n-context';
import type { Enlarged } from './LayerGrids';
import type { Inspection } from './inspect-store';
import { PixelCanvas } from './PixelCanvas';
import { findKernel, mapOfLayer } from './sections';
import {
  channelImage,
  channelRange,
  depthwiseRange,
  depthwiseSlice,
  depthwiseSource,
  filterRange,
  formatValue,
  grayLevel,
  kernelDims,
  kernelSlice,
  pointwiseMatrix,
  type Range,
} from './tensor-image';

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

/** Weights as a grid of gray cells on the kernel's scale, each with its value written when `numbered`. */
function Weights({
  values,
  cols,
  cell,
  range,
  numbered,
}: {
  values: ArrayLike<number>;
  cols: number;
  cell: number;
  range: Range;
  numbered: boolean;
}) {
  return (
    <div className="fm-weights" style={{ gridTemplateColumns: `repeat(${cols}, ${cell}px)` }}>
      {Array.from(values, (v, i) => {
        const g = grayLevel(v, range);
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
  );
}

function cellSize(numbered: boolean, side: number): number {
  return numbered ? Math.max(26, Math.min(50, Math.floor(260 / side))) : Math.max(6, Math.min(16, Math.floor(80 / side)));
}

function KernelRanges({ own, kernel }: { own: Range; kernel: TensorView }) {
  const t = useTrainingT();
  return (
    <>
      <p className="fm-range" data-testid="enlarged-range">
        {t('maps.valueRange', { min: formatValue(own.min), max: formatValue(own.max) })}
      </p>
      <p className="tp-muted">{t('maps.normalised', { min: formatValue(kernel.min), max: formatValue(kernel.max) })}</p>
    </>
  );
}

/** A Conv2D's or Conv2DTranspose's filter: its kh×kw weights for every input channel. */
function FilterDetail({ layer, kernel, role, filter }: { layer: string; kernel: TensorView; role: KernelRole; filter: number }) {
  const t = useTrainingT();
  const { kh, kw, cin } = kernelDims(kernel.shape, role);
  const own = useMemo(() => filterRange(kernel, filter, role), [kernel, filter, role]);
  const slices = useMemo(
    () => Array.from({ length: Math.min(cin, MAX_SLICES) }, (_, c) => kernelSlice(kernel, filter, c, role)),
    [kernel, filter, cin, role],
  );
  const numbered = cin <= NUMBERED_SLICES;
  const cell = cellSize(numbered, Math.max(kh, kw));
  return (
    <>
      <h3 className="tp-h">{t('maps.filterTitle', { layer, filter })}</h3>
      <div className={`fm-slices${numbered ? '' : ' is-compact'}`}>
        {slices.map((slice, c) => (
          <figure key={c} className="fm-slice">
            <Weights values={slice} cols={kw} cell={cell} range={kernel} numbered={numbered} />
            {cin > 1 && <figcaption>{numbered ? t('maps.inChannel', { c }) : c}</figcaption>}
          </figure>
        ))}
      </div>
      {!numbered && <p className="tp-muted">{t('maps.sliceHelp', { n: cin })}</p>}
      {cin > MAX_SLICES && <p className="tp-muted">{t('maps.moreSlices', { n: cin - MAX_SLICES })}</p>}
      <KernelRanges own={own} kernel={kernel} />
    </>
  );
}

/** The kh×kw kernel that makes one output channel of a depthwise convolution from one input channel. */
function DepthwiseDetail({ layer, kernel, out }: { layer: string; kernel: TensorView; out: number }) {
  const t = useTrainingT();
  const { kh, kw, cout: dm } = kernelDims(kernel.shape, 'depthwise');
  const { channel, multiplier: m } = depthwiseSource(out, dm);
  const slice = useMemo(() => depthwiseSlice(kernel, out), [kernel, out]);
  const own = useMemo(() => depthwiseRange(kernel, out), [kernel, out]);
  return (
    <>
      <h3 className="tp-h">{t('maps.depthwiseTitle', { layer, channel, m, out })}</h3>
      <Weights values={slice} cols={kw} cell={cellSize(true, Math.max(kh, kw))} range={kernel} numbered />
      <KernelRanges own={own} kernel={kernel} />
    </>
  );
}

/** A pointwise kernel's 1×1 weights as a table: a row per input channel, a column per filter. */
function PointwiseDetail({ layer, kernel }: { layer: string; kernel: TensorView }) {
  const t = useTrainingT();
  const m = useMemo(() => pointwiseMatrix(kernel), [kernel]);
  const values = useMemo(() => Float32Array.from({ length: m.rows * m.cols }, (_, i) => m.at(Math.floor(i / m.cols), i % m.cols)), [m]);
  const numbered = m.rows <= 12 && m.cols <= 12;
  const cell = numbered ? 40 : Math.max(6, Math.min(16, Math.floor(600 / Math.max(m.rows, m.cols))));
  return (
    <>
      <h3 className="tp-h">{t('maps.pointwiseTitle', { layer })}</h3>
      <Weights values={values} cols={m.cols} cell={cell} range={kernel} numbered={numbered} />
      <p className="tp-muted">{t('maps.pointwiseAxes', { rows: m.rows, cols: m.cols })}</p>
      <KernelRanges own={kernel} kernel={kernel} />
    </>
  );
}

function KernelDetail({ layer, kernel, role, index }: { layer: string; kernel: TensorView; role: KernelRole; index: number }) {
  if (role === 'depthwise') return <DepthwiseDetail layer={layer} kernel={kernel} out={index} />;
  if (role === 'pointwise') return <PointwiseDetail layer={layer} kernel={kernel} />;
  return <FilterDetail layer={layer} kernel={kernel} role={role} filter={index} />;
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
  // A merge's input may be the Input itself: its map is the input image.
  const map = what.kind === 'map' ? mapOfLayer(inspection, what.layer) : undefined;
  const kernel = what.kind === 'kernel' ? findKernel(inspection, what.layer, what.role) : undefined;
  return (
    <div className="fm-overlay" onClick={onClose} role="presentation">
      <div className="fm-dialog" role="dialog" aria-modal="true" data-testid="enlarged-view" onClick={(e) => e.stopPropagation()}>
        {map && <MapDetail layer={what.layer} map={map} channel={what.index} />}
        {kernel && what.kind === 'kernel' && <KernelDetail layer={what.layer} kernel={kernel} role={what.role} index={what.index} />}
        <div className="fm-dialog__actions">
          <button ref={closeRef} type="button" className="btn" onClick={onClose}>
            {t('maps.close')}
          </button>
        </div>
      </div>
    </div>
  );
}
