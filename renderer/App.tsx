import { useCallback, useEffect, useState } from 'react';
import { HomeScreen } from './home/HomeScreen';
import { MapScreen } from './canvas/MapScreen';
import { ParticipantApp } from './room/ParticipantApp';
import { participation } from './api/client';

type Route = { screen: 'home' } | { screen: 'map'; mapId: string };

function routeFromLocation(): Route {
  const mapId = new URLSearchParams(window.location.search).get('map');
  return mapId ? { screen: 'map', mapId } : { screen: 'home' };
}

/** A participant's window (a join link) sees the shared map only; everyone else gets the app. */
export function App() {
  return participation ? <ParticipantApp /> : <FacilitatorApp />;
}

/** Two screens; the open map lives in the address (?map=…) so a reload or Back keeps the user where they were. */
function FacilitatorApp() {
  const [route, setRoute] = useState<Route>(routeFromLocation);

  useEffect(() => {
    const onPop = () => setRoute(routeFromLocation());
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);

  const navigate = useCallback((next: Route) => {
    const search = next.screen === 'map' ? `?map=${encodeURIComponent(next.mapId)}` : '';
    history.pushState(null, '', window.location.pathname + search);
    setRoute(next);
  }, []);

  return route.screen === 'map' ? (
    <MapScreen key={route.mapId} mapId={route.mapId} onClose={() => navigate({ screen: 'home' })} />
  ) : (
    <HomeScreen onOpen={(mapId) => navigate({ screen: 'map', mapId })} />
  );
}
