import { useEffect, useState } from 'react';
import { useReactFlow } from '@xyflow/react';
import { toggleLayout, useLayoutPrefs } from './layoutPrefs';
import './layout.css';
import { useEditor, useEditorState } from '../editor/EditorContext';
import { useEditorShortcuts } from '../editor/useEditorShortcuts';
import { scalePresentText, startPresenting, stepStage, stopPresenting } from '../editor/presenting';
import { PresentStage, usePresentPageLabel } from '../present/PresentStage';
import { teamColor } from '../../shared/layout/teamColors';
import { ErrorBanner } from '../components/ErrorBanner';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { Inspector } from '../inspector/Inspector';
import { JourneyCanvas } from './JourneyCanvas';
import { Palette } from './Palette';
import { SaveIndicator } from './SaveIndicator';
import { Notices } from './Notices';
import { ExportButtons } from './ExportButtons';
import { ProblemsPanel } from '../panels/ProblemsPanel';
import { CoveragePanel } from '../panels/CoveragePanel';
import { SessionTimer } from './SessionTimer';
import { FocusTeamSelect } from './FocusTeamSelect';
import { VersionsDialog } from '../panels/VersionsDialog';
import { ShortcutsDialog } from '../panels/ShortcutsDialog';
import { CommandPalette } from '../commands/CommandPalette';
import { VersionBanner } from '../panels/VersionBanner';
import { BackToMaps } from '../components/BackToMaps';
import { useRoomSession } from '../room/useRoomSession';
import { isParticipantWindow, useRoom } from '../room/roomStore';
import { InviteDialog } from '../room/InviteDialog';
import { PeoplePanel } from '../room/PeoplePanel';

/**
 * The open map. Editing: a bar (back, name, undo/redo, export, facilitation) above palette, canvas, panels
 * and inspector. Presenting: the same canvas filling the window, with the spotlit stage as the heading.
 */
