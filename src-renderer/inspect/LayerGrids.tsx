import { memo, useMemo, useState } from 'react';
import type { TensorView } from '../../src-shared/engine/protocol';
import { useTrainingT } from '../training/i18n-context';
import { PixelCanvas } from './PixelCanvas';
import { channelImage, filterImage, formatValue, kernelDims, mapDims } from './tensor-image';

/** What the user clicked to see large. */
export type Enlarged =
  | { readonly kind: 'map'; readonly layer: string; readonly index: number }
  | { readonly kind: 'kernel'; readonly layer: string; readonly index: number };

const FIRST = 64;

const ChannelTile = memo(function ChannelTile({
  layer,
  map,
  channel,
  size,
  onOpen,
}: {
  layer: string;
  map: TensorView;
  channel: number;
  size: number;
  onOpen(e: Enlarged): void;
}) {
  const t = useTrainingT();
  const image = useMemo(() => channelImage(map, channel), [map, channel]);
  return (
    <figure className="fm-tile">
      <PixelCanvas
        image={image}
        size={size}
        testId={`featuremap-${layer}-${channel}`}
        title={t('maps.channelTip', { layer, channel })}
        onClick={() => onOpen({ kind: 'map', layer, index: channel })}
      />
      <figcaption>{channel}</figcaption>
    </figure>
  );
});

/** Every channel of one layer's output as a grid of grayscale images, normalised by the layer's range. */
export const LayerMaps = memo(function LayerMaps({
  layer,
  kind,
  map,
  zoom,
  onOpen,
}: {
  layer: string;
  kind: string;
  map: TensorView;
  zoom: number;
  onOpen(e: Enlarged): void;
}) {
  const t = useTrainingT();
  const [all, setAll] = useState(false);
  const { height, width, channels } = mapDims(map.shape);
  const count = all ? channels : Math.min(channels, FIRST);
  const size = Math.round(zoom * Math.max(40, Math.min(72, Math.round(1100 / Math.max(channels, 16)))));
  return (
    <section className="fm-layer" data-testid={`layer-maps-${layer}`}>
      <header className="fm-layer__head">
        <strong>{layer}</strong>
        <span className="fm-kind">{kind}</span>
        <span className="tp-muted mono">
          {height}×{width}×{channels}
        </span>
        <span className="tp-muted">{t('maps.range', { min: formatValue(map.min), max: formatValue(map.max) })}</span>
      </header>
      <div className="fm-grid">
        {Array.from({ length: count }, (_, c) => (
          <ChannelTile key={c} layer={layer} map={map} channel={c} size={size} onOpen={onOpen} />
        ))}
      </div>
      {count < channels && (
        <button type="button" className="btn btn--small" onClick={() => setAll(true)}>
          {t('maps.showAll', { n: channels })}
        </button>
      )}
    </section>
  );
});

const FilterTile = memo(function FilterTile({
  layer,
  kernel,
  filter,
  size,
  onOpen,
}: {
  layer: string;
  kernel: TensorView;
  filter: number;
  size: number;
  onOpen(e: Enlarged): void;
}) {
  const t = useTrainingT();
  const image = useMemo(() => filterImage(kernel, filter), [kernel, filter]);
  return (
    <figure className="fm-tile">
      <PixelCanvas
        image={image}
        size={size}
        testId={`kernel-${layer}-${filter}`}
        title={t('maps.filterTip', { layer, filter })}
        className="fm-kernel"
        onClick={() => onOpen({ kind: 'kernel', layer, index: filter })}
      />
      <figcaption>{filter}</figcaption>
    </figure>
  );
});

/** The learned filters of one Conv2D layer: one tile per filter, one square per input channel. */
export const KernelGrid = memo(function KernelGrid({
  layer,
  kernel,
  zoom,
  onOpen,
}: {
  layer: string;
  kernel: TensorView;
  zoom: number;
  onOpen(e: Enlarged): void;
}) {
  const t = useTrainingT();
  const [all, setAll] = useState(false);
  const { kh, kw, cin, cout } = kernelDims(kernel.shape);
  const count = all ? cout : Math.min(cout, FIRST);
  const size = Math.round(zoom * (cin === 1 ? 48 : 64));
  return (
    <section className="fm-layer" data-testid={`layer-kernels-${layer}`}>
      <header className="fm-layer__head">
        <strong>{layer}</strong>
        <span className="fm-kind">Conv2D</span>
        <span className="tp-muted">{t('maps.filterCount', { n: cout, kh, kw, cin })}</span>
        <span className="tp-muted">{t('maps.range', { min: formatValue(kernel.min), max: formatValue(kernel.max) })}</span>
      </header>
      <div className="fm-grid">
        {Array.from({ length: count }, (_, f) => (
          <FilterTile key={f} layer={layer} kernel={kernel} filter={f} size={size} onOpen={onOpen} />
        ))}
      </div>
      {count < cout && (
        <button type="button" className="btn btn--small" onClick={() => setAll(true)}>
          {t('maps.showAll', { n: cout })}
        </button>
      )}
    </section>
  );
});
