import { memo, useMemo, useState, type ReactNode } from 'react';
import type { KernelRole, TensorView } from '../../src-shared/engine/protocol';
import { useTrainingT } from '../training/i18n-context';
import { PixelCanvas } from './PixelCanvas';
import { sharedRange, type KernelSection, type MapSection } from './sections';
import {
  channelImage,
  depthwiseImage,
  filterColourImage,
  hasColourFilters,
  depthwiseSource,
  filterImage,
  formatValue,
  kernelDims,
  mapDims,
  pointwiseImage,
  tileCount,
  type Range,
} from './tensor-image';

/** What the user clicked to see large: a map's channel (of any layer, or the input), or one tile of a kernel. */
export type Enlarged =
  | { readonly kind: 'map'; readonly layer: string; readonly index: number }
  | { readonly kind: 'kernel'; readonly layer: string; readonly role: KernelRole; readonly index: number };

const FIRST = 64;

const ChannelTile = memo(function ChannelTile({
  layer,
  map,
  channel,
  size,
  range,
  testId,
  title,
  onOpen,
}: {
  layer: string;
  map: TensorView;
  channel: number;
  size: number;
  range: Range;
  testId: string;
  title: string;
  onOpen(e: Enlarged): void;
}) {
  const image = useMemo(() => channelImage(map, channel, range), [map, channel, range]);
  return (
    <figure className="fm-tile">
      <PixelCanvas image={image} size={size} testId={testId} title={title} onClick={() => onOpen({ kind: 'map', layer, index: channel })} />
      <figcaption>{channel}</figcaption>
    </figure>
  );
});

/** The first 64 tiles of a grid, and a button for the rest. */
function Tiles({ count, tile }: { count: number; tile(i: number): ReactNode }) {
  const t = useTrainingT();
  const [all, setAll] = useState(false);
  const shown = all ? count : Math.min(count, FIRST);
  return (
    <>
      <div className="fm-grid">{Array.from({ length: shown }, (_, i) => tile(i))}</div>
      {shown < count && (
        <button type="button" className="btn btn--small" onClick={() => setAll(true)}>
          {t('maps.showAll', { n: count })}
        </button>
      )}
    </>
  );
}

function tileSize(zoom: number, channels: number): number {
  return Math.round(zoom * Math.max(40, Math.min(72, Math.round(1100 / Math.max(channels, 16)))));
}

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
  const { height, width, channels } = mapDims(map.shape);
  const size = tileSize(zoom, channels);
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
      <Tiles
        count={channels}
        tile={(c) => (
          <ChannelTile
            key={c}
            layer={layer}
            map={map}
            channel={c}
            size={size}
            range={map}
            testId={`featuremap-${layer}-${c}`}
            title={t('maps.channelTip', { layer, channel: c })}
            onOpen={onOpen}
          />
        )}
      />
    </section>
  );
});

/** One column of a merge's section: an input's maps or the output's, on the merge's shared gray scale. */
function MergePart({
  label,
  map,
  range,
  size,
  testId,
  layer,
  tileId,
  tip,
  onOpen,
  output,
  port,
}: {
  label: string;
  map: TensorView;
  range: Range;
  size: number;
  testId: string;
  /** The layer whose maps these are (the input's own layer, so a click enlarges its map). */
  layer: string;
  tileId(c: number): string;
  tip(c: number): string;
  onOpen(e: Enlarged): void;
  output?: boolean;
  port?: number;
}) {
  const { height, width, channels } = mapDims(map.shape);
  return (
    <div
      className={`fm-merge__part${output ? ' is-output' : ''}`}
      data-testid={testId}
      data-layer={layer}
      {...(port !== undefined ? { 'data-port': port } : {})}
    >
      <div className="fm-merge__label">
        <strong>{label}</strong>{' '}
        <span className="tp-muted mono">
          {height}×{width}×{channels}
        </span>
      </div>
      <Tiles
        count={channels}
        tile={(c) => (
          <ChannelTile
            key={c}
            layer={layer}
            map={map}
            channel={c}
            size={size}
            range={range}
            testId={tileId(c)}
            title={tip(c)}
            onOpen={onOpen}
          />
        )}
      />
    </div>
  );
}

/**
 * A merge (Add, Concatenate…): its inputs' maps in port order, then its output, side by side on
 * one gray scale, so what was added or joined is visible.
 */
