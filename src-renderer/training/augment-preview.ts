import type { EngineCommand, TensorView } from '../../src-shared/engine/protocol';
import type { Graph } from '../../src-shared/graph/schema';
import type { TrainingSettings } from '../../src-shared/project/training';

/** RGBA pixels of an image, as PixelCanvas draws them. */
export interface PictureImage {
  readonly width: number;
  readonly height: number;
  readonly pixels: Uint8ClampedArray<ArrayBuffer>;
}

/** Training images in a preview, and augmented versions of each: rows of 1 + 5 small tiles fit the settings column. */
export const PREVIEW_SAMPLES = 4;
export const PREVIEW_VERSIONS = 5;

/** What a preview depends on: when none of it changed, the grid on screen is still right. */
export function previewKey(settings: TrainingSettings): string {
  const { dataset, dataDir, seed, validationSplit, augmentation } = settings;
  return JSON.stringify([dataset, dataDir, seed, validationSplit, augmentation]);
}

/** The augment-preview command for these settings; `draw` > 0 asks for other images than the settings' seed gives. */
export function previewCommand(requestId: string, graph: Graph, settings: TrainingSettings, draw: number): EngineCommand {
  return {
    type: 'augment-preview',
    requestId,
    graph,
    settings,
    samples: PREVIEW_SAMPLES,
    versions: PREVIEW_VERSIONS,
    // A different seed per draw, still within the setting's range and reproducible.
    ...(draw > 0 ? { seed: (settings.seed + draw * 7919) % 2 ** 31 } : {}),
  };
}

/** Training images of each class the dataset view shows. */
export const CLASS_SAMPLES = 4;

/** The augment-preview command of the dataset view: CLASS_SAMPLES training images of each class, in class order. */
export function classSamplesCommand(requestId: string, graph: Graph, settings: TrainingSettings): EngineCommand {
  return { type: 'augment-preview', requestId, graph, settings, samples: 1, versions: 1, perClass: CLASS_SAMPLES };
}

/** The originals of a preview grouped by label, in label order (the dataset view's rows). */
export function samplesByClass<S extends { readonly label: number }>(samples: readonly S[]): Map<number, S[]> {
  const rows = new Map<number, S[]>();
  for (const s of samples) (rows.get(s.label) ?? rows.set(s.label, []).get(s.label)!).push(s);
  return rows;
}

/** A 0–1 image [h, w, c] as opaque RGBA: colour from its first three channels, gray from one; values outside 0–1 clipped. */
export function pictureImage(view: TensorView): PictureImage {
  const [height = 1, width = view.data.length, channels = 1] = view.shape.length === 3 ? view.shape : squareOf(view.data.length);
  const pixels = new Uint8ClampedArray(width * height * 4);
  const level = (v: number) => Math.round(Math.min(1, Math.max(0, Number.isFinite(v) ? v : 0)) * 255);
  for (let i = 0; i < width * height; i++) {
    const base = i * channels;
    const r = level(view.data[base]!);
    const colour = channels >= 3;
    pixels[i * 4] = r;
    pixels[i * 4 + 1] = colour ? level(view.data[base + 1]!) : r;
    pixels[i * 4 + 2] = colour ? level(view.data[base + 2]!) : r;
    pixels[i * 4 + 3] = 255;
  }
  return { width, height, pixels };
}

function squareOf(n: number): number[] {
  const side = Math.round(Math.sqrt(n));
  return side * side === n ? [side, side, 1] : [1, n, 1];
}
