import type { MapEvent } from '../../shared/api/contract';
import type { MapStore } from '../store/mapStore';

export type MapEventListener = (event: MapEvent) => void;

/**
 * Live map sessions: every window with a map open watches it here and receives each change stored
 * after the revision it has, whichever window (or shell) stored it. Both shells use it: the browser
 * host streams the events, Electron sends them on an event channel.
 */
export class MapSessions {
  private readonly watchers = new Map<string, Set<MapEventListener>>();

  constructor(private readonly store: MapStore) {}

  /**
   * Starts sending a map's events to `listener`: first every change after `since` from the change log
   * (or a reset when the log no longer reaches back that far), then each new one. Returns the way to stop.
   */
  watch(mapId: string, since: number, listener: MapEventListener): () => void {
    // Subscribing and replaying happen in one synchronous turn, so no change can fall between them.
    const missed = this.store.changesSince(mapId, since);
    let set = this.watchers.get(mapId);
    if (!set) this.watchers.set(mapId, (set = new Set()));
    set.add(listener);
    if (missed === undefined) listener({ type: 'reset', mapId });
    else for (const change of missed) listener({ type: 'change', change });
    return () => {
      set.delete(listener);
      if (set.size === 0 && this.watchers.get(mapId) === set) this.watchers.delete(mapId);
    };
  }

  publish(event: MapEvent): void {
    const mapId = event.type === 'change' ? event.change.mapId : event.mapId;
    for (const listener of [...(this.watchers.get(mapId) ?? [])]) {
      try {
        listener(event);
      } catch (error) {
        console.error('A map session listener failed:', error);
      }
    }
  }

  watcherCount(mapId: string): number {
    return this.watchers.get(mapId)?.size ?? 0;
  }
}
