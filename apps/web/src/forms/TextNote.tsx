import { useId } from 'react';

export interface TextNoteProps {
  /** The textarea's id, when the caller moves focus to it (an empty required note). */
  id?: string;
  label: string;
  value: string;
  /** Called with the new text; the caller clears its error here. */
  onChange: (text: string) => void;
  required?: boolean;
  maxLength: number;
  placeholder?: string;
  /** The message shown under the field when it was left empty but is required. */
  error?: string;
}

/**
 * The free-text note beside a generated form (a step's comment, a whistle's
 * reason, a report's note): one label, one textarea, one error, wired for
 * screen readers the same way everywhere. The caller checks a required note
 * itself (no native `required`), so its own message shows, in the page language.
 */
export function TextNote({ id: givenId, label, value, onChange, required, maxLength, placeholder, error }: TextNoteProps) {
  const ownId = useId();
  const id = givenId ?? ownId;
  return (
    <div className={`field ${error ? 'field-invalid' : ''}`}>
      <label htmlFor={id}>
        {label}
        {required && (
          <span className="req" aria-hidden="true">
            *
          </span>
        )}
      </label>
      <textarea
        id={id}
        rows={3}
        maxLength={maxLength}
        aria-required={required || undefined}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        placeholder={placeholder}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      />
      {error && (
        <ul id={`${id}-error`} className="field-errors">
          <li>{error}</li>
        </ul>
      )}
    </div>
  );
}
