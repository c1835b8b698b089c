import { useEditorState } from '../editor/EditorContext';

/** "Saving…", then "Saved"; when the store cannot be reached it says so, and that it keeps trying. */
export function SaveIndicator() {
  const save = useEditorState((s) => s.save);
  const text = save.status === 'saved' ? 'Saved' : save.status === 'saving' ? 'Saving…' : 'Not saved yet — retrying';
  return (
    <span className={`save-indicator save-${save.status}`} role="status" aria-live="polite" title={save.status === 'retrying' ? save.message : undefined}>
      {text}
    </span>
  );
}
