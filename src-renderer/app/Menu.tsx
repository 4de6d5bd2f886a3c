import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Icon, type IconName } from './Icon';

/** Which labels give way to their icons first when the toolbar is narrow. */
export type Collapse = 'early' | 'late';

interface MenuProps {
  readonly label: string;
  readonly icon?: IconName;
  readonly testId: string;
  readonly title?: string;
  /** The button's accessible name when its label is empty (an icon-only chevron). */
  readonly ariaLabel?: string;
  /** Renders the items; `close` closes the menu. */
  readonly children: (close: () => void) => ReactNode;
  readonly align?: 'left' | 'right';
  readonly collapse?: Collapse;
  /** Lay long lists out in two columns so they fit a 720-pixel-high window. */
  readonly columns?: 1 | 2;
}

/** A toolbar button with a drop-down list; closes on a click outside, Escape, or a choice. */
export function Menu({ label, icon, testId, title, ariaLabel, children, align = 'left', collapse = 'late', columns = 1 }: MenuProps) {
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const onDown = (e: PointerEvent) => {
      if (ref.current && !ref.current.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && setOpen(false);
    window.addEventListener('pointerdown', onDown, true);
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('pointerdown', onDown, true);
      window.removeEventListener('keydown', onKey);
    };
  }, [open]);
  return (
    <div className="menu" ref={ref}>
      <button
        type="button"
        className={`btn btn--tool${open ? ' is-active' : ''}`}
        data-testid={testId}
        data-collapse={collapse}
        title={title}
        aria-label={ariaLabel ?? (label || title)}
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
      >
        {icon && <Icon name={icon} />}
        {label && <span>{label}</span>}
        <Icon name="chevron" size={12} />
      </button>
      {open && (
        <div className={`menu__list menu__list--${align}${columns === 2 ? ' menu__list--two' : ''}`} role="menu">
          {children(() => setOpen(false))}
        </div>
      )}
    </div>
  );
}

interface ItemProps {
  readonly testId: string;
  readonly label: string;
  readonly hint?: string;
  readonly onSelect: () => void;
  readonly close: () => void;
}

export function MenuItem({ testId, label, hint, onSelect, close }: ItemProps) {
  return (
    <button
      type="button"
      role="menuitem"
      className="menu__item"
      data-testid={testId}
      onClick={() => {
        close();
        onSelect();
      }}
    >
      <span className="menu__label">{label}</span>
      {hint && <span className="menu__hint">{hint}</span>}
    </button>
  );
}