export function EditorLayout({ onClose }: { onClose: () => void }) {
  const editor = useEditor();
  const name = useEditorState((s) => s.doc.name);
  const canUndo = useEditorState((s) => s.canUndo);
  const canRedo = useEditorState((s) => s.canRedo);
  const undoLabel = useEditorState((s) => s.undoLabel);
  const redoLabel = useEditorState((s) => s.redoLabel);
  const error = useEditorState((s) => s.error);
  const confirm = useEditorState((s) => s.confirm);
  const hasSelection = useEditorState((s) => s.selection.size > 0);
  const presenting = useEditorState((s) => s.presenting);
  const viewing = useEditorState((s) => s.viewing);
  const [dialog, setDialog] = useState<'versions' | 'shortcuts' | 'commands' | 'invite'>();
  const mapId = useEditorState((s) => s.doc.id);
  const locked = useEditorState((s) => s.readOnly !== undefined);
  const sharing = useRoom((v) => v.room?.sharing === true && v.room.mapId === mapId);
  const participant = isParticipantWindow;
  useRoomSession(editor, mapId);
  // The map first, the panels (Problems, Coverage, Inspector) a frame later: their place is kept (fixed sizes),
  // so the canvas does not move, and a large map is on screen sooner (about 0.1–0.2 s of a 1,000-card map's
  // first render was the panels).
  const [panelsShown, setPanelsShown] = useState(false);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => (timer = setTimeout(() => setPanelsShown(true), 0)));
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, []);
  const { zoomToSelection, commands } = useEditorShortcuts(() => setDialog('shortcuts'), () => setDialog('commands'));
  const { fitView } = useReactFlow();
  const prefs = useLayoutPrefs((p) => p);

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
    // Leaving full screen (Esc is taken by the browser there) leaves the presentation too.
    const onFullscreen = () => !document.fullscreenElement && editor.store.getState().presenting && stopPresenting(editor);
    document.addEventListener('visibilitychange', onHide);
    document.addEventListener('fullscreenchange', onFullscreen);
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      document.removeEventListener('visibilitychange', onHide);
      document.removeEventListener('fullscreenchange', onFullscreen);
      window.removeEventListener('beforeunload', onBeforeUnload);
    };
  }, [editor]);

  const close = async () => {
    await editor.flush();
    onClose();
  };

  const dialogs = (
    <>
      {dialog === 'versions' && <VersionsDialog onClose={() => setDialog(undefined)} />}
      {dialog === 'invite' && <InviteDialog mapId={mapId} onClose={() => setDialog(undefined)} />}
      {dialog === 'shortcuts' && <ShortcutsDialog onClose={() => setDialog(undefined)} />}
      {dialog === 'commands' && <CommandPalette context={commands} onClose={() => setDialog(undefined)} />}
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
    </>
  );

  if (presenting) {
    return (
      <div className="map-screen presenting">
        <PresentBar />
        <ErrorBanner message={error} onDismiss={() => editor.dismissError()} />
        <PresentStage />
        <PeoplePanel mapId={mapId} />
        <Notices />
        {dialogs}
      </div>
    );
  }

  const undoTitle = undoLabel ? `Undo: ${undoLabel} (Ctrl+Z)` : 'Undo (Ctrl+Z)';
  const redoTitle = redoLabel ? `Redo: ${redoLabel} (Ctrl+Shift+Z)` : 'Redo (Ctrl+Shift+Z)';
  const showPalette = !viewing && !locked && prefs.palette && !prefs.roomView;
  const showInspector = !viewing && !locked && prefs.inspector && !prefs.roomView;
  const showBottom = !viewing && prefs.bottomPanels && !prefs.roomView;
  const bodyClass = ['editor-body', viewing ? 'read-only' : '', showPalette ? '' : 'palette-collapsed', showInspector ? '' : 'inspector-collapsed'].filter(Boolean).join(' ');
  return (
    <div className={`map-screen${prefs.roomView ? ' room-view' : ''}`}>
      <header className="app-bar one-row">
        {!participant && <BackToMaps onClick={close} />}
        <h1 className="map-title" title={name}>
          {name}
        </h1>
        <div className="toolbar" role="toolbar" aria-label="Edit">
          <button type="button" className="button ghost icon" onClick={() => editor.undo()} disabled={!canUndo || viewing !== undefined} aria-label="Undo" title={undoTitle}>
            <span aria-hidden="true">↶</span>
          </button>
          <button type="button" className="button ghost icon" onClick={() => editor.redo()} disabled={!canRedo || viewing !== undefined} aria-label="Redo" title={redoTitle}>
            <span aria-hidden="true">↷</span>
          </button>
          <button type="button" className="button ghost" onClick={() => void fitView({ padding: 0.04, duration: 300 })} title="Show the whole map">
            Fit map
          </button>
          {hasSelection && (
            <button type="button" className="button ghost" onClick={zoomToSelection} title="Zoom to what is selected">
              Zoom to selection
            </button>
          )}
        </div>
        <div className="toolbar" role="toolbar" aria-label="Facilitate">
          {!participant && (
            <button type="button" className="button primary" onClick={() => startPresenting(editor)} title="Present the map to the room (F5)">
              Present
            </button>
          )}
          {!participant && (
            <button
              type="button"
              className="button"
              aria-pressed={sharing}
              onClick={() => setDialog('invite')}
              title={sharing ? 'The room is invited: show the join link' : 'Invite the room: participants join this map from their own laptops'}
            >
              Invite
              {sharing && (
                <span className="sharing-mark" aria-hidden="true">
                  {' '}● live
                </span>
              )}
            </button>
          )}
          <button
            type="button"
            className="button ghost"
            aria-pressed={prefs.roomView}
            onClick={() => toggleLayout('roomView')}
            title="Room view: only the map, large, for the shared screen; editing still works"
          >
            Room view
          </button>
          {!participant && <ExportButtons />}
          {!participant && (
            <button type="button" className="button ghost" onClick={() => setDialog('versions')}>
              Versions
            </button>
          )}
          <FocusTeamSelect />
          {!participant && <SessionTimer />}
        </div>
        <SaveIndicator />
        <button type="button" className="button ghost help" onClick={() => setDialog('shortcuts')} aria-label="Keyboard shortcuts" title="Keyboard shortcuts (?)">
          ?
        </button>
      </header>
      <ErrorBanner message={error} onDismiss={() => editor.dismissError()} />
      {viewing && <VersionBanner />}
      <div className={bodyClass}>
        {showPalette ? <Palette /> : viewing || prefs.roomView ? <div /> : <PanelRail side="left" label="Show the palette" onClick={() => toggleLayout('palette')} />}
        <div className="editor-main">
          <JourneyCanvas />
          <PeoplePanel mapId={mapId} onInvite={() => setDialog('invite')} />
          {showBottom ? (
            <div className="bottom-panels">
              <button type="button" className="panel-fold" onClick={() => toggleLayout('bottomPanels')} aria-label="Hide Problems and Coverage" title="Hide Problems and Coverage">
                <span aria-hidden="true">⌄</span>
              </button>
              {panelsShown ? (
                <>
                  <ProblemsPanel />
                  <CoveragePanel />
                </>
              ) : null}
            </div>
          ) : (
            !viewing &&
            !prefs.roomView && (
              <button type="button" className="panel-reopen bottom" onClick={() => toggleLayout('bottomPanels')}>
                Show Problems and Coverage
              </button>
            )
          )}
        </div>
        {showInspector ? panelsShown ? <Inspector /> : <div /> : viewing || prefs.roomView ? <div /> : <PanelRail side="right" label="Show the inspector" onClick={() => toggleLayout('inspector')} />}
      </div>
      <Notices />
      {dialogs}
    </div>
  );
}