export const MergeMaps = memo(function MergeMaps({
  section,
  zoom,
  onOpen,
}: {
  section: MapSection;
  zoom: number;
  onOpen(e: Enlarged): void;
}) {
  const t = useTrainingT();
  const { layer, kind, map, inputs } = section;
  const range = useMemo(() => sharedRange(section), [section]);
  const { height, width, channels } = mapDims(map.shape);
  const widest = Math.max(channels, ...inputs.map((i) => mapDims(i.map.shape).channels));
  // Several grids share the row: smaller tiles than a layer of its own.
  const size = Math.round(tileSize(zoom, widest) * 0.75);
  return (
    <section className="fm-layer fm-merge" data-testid={`layer-maps-${layer}`} data-inputs={inputs.length}>
      <header className="fm-layer__head">
        <strong>{layer}</strong>
        <span className="fm-kind">{kind}</span>
        <span className="tp-muted mono">
          {height}×{width}×{channels}
        </span>
        <span className="tp-muted">{t('maps.range', { min: formatValue(range.min), max: formatValue(range.max) })}</span>
      </header>
      <p className="tp-muted tp-help">{t('maps.mergeHelp', { kind, min: formatValue(range.min), max: formatValue(range.max) })}</p>
      <div className="fm-merge__parts">
        {inputs.map((input) => (
          <MergePart
            key={input.port}
            label={t('maps.mergeInput', { port: input.port, layer: input.layer })}
            map={input.map}
            range={range}
            size={size}
            testId={`layer-maps-input-${layer}-${input.port}`}
            layer={input.layer}
            port={input.port}
            tileId={(c) => `featuremap-input-${layer}-${input.port}-${c}`}
            tip={(c) => t('maps.mergeTip', { layer: input.layer, port: input.port, merge: layer, channel: c })}
            onOpen={onOpen}
          />
        ))}
        <span className="fm-merge__arrow" aria-hidden="true">
          →
        </span>
        <MergePart
          label={t('maps.mergeOutput')}
          map={map}
          range={range}
          size={size}
          testId={`layer-maps-output-${layer}`}
          layer={layer}
          tileId={(c) => `featuremap-${layer}-${c}`}
          tip={(c) => t('maps.channelTip', { layer, channel: c })}
          onOpen={onOpen}
          output
        />
      </div>
    </section>
  );
});

/** A layer's maps: a merge with its inputs, any other layer on its own. */
export function MapSectionView({ section, zoom, onOpen }: { section: MapSection; zoom: number; onOpen(e: Enlarged): void }) {
  if (section.inputs.length > 0) return <MergeMaps section={section} zoom={zoom} onOpen={onOpen} />;
  return <LayerMaps layer={section.layer} kind={section.kind} map={section.map} zoom={zoom} onOpen={onOpen} />;
}

function KernelHead({ section, children }: { section: KernelSection; children: ReactNode }) {
  const t = useTrainingT();
  const { layer, kind, role, kernel } = section;
  return (
    <header className="fm-layer__head">
      <strong>{layer}</strong>
      <span className="fm-kind">{kind}</span>
      {role !== 'conv' && (
        <span className="fm-kind fm-role" data-role={role}>
          {t(`maps.role.${role}`)}
        </span>
      )}
      {children}
      <span className="tp-muted">{t('maps.range', { min: formatValue(kernel.min), max: formatValue(kernel.max) })}</span>
    </header>
  );
}

/** The filters of a Conv2D or Conv2DTranspose layer: one tile per filter (output channel), one square per input channel. */
function FilterGrid({ section, zoom, onOpen }: { section: KernelSection; zoom: number; onOpen(e: Enlarged): void }) {
  const t = useTrainingT();
  const { layer, role, kernel } = section;
  const { kh, kw, cin, cout } = kernelDims(kernel.shape, role);
  const size = Math.round(zoom * (cin === 1 ? 48 : 64));
  const transposed = role === 'transpose';
  return (
    <section className="fm-layer" data-testid={`layer-kernels-${layer}`} data-role={role}>
      <KernelHead section={section}>
        <span className="tp-muted">{t(transposed ? 'maps.transposeCount' : 'maps.filterCount', { n: cout, kh, kw, cin })}</span>
      </KernelHead>
      {transposed && <p className="tp-muted tp-help">{t('maps.transposeHelp')}</p>}
      <Tiles
        count={cout}
        tile={(f) => (
          <KernelTile
            key={f}
            kernel={kernel}
            role={role}
            index={f}
            size={size}
            testId={`kernel-${layer}-${f}`}
            title={t('maps.filterTip', { layer, filter: f })}
            caption={String(f)}
            layer={layer}
            onOpen={onOpen}
          />
        )}
      />
    </section>
  );
}

