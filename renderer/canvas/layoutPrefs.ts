import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';

/** How the facilitator likes the editor laid out: kept on this computer, for every map. */
export interface LayoutPrefs {
  palette: boolean;
  inspector: boolean;
  bottomPanels: boolean;
  /** Room view: only the canvas and the bar, for the shared screen; editing stays possible. */
  roomView: boolean;
  minimap: boolean;
}

const KEY = 'throughline.layout';
const DEFAULTS: LayoutPrefs = { palette: true, inspector: true, bottomPanels: true, roomView: false, minimap: false };

function load(): LayoutPrefs {
  try {
    const stored = JSON.parse(localStorage.getItem(KEY) ?? '{}') as Partial<LayoutPrefs>;
    const prefs = { ...DEFAULTS };
    for (const key of Object.keys(DEFAULTS) as (keyof LayoutPrefs)[]) if (typeof stored[key] === 'boolean') prefs[key] = stored[key];
    return prefs;
  } catch {
    return { ...DEFAULTS };
  }
}

export const layoutPrefs = createStore<LayoutPrefs>(load);
layoutPrefs.subscribe((prefs) => {
  try {
    localStorage.setItem(KEY, JSON.stringify(prefs));
  } catch {
    // Not kept across sessions where storage is unavailable; the layout still works.
  }
});

export const useLayoutPrefs = <T>(select: (prefs: LayoutPrefs) => T): T => useStore(layoutPrefs, select);

export function toggleLayout(key: keyof LayoutPrefs): void {
  layoutPrefs.setState((prefs) => ({ [key]: !prefs[key] }));
}
