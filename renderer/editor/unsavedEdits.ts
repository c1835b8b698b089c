import type { UnsavedEdits } from './mapSync';
import { newId } from '../../shared/ids';

/**
 * Edits the store has not acknowledged, kept in the browser (localStorage) per map and per tab, so a
 * reload, a crashed tab or a host that is down loses nothing: the next editor on the map sends them.
 * A tab's id lives in sessionStorage (it survives a reload of that tab); a tab that has not said it is
 * alive for a while has left its edits behind, and the next editor on the map adopts them.
 */
const PREFIX = 'throughline.unsaved.';
const ALIVE_PREFIX = 'throughline.alive.';
const TAB_KEY = 'throughline.tab';
export const HEARTBEAT_MS = 5_000;
const ORPHANED_AFTER_MS = 4 * HEARTBEAT_MS;

interface Stored extends UnsavedEdits {
  mapId: string;
  tabId: string;
  savedAt: number;
}

function tabId(): string {
  let id = sessionStorage.getItem(TAB_KEY);
  if (!id) sessionStorage.setItem(TAB_KEY, (id = newId('tab-')));
  return id;
}

const keyOf = (mapId: string, tab: string) => `${PREFIX}${mapId}.${tab}`;

function read(key: string): Stored | undefined {
  try {
    const value = JSON.parse(localStorage.getItem(key) ?? 'null') as Stored | null;
    return value && Array.isArray(value.steps) ? value : undefined;
  } catch {
    return undefined;
  }
}

function isAlive(tab: string, now: number): boolean {
  const seen = Number(localStorage.getItem(ALIVE_PREFIX + tab) ?? 0);
  return now - seen < ORPHANED_AFTER_MS;
}

export interface UnsavedEditsStore {
  /** This tab's unsaved edits for the map, plus any a closed tab left behind (adopted, so sent once). */
  load(): UnsavedEdits | undefined;
  save(edits: UnsavedEdits | undefined): void;
  /** Says this tab is alive; an editor calls it every HEARTBEAT_MS while open. */
  heartbeat(): void;
}

export function unsavedEditsFor(mapId: string): UnsavedEditsStore {
  const tab = tabId();
  const ownKey = keyOf(mapId, tab);
  return {
    load() {
      const now = Date.now();
      const own = read(ownKey);
      const adopted: Stored[] = [];
      for (let i = 0; i < localStorage.length; i++) {
        const key = localStorage.key(i);
        if (!key || key === ownKey || !key.startsWith(`${PREFIX}${mapId}.`)) continue;
        const other = read(key);
        if (other && other.mapId === mapId && !isAlive(other.tabId, now)) adopted.push(other);
      }
      for (const other of adopted) localStorage.removeItem(keyOf(mapId, other.tabId));
      // Another tab's in-flight batch keeps its id: if the store has it already, it is not stored twice.
      const steps = [...(own?.steps ?? []), ...adopted.flatMap((other) => other.steps)];
      if (steps.length === 0) return undefined;
      return own?.inFlight ? { steps, inFlight: own.inFlight } : { steps };
    },
    save(edits) {
      try {
        if (!edits) localStorage.removeItem(ownKey);
        else localStorage.setItem(ownKey, JSON.stringify({ ...edits, mapId, tabId: tab, savedAt: Date.now() } satisfies Stored));
      } catch {
        // Storage full or disabled: the edits are still held in memory and sent as soon as the store answers.
      }
    },
    heartbeat() {
      try {
        localStorage.setItem(ALIVE_PREFIX + tab, String(Date.now()));
      } catch {
        // As above.
      }
    },
  };
}
