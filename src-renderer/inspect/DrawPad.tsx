import { useCallback, useEffect, useId, useRef, useState, type PointerEvent } from 'react';
import { useTrainingT } from '../training/i18n-context';
import { paintStroke } from './brush';
import { PIXELS } from './inspect-store';

const SIDE = 28;
const DISPLAY = 196;

interface DrawPadProps {
  /** The drawing to show (e.g. after Clear); the pad keeps its own copy while drawing. */
  readonly pixels: Uint8Array<ArrayBuffer>;
  readonly active: boolean;
  onChange(pixels: Uint8Array<ArrayBuffer>): void;
}

function paint(canvas: HTMLCanvasElement | null, pixels: Uint8Array): void {
  const ctx = canvas?.getContext('2d');
  if (!ctx) return;
  const rgba = new Uint8ClampedArray(PIXELS * 4);
  for (let i = 0; i < PIXELS; i++) {
    const v = pixels[i]!;
    rgba[i * 4] = v;
    rgba[i * 4 + 1] = v;
    rgba[i * 4 + 2] = v;
    rgba[i * 4 + 3] = 255;
  }
  ctx.putImageData(new ImageData(rgba, SIDE, SIDE), 0, 0);
}

/** A 28×28 grayscale pad: white ink on black, like the dataset's images; mouse, pen or touch. */
export function DrawPad({ pixels, active, onChange }: DrawPadProps) {
  const t = useTrainingT();
  const brushId = useId();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const buffer = useRef<Uint8Array<ArrayBuffer>>(new Uint8Array(pixels));
  const last = useRef<{ x: number; y: number } | null>(null);
  const [brush, setBrush] = useState(1.5);

  // Outside changes (Clear, a restored drawing) replace the pad's copy.
  useEffect(() => {
    if (pixels !== buffer.current) {
      buffer.current = new Uint8Array(pixels);
      paint(canvasRef.current, buffer.current);
    }
  }, [pixels]);

  const toGrid = (e: PointerEvent<HTMLCanvasElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    return { x: ((e.clientX - r.left) / r.width) * SIDE, y: ((e.clientY - r.top) / r.height) * SIDE };
  };

  const stroke = useCallback(
    (to: { x: number; y: number }) => {
      const from = last.current ?? to;
      paintStroke(buffer.current, SIDE, from, to, brush);
      last.current = to;
      paint(canvasRef.current, buffer.current);
      const copy = new Uint8Array(buffer.current);
      // Remember which array is ours, so the effect above does not repaint it.
      buffer.current = copy;
      onChange(copy);
    },
    [brush, onChange],
  );

  const clear = () => {
    last.current = null;
    buffer.current = new Uint8Array(PIXELS);
    paint(canvasRef.current, buffer.current);
    onChange(buffer.current);
  };

  return (
    <div className={`drawpad${active ? ' is-active' : ''}`}>
      <canvas
        ref={canvasRef}
        width={SIDE}
        height={SIDE}
        className="drawpad__canvas"
        style={{ width: DISPLAY, height: DISPLAY }}
        data-testid="draw-pad"
        aria-label={t('maps.drawHelp')}
        title={t('maps.drawHelp')}
        onPointerDown={(e) => {
          if (e.button !== 0 && e.pointerType === 'mouse') return;
          e.preventDefault();
          e.currentTarget.setPointerCapture(e.pointerId);
          last.current = null;
          stroke(toGrid(e));
        }}
        onPointerMove={(e) => {
          if (!e.currentTarget.hasPointerCapture(e.pointerId)) return;
          stroke(toGrid(e));
        }}
        onPointerUp={(e) => {
          last.current = null;
          if (e.currentTarget.hasPointerCapture(e.pointerId)) e.currentTarget.releasePointerCapture(e.pointerId);
        }}
        onPointerCancel={() => {
          last.current = null;
        }}
      />
      <div className="drawpad__tools">
        <label htmlFor={brushId}>{t('maps.brush')}</label>
        <input
          id={brushId}
          type="range"
          min={0.5}
          max={3}
          step={0.25}
          value={brush}
          onChange={(e) => setBrush(Number(e.target.value))}
          data-testid="draw-brush"
        />
        <button type="button" className="btn btn--small" onClick={clear} data-testid="draw-clear">
          {t('maps.clear')}
        </button>
      </div>
    </div>
  );
}
