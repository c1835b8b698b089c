import { useEditor, useEditorState } from '../editor/EditorContext';
import { useVersions } from './useVersions';

const timeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** Says plainly that a saved version is on screen, read-only, and how to get back or restore it. */
export function VersionBanner() {
  const editor = useEditor();
  const viewing = useEditorState((s) => s.viewing)!;
  const { restore } = useVersions();
  return (
    <div className="version-banner" role="status">
      <span>
        Viewing version <strong>“{viewing.version.name}”</strong> from {timeFormat.format(new Date(viewing.version.createdAt))} — read-only.
      </span>
      <button type="button" className="button small" onClick={() => void restore(viewing.version)}>
        Restore this version
      </button>
      <button type="button" className="button primary small" onClick={() => editor.store.setState({ viewing: undefined })}>
        Back to the current map
      </button>
    </div>
  );
}
