import { useEffect } from 'react';
import { useEditor, useEditorState } from '../editor/EditorContext';
import { useEditorShortcuts } from '../editor/useEditorShortcuts';
import { teamColor } from '../../shared/layout/teamColors';
import { ErrorBanner } from '../components/ErrorBanner';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { Inspector } from '../inspector/Inspector';
import { JourneyCanvas } from './JourneyCanvas';
import { Palette } from './Palette';
import { SaveIndicator } from './SaveIndicator';
import { ExportButtons } from './ExportButtons';
import { ProblemsPanel } from '../panels/ProblemsPanel';
import { CoveragePanel } from '../panels/CoveragePanel';

/** The open map: a bar (back, name, undo/redo, save state, legend) above palette, canvas and inspector. */
export function EditorLayout({ onClose }: { onClose: () => void }) {
  const editor = useEditor();
  const name = useEditorState((s) => s.doc.name);
  const teams = useEditorState((s) => s.doc.teams);
  const teamOrder = useEditorState((s) => s.doc.teamOrder);
  const canUndo = useEditorState((s) => s.canUndo);
  const canRedo = useEditorState((s) => s.canRedo);
  const undoLabel = useEditorState((s) => s.undoLabel);
  const redoLabel = useEditorState((s) => s.redoLabel);
  const error = useEditorState((s) => s.error);
  const confirm = useEditorState((s) => s.confirm);
  const hasSelection = useEditorState((s) => s.selection.size > 0);
  const { zoomToSelection } = useEditorShortcuts();

  useEffect(() => {
    document.title = `${name} · Throughline`;
  }, [name]);

  // Never lose an edit: save at once when the window is hidden, and warn before closing with edits in flight.
  useEffect(() => {
    const onHide = () => document.visibilityState === 'hidden' && void editor.flush();
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (!editor.hasUnsavedEdits()) return;
      void editor.flush();
      event.preventDefault();
    };
    document.addEventListener('visibilitychange', onHide);
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('beforeunload', onBeforeUnload);
    };
  }, [editor]);

  const close = async () => {
    await editor.flush();
    onClose();
  };

  return (
    <div className="map-screen">
      <header className="app-bar">
        <button type="button" className="button ghost" onClick={close} aria-label="Back to maps">
          ← Maps
        </button>
        <h1 className="map-title">{name}</h1>
        <div className="toolbar" role="toolbar" aria-label="Edit">
          <button type="button" className="button ghost" onClick={() => editor.undo()} disabled={!canUndo} title={undoLabel ? `Undo: ${undoLabel} (Ctrl+Z)` : 'Undo (Ctrl+Z)'}>
            Undo
          </button>
          <button type="button" className="button ghost" onClick={() => editor.redo()} disabled={!canRedo} title={redoLabel ? `Redo: ${redoLabel} (Ctrl+Shift+Z)` : 'Redo (Ctrl+Shift+Z)'}>
            Redo
          </button>
          <button type="button" className="button ghost" onClick={zoomToSelection} title="Zoom to the selection, or fit the whole map">
            {hasSelection ? 'Zoom to selection' : 'Fit map'}
          </button>
        </div>
        <ExportButtons />
        <SaveIndicator />
        <ul className="legend" aria-label="Teams">
          {teamOrder.map((id, i) => (
            <li key={id} className="legend-item">
              <span className="legend-swatch" style={{ background: teamColor(teams.get(id)!, i) }} aria-hidden="true" />
              {teams.get(id)!.name}
            </li>
          ))}
        </ul>
      </header>
      <ErrorBanner message={error} onDismiss={() => editor.dismissError()} />
      <div className="editor-body">
        <Palette />
        <div className="editor-main">
          <JourneyCanvas />
          <div className="bottom-panels">
            <ProblemsPanel />
            <CoveragePanel />
          </div>
        </div>
        <Inspector />
      </div>
      {confirm && (
        <ConfirmDialog
          title={confirm.title}
          message={confirm.message}
          confirmLabel={confirm.confirmLabel}
          onCancel={() => editor.store.setState({ confirm: undefined })}
          onConfirm={() => {
            editor.store.setState({ confirm: undefined });
            confirm.onConfirm();
          }}
        />
      )}
    </div>
  );
}
