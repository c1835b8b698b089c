import { useId, useState, type FormEvent } from 'react';
import { LIMITS } from '../../shared/model/fields';

interface NameFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
}

/** A required name, checked where it is typed; the message is tied to the field for screen readers. */
export function NameField({ label, value, onChange, error }: NameFieldProps) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        className="input"
        value={value}
        maxLength={LIMITS.nameLength}
        autoFocus
        onFocus={(event) => event.currentTarget.select()}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      />
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}

/** Submit handling for the name dialogs: refuses a blank name, shows a failed call's message in place. */
export function useSubmitState() {
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent, name: string, action: () => Promise<void>) => {
    event.preventDefault();
    if (!name.trim()) return setError('Give the map a name.');
    setBusy(true);
    try {
      await action();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return { error, busy, submit };
}