/** One kernel tile, drawn once per kernel and tile. */
const KernelTile = memo(function KernelTile({
  layer,
  kernel,
  role,
  index,
  size,
  testId,
  title,
  caption,
  onOpen,
}: {
  layer: string;
  kernel: TensorView;
  role: KernelRole;
  index: number;
  size: number;
  testId: string;
  title: string;
  caption: string;
  onOpen(e: Enlarged): void;
}) {
  const t = useTrainingT();
  const image = useMemo(
    () => (role === 'depthwise' ? depthwiseImage(kernel, index) : filterImage(kernel, index, kernel, role)),
    [kernel, role, index],
  );
  // A filter over red, green and blue (a first layer on colour pictures) is also one colour patch: the colour it looks for.
  const colour = useMemo(
    () => (hasColourFilters(kernel.shape, role) ? filterColourImage(kernel, index) : undefined),
    [kernel, role, index],
  );
  const open = () => onOpen({ kind: 'kernel', layer, role, index });
  return (
    <figure className="fm-tile">
      {colour && (
        <PixelCanvas
          image={colour}
          size={Math.round(size / 2)}
          testId={`${testId}-colour`}
          title={t('maps.filterColourTip', { layer, filter: index })}
          className="fm-kernel fm-kernel--colour"
          onClick={open}
        />
      )}
      <PixelCanvas image={image} size={size} testId={testId} title={title} className="fm-kernel" onClick={open} />
      <figcaption>{caption}</figcaption>
    </figure>
  );
});

/** A depthwise kernel: one tile per input channel and multiplier, in the order of the output channels they make. */
function DepthwiseGrid({ section, zoom, onOpen }: { section: KernelSection; zoom: number; onOpen(e: Enlarged): void }) {
  const t = useTrainingT();
  const { layer, kernel } = section;
  const { kh, kw, cout: dm } = kernelDims(kernel.shape, 'depthwise');
  const count = tileCount(kernel.shape, 'depthwise');
  const size = Math.round(zoom * 44);
  return (
    <section className="fm-layer" data-testid={`layer-kernels-${layer}-depthwise`} data-role="depthwise">
      <KernelHead section={section}>
        <span className="tp-muted">{t('maps.depthwiseCount', { n: count, kh, kw })}</span>
      </KernelHead>
      <p className="tp-muted tp-help">{dm > 1 ? t('maps.depthwiseHelpMultiplier', { dm }) : t('maps.depthwiseHelp')}</p>
      <Tiles
        count={count}
        tile={(out) => {
          const { channel, multiplier: m } = depthwiseSource(out, dm);
          return (
            <KernelTile
              key={out}
              kernel={kernel}
              role="depthwise"
              index={out}
              size={size}
              testId={`kernel-${layer}-depthwise-${out}`}
              title={t('maps.depthwiseTip', { layer, channel, m, out })}
              caption={dm > 1 ? `${channel}·${m}` : String(channel)}
              layer={layer}
              onOpen={onOpen}
            />
          );
        }}
      />
    </section>
  );
}

/** A pointwise kernel: one image of its 1×1 weights, a row per input channel and a column per filter. */
function PointwiseGrid({ section, zoom, onOpen }: { section: KernelSection; zoom: number; onOpen(e: Enlarged): void }) {
  const t = useTrainingT();
  const { layer, kernel } = section;
  const { cin, cout } = kernelDims(kernel.shape, 'pointwise');
  const image = useMemo(() => pointwiseImage(kernel), [kernel]);
  // About 10 px per weight, within what the panel can hold.
  const size = Math.round(zoom * Math.max(48, Math.min(320, 10 * Math.max(cin, cout))));
  return (
    <section className="fm-layer" data-testid={`layer-kernels-${layer}-pointwise`} data-role="pointwise">
      <KernelHead section={section}>
        <span className="tp-muted">{t('maps.pointwiseCount', { n: cout, cin })}</span>
      </KernelHead>
      <p className="tp-muted tp-help">{t('maps.pointwiseHelp')}</p>
      <PixelCanvas
        image={image}
        size={size}
        testId={`kernel-${layer}-pointwise`}
        title={t('maps.pointwiseTip', { layer })}
        className="fm-kernel"
        onClick={() => onOpen({ kind: 'kernel', layer, role: 'pointwise', index: 0 })}
      />
    </section>
  );
}

/** The learned weights of one kernel, drawn as its role asks. */
export const KernelGrid = memo(function KernelGrid({
  section,
  zoom,
  onOpen,
}: {
  section: KernelSection;
  zoom: number;
  onOpen(e: Enlarged): void;
}) {
  if (section.role === 'depthwise') return <DepthwiseGrid section={section} zoom={zoom} onOpen={onOpen} />;
  if (section.role === 'pointwise') return <PointwiseGrid section={section} zoom={zoom} onOpen={onOpen} />;
  return <FilterGrid section={section} zoom={zoom} onOpen={onOpen} />;
});
