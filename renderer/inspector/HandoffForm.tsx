import { useId, useState, useEffect } from 'react';
import { useEditor } from '../editor/EditorContext';
import { invoke } from '../editor/editorStore';
import { updateHandoff, type HandoffChanges } from '../../shared/document/commands';
import type { MapDoc } from '../../shared/document/mapDoc';
import type { Handoff } from '../../shared/model/handoff';
import { LIMITS } from '../../shared/model/fields';
import { SelectField, TextField } from './fields';

/** SLA hours: empty clears it; anything but a number from 0 up is refused at the field. */
function SlaField({ value, onCommit }: { value: number | undefined; onCommit: (hours: number | null) => string | undefined }) {
  const id = useId();
  const [draft, setDraft] = useState(value === undefined ? '' : String(value));
  const [error, setError] = useState<string>();
  useEffect(() => setDraft(value === undefined ? '' : String(value)), [value]);
  const commit = () => {
    const text = draft.trim();
    if (text === (value === undefined ? '' : String(value))) return setError(undefined);
    if (text === '') return setError(onCommit(null));
    const hours = Number(text);
    if (!Number.isFinite(hours)) return setError('SLA hours must be a number.');
    if (hours < 0) return setError('SLA hours must be zero or more.');
    if (hours > LIMITS.slaHours) return setError(`SLA hours can be at most ${LIMITS.slaHours} (a year).`);
    setError(onCommit(hours));
  };
  return (
    <div className="field">
      <label htmlFor={id}>SLA hours</label>
      <input
        id={id}
        className="input"
        type="number"
        min={0}
        step="any"
        inputMode="decimal"
        value={draft}
        placeholder="e.g. 24"
        onChange={(event) => setDraft(event.target.value)}
        onBlur={commit}
        onKeyDown={(event) => event.key === 'Enter' && commit()}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      />
      {error && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

export function HandoffForm({ handoff, doc, focusField }: { handoff: Handoff; doc: MapDoc; focusField?: string }) {
  const editor = useEditor();
  const change = (changes: HandoffChanges) => editor.runForField(invoke(updateHandoff, { id: handoff.id, changes }));
  const teams = doc.teamOrder.map((id) => ({ value: id, label: doc.teams.get(id)!.name }));
  const stages = doc.stageOrder.map((id) => ({ value: id, label: doc.stages.get(id)!.name }));
  return (
    <div className="form">
      <SelectField label="From" value={handoff.fromTeamId} options={teams} onChange={(fromTeamId) => change({ fromTeamId })} />
      <SelectField label="To" value={handoff.toTeamId} options={teams} onChange={(toTeamId) => change({ toTeamId })} />
      {handoff.fromTeamId === handoff.toTeamId && <p className="field-note">From and To are the same team: nothing is handed over.</p>}
      <SelectField label="Stage" value={handoff.stageId} options={stages} onChange={(stageId) => change({ stageId })} />
      <TextField
        label="Criteria"
        value={handoff.criteria}
        multiline
        maxLength={LIMITS.shortTextLength}
        placeholder="What makes the buyer ready: an MQL or SQL definition"
        autoFocus={focusField === 'Criteria'}
        onCommit={(criteria) => change({ criteria })}
      />
      <SlaField value={handoff.slaHours} onCommit={(slaHours) => change({ slaHours })} />
    </div>
  );
}
