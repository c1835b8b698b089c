/**
 * A key with its modifiers, written once and used three ways: to match a key press, to show the key
 * (Ctrl on Windows and Linux, Cmd on macOS) and to give the desktop menu its accelerator.
 */
export interface KeyChord {
  /** KeyboardEvent.key: letters in lower case ('z'), or a named key ('F5', 'ArrowRight', 'Delete', ' ', '?'). */
  key: string;
  /** The platform's command key: Ctrl on Windows and Linux, Cmd on macOS. */
  mod?: boolean;
  /** Ctrl on every platform (Ctrl+Y for redo is a Windows habit that a Mac keyboard can type too). */
  ctrl?: boolean;
  shift?: boolean;
  alt?: boolean;
}

export type Platform = 'mac' | 'other';

/** What a keydown event says about the keys, so matching can be tested without a DOM. */
export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

export function platformOf(platformName: string): Platform {
  return /Mac|iPhone|iPad/i.test(platformName) ? 'mac' : 'other';
}

/** Symbols such as '?' need Shift on most layouts, so Shift does not count for them. */
function isSymbol(key: string): boolean {
  return key.length === 1 && key !== ' ' && !/[a-z0-9]/i.test(key);
}

export function matchesChord(chord: KeyChord, press: KeyPress, platform: Platform): boolean {
  const key = press.key.length === 1 ? press.key.toLowerCase() : press.key;
  if (key !== chord.key) return false;
  const wantsCtrl = Boolean(chord.ctrl || (chord.mod && platform === 'other'));
  const wantsMeta = Boolean(chord.mod && platform === 'mac');
  if (press.ctrlKey !== wantsCtrl || press.metaKey !== wantsMeta || press.altKey !== Boolean(chord.alt)) return false;
  return isSymbol(chord.key) || press.shiftKey === Boolean(chord.shift);
}

const KEY_NAMES: Record<string, string> = {
  ArrowRight: '→',
  ArrowLeft: '←',
  ArrowUp: '↑',
  ArrowDown: '↓',
  ' ': 'Space',
  PageDown: 'Page Down',
  PageUp: 'Page Up',
};

/** The chord as people read it: "Ctrl+Shift+Z" on Windows and Linux, "Cmd+Shift+Z" on macOS. */
export function formatChord(chord: KeyChord, platform: Platform): string {
  const parts: string[] = [];
  if (chord.ctrl) parts.push('Ctrl');
  if (chord.mod) parts.push(platform === 'mac' ? 'Cmd' : 'Ctrl');
  if (chord.alt) parts.push(platform === 'mac' ? 'Option' : 'Alt');
  if (chord.shift) parts.push('Shift');
  parts.push(KEY_NAMES[chord.key] ?? (chord.key.length === 1 ? chord.key.toUpperCase() : chord.key));
  return parts.join('+');
}

/** Electron's names for keys whose KeyboardEvent.key differs. */
const ELECTRON_KEYS: Record<string, string> = {
  ArrowRight: 'Right',
  ArrowLeft: 'Left',
  ArrowUp: 'Up',
  ArrowDown: 'Down',
  ' ': 'Space',
};

/** The key as Electron names it, for accelerators and for sendInputEvent's keyCode. */
export function electronKeyCode(chord: KeyChord): string {
  return ELECTRON_KEYS[chord.key] ?? (chord.key.length === 1 ? chord.key.toUpperCase() : chord.key);
}

/** The chord as an Electron accelerator: "CmdOrCtrl+Shift+Z". */
export function acceleratorOf(chord: KeyChord): string {
  const parts: string[] = [];
  if (chord.ctrl) parts.push('Ctrl');
  if (chord.mod) parts.push('CmdOrCtrl');
  if (chord.alt) parts.push('Alt');
  if (chord.shift) parts.push('Shift');
  parts.push(electronKeyCode(chord));
  return parts.join('+');
}

/** The modifiers sendInputEvent needs to press this chord on the given platform. */
export function electronModifiers(chord: KeyChord, platform: Platform): ('control' | 'meta' | 'shift' | 'alt')[] {
  const modifiers: ('control' | 'meta' | 'shift' | 'alt')[] = [];
  if (chord.ctrl || (chord.mod && platform === 'other')) modifiers.push('control');
  if (chord.mod && platform === 'mac') modifiers.push('meta');
  if (chord.alt) modifiers.push('alt');
  if (chord.shift) modifiers.push('shift');
  return modifiers;
}
