import type { Clip } from '../../shared/document/commands';

const KEY = 'throughline.clipboard';
let current: Clip | undefined;

/**
 * The app's own clipboard: copied cards keep their teams, stages and connections, and can be pasted
 * into another map (also in another tab, through localStorage). The system clipboard needs a
 * permission the desktop app denies, so it is not used.
 */
export function writeClip(clip: Clip): void {
  current = clip;
  try {
    localStorage.setItem(KEY, JSON.stringify(clip));
  } catch {
    // Storage full or disabled: this tab's copy still works.
  }
}

export function readClip(): Clip | undefined {
  try {
    const stored = localStorage.getItem(KEY);
    if (stored) return JSON.parse(stored) as Clip;
  } catch {
    // Fall back to this tab's copy.
  }
  return current;
}
