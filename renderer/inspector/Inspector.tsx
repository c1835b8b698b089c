import { useEffect } from 'react';
import { useEditor, useEditorState } from '../editor/EditorContext';
import { TouchpointForm } from './TouchpointForm';
import { HandoffForm } from './HandoffForm';
import { StageForm, TeamForm, NoteForm, ConnectionForm, MapForm } from './RecordForms';
import { useDeleteSelection } from '../editor/useDeleteSelection';
import { toggleLayout } from '../canvas/layoutPrefs';

/** Edits every field of the selection; with nothing selected, the map's own name and description. */
export function Inspector() {
  const editor = useEditor();
  const doc = useEditorState((s) => s.doc);
  const selection = useEditorState((s) => s.selection);
  const focus = useEditorState((s) => s.focus);
  const deleteSelection = useDeleteSelection();
  const ids = [...selection];
  const only = ids.length === 1 ? ids[0]! : undefined;
  const focusField = only !== undefined && focus?.id === only ? (focus.field ?? 'first') : undefined;
  const focusFirst = focusField === 'first';

  useEffect(() => {
    if (focus) editor.store.setState({ focus: undefined });
  }, [focus, editor]);

  let body;
  let heading;
  if (ids.length > 1) {
    heading = `${ids.length} selected`;
    body = (
      <div className="inspector-multi">
        <p className="muted">Drag them together, or delete them as one step.</p>
        <button type="button" className="button danger" onClick={deleteSelection}>
          Delete {ids.length} items
        </button>
      </div>
    );
  } else if (only && doc.touchpoints.has(only)) {
    heading = 'Touchpoint';
    body = <TouchpointForm key={only} touchpoint={doc.touchpoints.get(only)!} doc={doc} focusFirst={focusFirst} />;
  } else if (only && doc.handoffs.has(only)) {
    heading = 'Handoff';
    body = <HandoffForm key={only} handoff={doc.handoffs.get(only)!} doc={doc} focusField={focusField} />;
  } else if (only && doc.stages.has(only)) {
    heading = 'Stage';
    body = <StageForm key={only} stage={doc.stages.get(only)!} focusFirst={focusFirst} />;
  } else if (only && doc.teams.has(only)) {
    heading = 'Team';
    body = <TeamForm key={only} team={doc.teams.get(only)!} index={doc.teamOrder.indexOf(only)} />;
  } else if (only && doc.notes.has(only)) {
    heading = 'Note';
    body = <NoteForm key={only} note={doc.notes.get(only)!} focusFirst={focusFirst} />;
  } else if (only && doc.connections.has(only)) {
    heading = 'Connection';
    body = <ConnectionForm key={only} connection={doc.connections.get(only)!} doc={doc} />;
  } else {
    heading = 'Map';
    body = <MapForm key={doc.id} name={doc.name} description={doc.description} />;
  }

  return (
    <aside className="inspector" aria-label="Inspector">
      <div className="panel-heading-row">
        <h2 className="panel-heading">{heading}</h2>
        <button type="button" className="panel-fold" onClick={() => toggleLayout('inspector')} aria-label="Hide the inspector" title="Hide the inspector">
          <span aria-hidden="true">»</span>
        </button>
      </div>
      {body}
    </aside>
  );
}
