import { useEditor, useEditorState } from '../editor/EditorContext';
import './notices.css';

/**
 * What the live session has to tell: another window replaced one of this window's values (with one
 * click to put it back), an edit the store refused and that was taken back. Each stays until dismissed.
 */
export function Notices() {
  const editor = useEditor();
  const notices = useEditorState((s) => s.notices);
  const deleted = useEditorState((s) => s.deletedElsewhere);
  if (notices.length === 0 && !deleted) return null;
  return (
    <div className="notices" aria-label="Notices">
      {deleted && (
        <div className="notice notice-serious" role="alert">
          <p>This map was deleted in another window. What you see here can no longer be saved; export it as JSON to keep it.</p>
        </div>
      )}
      {notices.map((notice) => (
        <div key={notice.id} className="notice" role="alert">
          <p>{notice.message}</p>
          <div className="notice-actions">
            {notice.action && (
              <button
                type="button"
                className="button primary"
                onClick={() => {
                  notice.action!.run();
                  editor.dismissNotice(notice.id);
                }}
              >
                {notice.action.label}
              </button>
            )}
            <button type="button" className="button ghost" onClick={() => editor.dismissNotice(notice.id)}>
              Dismiss
            </button>
          </div>
        </div>
      ))}
    </div>
  );
}
