import { useEffect, useState } from 'react';
import { api } from '../api/client';
import type { JourneyMap } from '../../shared/model/journeyMap';
import { teamColor } from '../../shared/layout/teamColors';
import { JourneyCanvas } from './JourneyCanvas';

interface MapScreenProps {
  mapId: string;
  onClose: () => void;
}

type Loaded = { state: 'loading' } | { state: 'ready'; map: JourneyMap } | { state: 'failed'; message: string };

/** One open map: a bar with its name and team legend above the journey canvas. */
export function MapScreen({ mapId, onClose }: MapScreenProps) {
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });

  useEffect(() => {
    let current = true;
    api['maps.get']({ id: mapId }).then(
      (map) => current && setLoaded({ state: 'ready', map }),
      (error: Error) => current && setLoaded({ state: 'failed', message: error.message }),
    );
    return () => {
      current = false;
    };
  }, [mapId]);

  useEffect(() => {
    document.title = loaded.state === 'ready' ? `${loaded.map.name} · Throughline` : 'Throughline';
  }, [loaded]);

  return (
    <div className="map-screen">
      <header className="app-bar">
        <button type="button" className="button ghost" onClick={onClose} aria-label="Back to maps">
          ← Maps
        </button>
        <h1 className="map-title">{loaded.state === 'ready' ? loaded.map.name : ''}</h1>
        {loaded.state === 'ready' && (
          <ul className="legend" aria-label="Teams">
            {loaded.map.teams.map((team, i) => (
              <li key={team.id} className="legend-item">
                <span className="legend-swatch" style={{ background: teamColor(team, i) }} aria-hidden="true" />
                {team.name}
              </li>
            ))}
          </ul>
        )}
      </header>
      {loaded.state === 'loading' && <p className="center-message muted">Opening map…</p>}
      {loaded.state === 'failed' && (
        <div className="center-message" role="alert">
          <p>{loaded.message}</p>
          <button type="button" className="button primary" onClick={onClose}>
            Back to maps
          </button>
        </div>
      )}
      {loaded.state === 'ready' && <JourneyCanvas map={loaded.map} />}
    </div>
  );
}
