import { useEffect, useState } from 'react';

interface Props {
  readonly name: string;
  /** The field's accessible name ("Name of run 3"). */
  readonly label: string;
  readonly testId: string;
  /** Called with the trimmed new name when the user commits one that differs (Enter or leaving the field). */
  onRename(name: string): void;
}

/**
 * A run's name, edited in place: Enter or leaving the field keeps the new name, Escape puts the
 * old one back, an empty name is never sent. Renames cross to the engine, so only a committed
 * name is sent, not every keystroke.
 */
export function RunNameField({ name, label, testId, onRename }: Props) {
  const [draft, setDraft] = useState(name);
  useEffect(() => setDraft(name), [name]);
  const commit = () => {
    const next = draft.trim();
    if (next.length === 0 || next === name) setDraft(name);
    else onRename(next);
  };
  return (
    <input
      className="rv-name"
      value={draft}
      aria-label={label}
      data-testid={testId}
      spellCheck={false}
      autoComplete="off"
      maxLength={120}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          commit();
        } else if (e.key === 'Escape') {
          e.preventDefault();
          setDraft(name);
        }
      }}
    />
  );
}
