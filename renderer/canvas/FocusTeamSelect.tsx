import { useEditor, useEditorState } from '../editor/EditorContext';

/** Walk one team through its part: every card that team neither leads nor supports is dimmed. */
export function FocusTeamSelect() {
  const editor = useEditor();
  const teams = useEditorState((s) => s.doc.teams);
  const order = useEditorState((s) => s.doc.teamOrder);
  const focusTeamId = useEditorState((s) => s.focusTeamId);
  return (
    <select
      className="input focus-select"
      aria-label="Focus team"
      value={focusTeamId && teams.has(focusTeamId) ? focusTeamId : ''}
      onChange={(event) => editor.store.setState({ focusTeamId: event.target.value || undefined })}
    >
      <option value="">All teams</option>
      {order.map((id) => (
        <option key={id} value={id}>
          Focus: {teams.get(id)!.name}
        </option>
      ))}
    </select>
  );
}
