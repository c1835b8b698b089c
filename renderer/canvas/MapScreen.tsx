import { useEffect, useMemo, useState } from 'react';
import { ReactFlowProvider } from '@xyflow/react';
import { api, watchMap } from '../api/client';
import type { JourneyMap } from '../../shared/model/journeyMap';
import { createEditor } from '../editor/editorStore';
import { EditorContext } from '../editor/EditorContext';
import { HEARTBEAT_MS, unsavedEditsFor } from '../editor/unsavedEdits';
import { EditorLayout } from './EditorLayout';
import { BackToMaps } from '../components/BackToMaps';

interface MapScreenProps {
  mapId: string;
  onClose: () => void;
}

type Loaded = { state: 'loading' } | { state: 'ready'; map: JourneyMap; revision: number } | { state: 'failed'; message: string };

/**
 * Loads one map and opens an editor on it, joined to the map's live session: edits this tab left
 * unsaved (a reload, a host that was down) are sent first, and every change stored by any window
 * arrives through the event stream.
 */
export function MapScreen({ mapId, onClose }: MapScreenProps) {
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });

  useEffect(() => {
    let current = true;
    api['maps.open']({ id: mapId }).then(
      ({ map, revision }) => current && setLoaded({ state: 'ready', map, revision }),
      (error: Error) => current && setLoaded({ state: 'failed', message: error.message }),
    );
    return () => {
      current = false;
    };
  }, [mapId]);

  const editor = useMemo(() => {
    if (loaded.state !== 'ready') return undefined;
    const unsaved = unsavedEditsFor(mapId);
    return { instance: createEditor(loaded, api, { unsaved: unsaved.load(), persist: unsaved.save }), unsaved };
  }, [loaded, mapId]);

  useEffect(() => {
    if (!editor) return;
    const { instance, unsaved } = editor;
    instance.open();
    unsaved.heartbeat();
    const heartbeat = setInterval(unsaved.heartbeat, HEARTBEAT_MS);
    const stopWatching = watchMap(mapId, () => instance.revision(), {
      onEvent: (event) => {
        if (event.type === 'change') instance.receive(event.change);
        else if (event.type === 'reset') void instance.reset();
        else instance.markDeleted();
      },
    });
    return () => {
      clearInterval(heartbeat);
      stopWatching();
      instance.close();
    };
  }, [editor, mapId]);

  if (!editor) {
    return (
      <div className="map-screen">
        <header className="app-bar">
          <BackToMaps onClick={onClose} />
        </header>
        {loaded.state === 'failed' ? (
          <div className="center-message" role="alert">
            <p>{loaded.message}</p>
            <button type="button" className="button primary" onClick={onClose}>
              Back to maps
            </button>
          </div>
        ) : (
          <p className="center-message muted">Opening map…</p>
        )}
      </div>
    );
  }
  return (
    <EditorContext.Provider value={editor.instance}>
      <ReactFlowProvider>
        <EditorLayout onClose={onClose} />
      </ReactFlowProvider>
    </EditorContext.Provider>
  );
}
