import { formatChord, matchesChord, platformOf, type KeyPress, type Platform } from '../../shared/keyboard/chords';
import type { EditorState } from '../editor/editorStore';
import type { Action, Situation } from './types';

export const platform: Platform = platformOf(typeof navigator === 'undefined' ? '' : navigator.platform);

export function situationOf(state: EditorState, focusedId?: string): Situation {
  return { mode: state.presenting ? 'presenting' : state.viewing ? 'viewing' : 'editing', state, focusedId };
}

/** Where the key was pressed: in a text field, or on the map (nothing focused, or a card). */
export interface KeyTarget {
  typing: boolean;
  onMap: boolean;
}

/**
 * The action a key press runs: the first whose keys match and that applies now. `claimed` also says when
 * the browser must not get the key although nothing runs (F5 while presenting must not reload the page).
 */
export function actionForKey(actions: readonly Action[], press: KeyPress, situation: Situation, target: KeyTarget, on: Platform = platform): { action?: Action; claimed: boolean } {
  let claimed = false;
  for (const action of actions) {
    if (!action.run || action.clipboardEvent || !action.keys?.some((chord) => matchesChord(chord, press, on))) continue;
    if (target.typing && !action.whileTyping) continue;
    if (action.onMap && !target.onMap) continue;
    if (!action.when(situation)) {
      claimed ||= Boolean(action.ownsKeys);
      continue;
    }
    return { action, claimed: true };
  }
  return { claimed };
}

/** The keys of an action as the sheet and the palette show them: "Ctrl+Shift+Z or Ctrl+Y". */
export function keysOf(action: Action, on: Platform = platform, first = false): string | undefined {
  if (!action.keys) return action.keysText;
  const keys = first ? action.keys.slice(0, 1) : action.keys;
  return keys.map((chord) => formatChord(chord, on)).join(' or ');
}
