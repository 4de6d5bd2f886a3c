import { useEffect, useRef, useState, type InputHTMLAttributes } from 'react';

interface Props extends Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange'> {
  /** The text of the stored value. */
  readonly value: string;
  /** Called on every keystroke with the new text; returns the text of what was stored. */
  readonly onCommit: (text: string) => string;
}

/**
 * A text input that keeps what the user types ("1." or "-") while committing every keystroke,
 * and follows the stored value when it changes from elsewhere (undo, another field).
 */
export function TextField({ value, onCommit, ...rest }: Props) {
  const [draft, setDraft] = useState(value);
  const committed = useRef(value);
  useEffect(() => {
    if (value !== committed.current) {
      committed.current = value;
      setDraft(value);
    }
  }, [value]);
  return (
    <input
      {...rest}
      value={draft}
      spellCheck={false}
      autoComplete="off"
      onChange={(e) => {
        setDraft(e.target.value);
        committed.current = onCommit(e.target.value);
      }}
    />
  );
}
