import { useEffect, useRef } from 'react';
import { useUiStore } from '../store/ui-store';

/** The one modal dialog of the app (discard changes?, restore unsaved work?). */
export function ConfirmDialog() {
  const dialog = useUiStore((s) => s.dialog);
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!dialog) return;
    confirmRef.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') dialog.resolve(false);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [dialog]);
  if (!dialog) return null;
  return (
    <div className="backdrop" data-testid="dialog-backdrop">
      <div className="dialog" role="alertdialog" aria-modal="true" aria-labelledby="dialog-title" data-testid="dialog">
        <h2 id="dialog-title" className="dialog__title">
          {dialog.title}
        </h2>
        <p className="dialog__body">{dialog.body}</p>
        <div className="dialog__actions">
          <button type="button" className="btn btn--ghost" data-testid="dialog-cancel" onClick={() => dialog.resolve(false)}>
            {dialog.cancel}
          </button>
          <button
            ref={confirmRef}
            type="button"
            className={`btn ${dialog.danger ? 'btn--danger' : 'btn--primary'}`}
            data-testid="dialog-confirm"
            onClick={() => dialog.resolve(true)}
          >
            {dialog.confirm}
          </button>
        </div>
      </div>
    </div>
  );
}
