import { useEditor } from '../editor/EditorContext';
import { invoke } from '../editor/editorStore';
import { updateTouchpoint, type TouchpointChanges } from '../../shared/document/commands';
import type { MapDoc } from '../../shared/document/mapDoc';
import type { Touchpoint } from '../../shared/model/touchpoint';
import { LIMITS } from '../../shared/model/fields';
import { teamColor } from '../../shared/layout/teamColors';
import { TagsField, TeamChecklist, TextField } from './fields';

export function teamOptions(doc: MapDoc) {
  return doc.teamOrder.map((id, i) => {
    const team = doc.teams.get(id)!;
    return { id, name: team.name, color: teamColor(team, i) };
  });
}

export function TouchpointForm({ touchpoint, doc, focusFirst }: { touchpoint: Touchpoint; doc: MapDoc; focusFirst: boolean }) {
  const editor = useEditor();
  const change = (changes: TouchpointChanges) => editor.runForField(invoke(updateTouchpoint, { id: touchpoint.id, changes }));
  const teams = teamOptions(doc);
  const contested = touchpoint.ownerTeamIds.length > 1;
  return (
    <div className="form">
      <TextField label="Title" value={touchpoint.title} required maxLength={LIMITS.nameLength} autoFocus={focusFirst} onCommit={(title) => change({ title })} />
      <TextField label="Channel" value={touchpoint.channel} maxLength={LIMITS.channelLength} placeholder="Webinar, e-mail, demo…" onCommit={(channel) => change({ channel })} />
      <TeamChecklist
        legend="Owner"
        teams={teams}
        checked={touchpoint.ownerTeamIds}
        onChange={(ownerTeamIds) => change({ ownerTeamIds })}
        note={
          contested
            ? 'More than one team claims to lead this: agree on one.'
            : touchpoint.ownerTeamIds.length === 0
              ? 'No team leads this yet.'
              : undefined
        }
      />
      <TeamChecklist
        legend="Supporting teams"
        teams={teams}
        checked={touchpoint.supportTeamIds}
        disabled={touchpoint.ownerTeamIds}
        onChange={(supportTeamIds) => change({ supportTeamIds })}
      />
      <TagsField label="Promises" tags={touchpoint.promises} maxLength={LIMITS.promiseLength} onChange={(promises) => change({ promises })} />
      <TextField label="Description" value={touchpoint.description} multiline maxLength={LIMITS.longTextLength} onCommit={(description) => change({ description })} />
      <TextField label="KPI" value={touchpoint.kpi} maxLength={LIMITS.shortTextLength} onCommit={(kpi) => change({ kpi })} />
    </div>
  );
}
