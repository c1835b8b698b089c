import { useEditor } from '../editor/EditorContext';
import { invoke } from '../editor/editorStore';
import { updateConnection, updateMapInfo, updateNote, updateStage, updateTeam } from '../../shared/document/commands';
import type { MapDoc } from '../../shared/document/mapDoc';
import type { Stage } from '../../shared/model/stage';
import { STAGE_PHASES } from '../../shared/model/stage';
import type { Team } from '../../shared/model/team';
import type { Note } from '../../shared/model/note';
import type { Connection } from '../../shared/model/connection';
import { LIMITS } from '../../shared/model/fields';
import { teamColor } from '../../shared/layout/teamColors';
import { PHASE_LABELS } from '../../shared/model/stage';
import { SelectField, TextField } from './fields';

const PHASE_OPTIONS = STAGE_PHASES.map((phase) => ({ value: phase, label: PHASE_LABELS[phase] }));
const ROLE_OPTIONS = [
  { value: 'marketing' as const, label: 'Marketing' },
  { value: 'sales' as const, label: 'Sales' },
  { value: 'other' as const, label: 'Other' },
];

export function StageForm({ stage, focusFirst }: { stage: Stage; focusFirst: boolean }) {
  const editor = useEditor();
  const change = (changes: Parameters<typeof updateStage.run>[1]['changes']) => editor.runForField(invoke(updateStage, { id: stage.id, changes }));
  return (
    <div className="form">
      <TextField label="Name" value={stage.name} required maxLength={LIMITS.nameLength} autoFocus={focusFirst} onCommit={(name) => change({ name })} />
      <SelectField label="Phase" value={stage.phase} options={PHASE_OPTIONS} onChange={(phase) => change({ phase })} />
      <TextField label="Goal" value={stage.goal} multiline maxLength={LIMITS.shortTextLength} onCommit={(goal) => change({ goal })} />
      <TextField label="KPI" value={stage.kpi} maxLength={LIMITS.shortTextLength} onCommit={(kpi) => change({ kpi })} />
    </div>
  );
}

export function TeamForm({ team, index }: { team: Team; index: number }) {
  const editor = useEditor();
  const change = (changes: Parameters<typeof updateTeam.run>[1]['changes']) => editor.runForField(invoke(updateTeam, { id: team.id, changes }));
  return (
    <div className="form">
      <TextField label="Name" value={team.name} required maxLength={LIMITS.nameLength} onCommit={(name) => change({ name })} />
      <SelectField label="Role" value={team.role} options={ROLE_OPTIONS} onChange={(role) => change({ role })} />
      <div className="field">
        <label htmlFor={`colour-${team.id}`}>Colour</label>
        <input id={`colour-${team.id}`} type="color" className="colour-input" value={teamColor(team, index)} onChange={(event) => change({ color: event.target.value })} />
      </div>
    </div>
  );
}

export function NoteForm({ note, focusFirst }: { note: Note; focusFirst: boolean }) {
  const editor = useEditor();
  return (
    <div className="form">
      <TextField
        label="Text"
        value={note.text}
        required
        multiline
        maxLength={LIMITS.shortTextLength}
        autoFocus={focusFirst}
        onCommit={(text) => editor.runForField(invoke(updateNote, { id: note.id, text }))}
      />
    </div>
  );
}

export function ConnectionForm({ connection, doc }: { connection: Connection; doc: MapDoc }) {
  const editor = useEditor();
  const name = (id: string) => doc.touchpoints.get(id)?.title ?? (doc.handoffs.has(id) ? 'Handoff' : id);
  return (
    <div className="form">
      <p className="muted">
        {name(connection.source)} → {name(connection.target)}
      </p>
      <TextField
        label="Label"
        value={connection.label}
        maxLength={LIMITS.nameLength}
        onCommit={(label) => editor.runForField(invoke(updateConnection, { id: connection.id, label }))}
      />
    </div>
  );
}

export function MapForm({ name, description }: { name: string; description?: string }) {
  const editor = useEditor();
  return (
    <div className="form">
      <TextField label="Map name" value={name} required maxLength={LIMITS.nameLength} onCommit={(value) => editor.runForField(invoke(updateMapInfo, { name: value }))} />
      <TextField
        label="Description"
        value={description}
        multiline
        maxLength={LIMITS.longTextLength}
        onCommit={(value) => editor.runForField(invoke(updateMapInfo, { description: value }))}
      />
      <p className="hint">Select a card, handoff, stage header or lane label to edit it.</p>
    </div>
  );
}
