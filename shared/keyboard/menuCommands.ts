import type { KeyChord } from './chords';

export interface MenuCommand {
  id: string;
  label: string;
  /** The keys the page answers to; the first is the one the menu shows. */
  keys: readonly KeyChord[];
}

/**
 * The editor commands the desktop menu shows, with the keys the page answers to. A menu click presses
 * those keys into the page, so the page decides (a text field keeps its own undo and select-all). The
 * renderer's action registry takes label and keys from here, so menu, shortcut sheet and command
 * palette cannot disagree.
 */
export const MENU_COMMANDS = [
  { id: 'import', label: 'Import…', keys: [{ key: 'o', mod: true }] },
  { id: 'undo', label: 'Undo', keys: [{ key: 'z', mod: true }] },
  { id: 'redo', label: 'Redo', keys: [{ key: 'z', mod: true, shift: true }, { key: 'y', ctrl: true }] },
  { id: 'duplicate', label: 'Duplicate', keys: [{ key: 'd', mod: true }] },
  { id: 'selectAll', label: 'Select all', keys: [{ key: 'a', mod: true }] },
  { id: 'commandPalette', label: 'Command palette…', keys: [{ key: 'k', mod: true }] },
  { id: 'present', label: 'Present', keys: [{ key: 'F5' }] },
  { id: 'shortcuts', label: 'Keyboard shortcuts', keys: [{ key: '?' }] },
] as const satisfies readonly MenuCommand[];

export type MenuCommandId = (typeof MENU_COMMANDS)[number]['id'];

export function menuCommand(id: MenuCommandId): MenuCommand {
  return MENU_COMMANDS.find((command) => command.id === id)!;
}
