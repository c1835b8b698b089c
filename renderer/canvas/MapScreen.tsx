import { useEffect, useMemo, useState } from 'react';
import { ReactFlowProvider } from '@xyflow/react';
import { api } from '../api/client';
import type { JourneyMap } from '../../shared/model/journeyMap';
import { createEditor } from '../editor/editorStore';
import { EditorContext } from '../editor/EditorContext';
import { EditorLayout } from './EditorLayout';
import { BackToMaps } from '../components/BackToMaps';

interface MapScreenProps {
  mapId: string;
  onClose: () => void;
}

type Loaded = { state: 'loading' } | { state: 'ready'; map: JourneyMap; version: number } | { state: 'failed'; message: string };

/** Loads one map and opens an editor on it; a refused save reloads the stored map into a fresh editor. */
export function MapScreen({ mapId, onClose }: MapScreenProps) {
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });

  useEffect(() => {
    let current = true;
    api['maps.get']({ id: mapId }).then(
      (map) => current && setLoaded({ state: 'ready', map, version: 0 }),
      (error: Error) => current && setLoaded({ state: 'failed', message: error.message }),
    );
    return () => {
      current = false;
    };
  }, [mapId]);

  const editor = useMemo(
    () =>
      loaded.state === 'ready'
        ? createEditor(loaded.map, api, (map) => setLoaded((l) => ({ state: 'ready', map, version: l.state === 'ready' ? l.version + 1 : 0 })))
        : undefined,
    [loaded],
  );

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
    <EditorContext.Provider value={editor}>
      <ReactFlowProvider>
        <EditorLayout onClose={onClose} />
      </ReactFlowProvider>
    </EditorContext.Provider>
  );
}
