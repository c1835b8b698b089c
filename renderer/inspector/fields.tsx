import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';

interface TextFieldProps {
  label: string;
  value: string | undefined;
  /** Returns an error message to show at the field, or undefined when the value was taken. */
  onCommit: (value: string) => string | undefined;
  required?: boolean;
  multiline?: boolean;
  maxLength?: number;
  autoFocus?: boolean;
  placeholder?: string;
}

/**
 * A text field that edits on commit, not per keystroke: Enter (or leaving the field) stores the value as
 * one undoable step, Escape puts back the stored one. A bad value is refused here, with a message.
 */
export function TextField({ label, value, onCommit, required, multiline, maxLength, autoFocus, placeholder }: TextFieldProps) {
  const id = useId();
  const [draft, setDraft] = useState(value ?? '');
  const [error, setError] = useState<string>();
  // Typed but not yet committed: a value changed meanwhile (another window, undo) must not replace the typing.
  const dirty = useRef(false);
  const input = useRef<HTMLInputElement & HTMLTextAreaElement>(null);

  useEffect(() => {
    if (!dirty.current) setDraft(value ?? '');
  }, [value]);

  useEffect(() => {
    if (autoFocus && input.current) {
      input.current.focus();
      input.current.select();
    }
  }, [autoFocus]);

  const commit = () => {
    if (!dirty.current || draft === (value ?? '')) {
      dirty.current = false;
      return setError(undefined);
    }
    if (required && !draft.trim()) return setError(`${label} cannot be empty.`);
    const problem = onCommit(draft);
    dirty.current = problem !== undefined;
    setError(problem);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      dirty.current = false;
      setDraft(value ?? '');
      setError(undefined);
      (event.target as HTMLElement).blur();
    } else if (event.key === 'Enter' && (!multiline || event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      commit();
    }
  };

  const common = {
    id,
    ref: input,
    className: 'input',
    value: draft,
    maxLength,
    placeholder,
    onChange: (event: { target: { value: string } }) => {
      dirty.current = true;
      setDraft(event.target.value);
    },
    onBlur: commit,
    onKeyDown,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error ? `${id}-error` : undefined,
  };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {multiline ? <textarea rows={3} {...common} /> : <input {...common} />}
      {error && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

interface SelectFieldProps<T extends string> {
  label: string;
  value: T;
  options: { value: T; label: string }[];
  onChange: (value: T) => void;
}

export function SelectField<T extends string>({ label, value, options, onChange }: SelectFieldProps<T>) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} className="input" value={value} onChange={(event) => onChange(event.target.value as T)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

interface TeamChecklistProps {
  legend: string;
  teams: { id: string; name: string; color: string }[];
  checked: string[];
  disabled?: string[];
  onChange: (ids: string[]) => void;
  note?: string;
}

/** Teams as checkboxes, in lane order; the order of the checked ones is kept (the first leads the lane). */
export function TeamChecklist({ legend, teams, checked, disabled = [], onChange, note }: TeamChecklistProps) {
  return (
    <fieldset className="field checklist">
      <legend>{legend}</legend>
      {teams.map((team) => (
        <label key={team.id} className="check">
          <input
            type="checkbox"
            checked={checked.includes(team.id)}
            disabled={disabled.includes(team.id)}
            onChange={(event) => onChange(event.target.checked ? [...checked, team.id] : checked.filter((id) => id !== team.id))}
          />
          <span className="check-swatch" style={{ background: team.color }} aria-hidden="true" />
          {team.name}
        </label>
      ))}
      {note && <p className="field-note">{note}</p>}
    </fieldset>
  );
}

interface TagsFieldProps {
  label: string;
  tags: string[];
  onChange: (tags: string[]) => void;
  maxLength: number;
}

/** Short tags (promises): type and press Enter to add; each has its own remove button. */
export function TagsField({ label, tags, onChange, maxLength }: TagsFieldProps) {
  const id = useId();
  const [draft, setDraft] = useState('');
  const add = () => {
    const tag = draft.trim();
    if (tag && !tags.includes(tag)) onChange([...tags, tag]);
    setDraft('');
  };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {tags.length > 0 && (
        <ul className="tags" aria-label={label}>
          {tags.map((tag) => (
            <li key={tag} className="tag">
              {tag}
              <button type="button" className="tag-remove" aria-label={`Remove promise ${tag}`} onClick={() => onChange(tags.filter((t) => t !== tag))}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <input
        id={id}
        className="input"
        value={draft}
        maxLength={maxLength}
        placeholder="Type a promise, press Enter"
        onChange={(event) => setDraft(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            add();
          }
        }}
        onBlur={add}
      />
    </div>
  );
}
