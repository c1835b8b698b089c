import { useState } from 'react';
import { Dialog } from '../components/Dialog';
import { TEMPLATES, type TemplateId } from '../../shared/templates';
import { NameField, useSubmitState } from './NameField';

interface NewMapDialogProps {
  onCancel: () => void;
  onCreate: (name: string, template: TemplateId) => Promise<void>;
}

export function NewMapDialog({ onCancel, onCreate }: NewMapDialogProps) {
  const [name, setName] = useState('Untitled journey');
  const [template, setTemplate] = useState<TemplateId>('b2b-funnel');
  const { error, busy, submit } = useSubmitState();
  return (
    <Dialog title="New map" onClose={onCancel}>
      <form className="dialog-form" onSubmit={(event) => submit(event, name, () => onCreate(name.trim(), template))}>
        <NameField label="Map name" value={name} onChange={setName} error={error} />
        <fieldset className="template-choice">
          <legend>Start from</legend>
          {TEMPLATES.map((t) => (
            <label key={t.id} className="template-option">
              <input type="radio" name="template" value={t.id} checked={template === t.id} onChange={() => setTemplate(t.id)} />
              <span>
                <strong>{t.name}</strong>
                <span className="muted">{t.summary}</span>
              </span>
            </label>
          ))}
        </fieldset>
        <div className="dialog-actions">
          <button type="button" className="button ghost" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" className="button primary" disabled={busy}>
            Create map
          </button>
        </div>
      </form>
    </Dialog>
  );
}
