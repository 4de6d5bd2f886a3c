import { memo, useEffect, useRef, type KeyboardEvent } from 'react';
import type { PixelImage } from './tensor-image';

export type { PixelImage };

interface PixelCanvasProps {
  readonly image: PixelImage;
  /** Displayed size of the longer side, in CSS pixels (the image is scaled without smoothing). */
  readonly size: number;
  readonly testId?: string;
  readonly title?: string;
  readonly label?: string;
  readonly className?: string;
  readonly onClick?: () => void;
}

/** A small image drawn with putImageData in an effect (never during render), scaled up crisply. */
export const PixelCanvas = memo(function PixelCanvas({ image, size, testId, title, label, className, onClick }: PixelCanvasProps) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const canvas = ref.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx || image.width === 0 || image.height === 0) return;
    ctx.putImageData(new ImageData(image.pixels, image.width, image.height), 0, 0);
  }, [image]);
  const scale = size / Math.max(image.width, image.height, 1);
  const onKey = onClick
    ? (e: KeyboardEvent<HTMLCanvasElement>) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          onClick();
        }
      }
    : undefined;
  return (
    <canvas
      ref={ref}
      width={Math.max(1, image.width)}
      height={Math.max(1, image.height)}
      className={`px-canvas${onClick ? ' is-clickable' : ''}${className ? ` ${className}` : ''}`}
      style={{ width: Math.round(image.width * scale), height: Math.round(image.height * scale) }}
      data-testid={testId}
      title={title}
      aria-label={label ?? title}
      role={onClick ? 'button' : 'img'}
      tabIndex={onClick ? 0 : undefined}
      onClick={onClick}
      onKeyDown={onKey}
    />
  );
});
