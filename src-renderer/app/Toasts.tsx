import { useUiStore } from '../store/ui-store';

/** Short messages in the corner: what was saved, exported, or why a file could not be opened. */
export function Toasts() {
  const toasts = useUiStore((s) => s.toasts);
  return (
    <div className="toasts" aria-live="polite">
      {toasts.map((toast) => (
        <div
          key={toast.id}
          className={`toast toast--${toast.tone}`}
          role={toast.tone === 'error' ? 'alert' : 'status'}
          data-testid={`toast-${toast.tone}`}
        >
          <div className="toast__text">
            <div className="toast__title">{toast.title}</div>
            {toast.body && <div className="toast__body">{toast.body}</div>}
          </div>
          <button type="button" className="toast__close" aria-label="×" onClick={() => useUiStore.getState().dismiss(toast.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
