import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useT } from '../i18n/i18n';
import { useUiStore } from '../store/ui-store';
import { useProjectStore } from '../store/project-store';

/** The popover that shows how a shape or count was computed, with the real numbers. */
export function FormulaPopover() {
  const t = useT();
  const popover = useUiStore((s) => s.popover);
  const ref = useRef<HTMLDivElement>(null);
  const [pos, setPos] = useState<{ left: number; top: number } | null>(null);

  // Keep the popover on screen: flip above the anchor or shift left when it would overflow.
  useLayoutEffect(() => {
    if (!popover || !ref.current) return;
    const r = ref.current.getBoundingClientRect();
    const left = Math.max(8, Math.min(popover.x, window.innerWidth - r.width - 8));
    const below = popover.y + 6;
    const top = below + r.height > window.innerHeight - 8 ? Math.max(8, popover.y - r.height - 36) : below;
    setPos({ left, top });
  }, [popover]);

  // The popover is a snapshot of one analysis: any edit of the graph closes it.
  useEffect(
    () =>
      useProjectStore.subscribe((state, prev) => {
        if (state.project.graph !== prev.project.graph && !state.dragging) useUiStore.getState().closeFormula();
      }),
    [],
  );

  useEffect(() => {
    if (!popover) return;
    const close = () => useUiStore.getState().closeFormula();
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && close();
    const onDown = (e: PointerEvent) => {
      if (ref.current && !ref.current.contains(e.target as Node)) close();
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('pointerdown', onDown, true);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('pointerdown', onDown, true);
    };
  }, [popover]);

  if (!popover) return null;
  return (
    <div
      ref={ref}
      className="formula"
      role="dialog"
      aria-label={popover.title}
      data-testid="formula-popover"
      style={pos ? { left: pos.left, top: pos.top } : { left: popover.x, top: popover.y + 6, visibility: 'hidden' }}
    >
      <div className="formula__head">
        <span className="formula__title">{popover.title}</span>
        <button
          type="button"
          className="formula__close"
          aria-label={t('formula.close')}
          onClick={() => useUiStore.getState().closeFormula()}
        >
          ×
        </button>
      </div>
      <div className="formula__value">{popover.value}</div>
      <table className="formula__lines">
        <tbody>
          {popover.lines.map((line, i) => (
            <tr key={i}>
              {line.label !== undefined && <th>{line.label}</th>}
              <td colSpan={line.label === undefined ? 2 : 1} className="mono" data-testid="formula-line">
                {line.formula}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {popover.note && <p className="formula__note">{popover.note}</p>}
    </div>
  );
}