/** A collapsed side panel: a slim strip with one button to bring it back. */
function PanelRail({ side, label, onClick }: { side: 'left' | 'right'; label: string; onClick: () => void }) {
  return (
    <div className={`panel-rail ${side}`}>
      <button type="button" className="button ghost icon" onClick={onClick} aria-label={label} title={label}>
        <span aria-hidden="true">{side === 'left' ? '»' : '«'}</span>
      </button>
    </div>
  );
}

/** Present mode's bar: where we are in the journey, large, with the team legend and the facilitator's controls. */
function PresentBar() {
  const editor = useEditor();
  const stages = useEditorState((s) => s.doc.stages);
  const order = useEditorState((s) => s.doc.stageOrder);
  const doc = useEditorState((s) => s.doc);
  const index = useEditorState((s) => s.presentStageIndex);
  const pageLabel = usePresentPageLabel();
  const stage = stages.get(order[index] ?? '');
  return (
    <header className="present-bar">
      <div className="present-where">
        <span className="present-step">
          {order.length ? `Stage ${index + 1} of ${order.length}` : 'No stages yet'}
          {pageLabel && <span className="present-page">{pageLabel}</span>}
        </span>
        <h1 className="present-stage">{stage?.name ?? 'The journey'}</h1>
        {stage?.goal && <p className="present-goal">{stage.goal}</p>}
      </div>
      <ul className="present-legend" aria-label="Teams">
        {doc.teamOrder.map((id, i) => (
          <li key={id}>
            <span className="present-legend-swatch" style={{ background: teamColor(doc.teams.get(id)!, i) }} aria-hidden="true" />
            {doc.teams.get(id)!.name}
          </li>
        ))}
      </ul>
      <div className="present-controls">
        <button type="button" className="button ghost" onClick={() => scalePresentText(editor, 1 / 1.15)} aria-label="Smaller text" title="Smaller text (until the next stage)">
          A−
        </button>
        <button type="button" className="button ghost" onClick={() => scalePresentText(editor, 1.15)} aria-label="Larger text" title="Larger text (until the next stage)">
          A+
        </button>
        <button type="button" className="button ghost" onClick={() => stepStage(editor, -1)} disabled={index === 0} aria-label="Previous stage">
          ←
        </button>
        <button type="button" className="button ghost" onClick={() => stepStage(editor, 1)} aria-label="Next stage">
          →
        </button>
        <FocusTeamSelect />
        <SessionTimer />
        <button type="button" className="button primary" onClick={() => stopPresenting(editor)}>
          Exit presentation
        </button>
      </div>
    </header>
  );
}
