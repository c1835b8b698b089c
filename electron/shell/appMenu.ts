import type { BrowserWindow, MenuItemConstructorOptions } from 'electron';
import { acceleratorOf, electronKeyCode, electronModifiers, platformOf, type KeyChord, type Platform } from '../../shared/keyboard/chords';
import { menuCommand, type MenuCommandId } from '../../shared/keyboard/menuCommands';

/** A menu click acts like its shortcut: the page's own key handling decides (map history, or a text field's). */
function pressKeys(window: Electron.BaseWindow | undefined, chord: KeyChord, platform: Platform) {
  // Only a browser window has web contents to press keys in (types only: this file needs no Electron at run time).
  if (!window || !('webContents' in window)) return;
  const target = window as BrowserWindow;
  const keyCode = electronKeyCode(chord);
  const modifiers = electronModifiers(chord, platform);
  target.webContents.sendInputEvent({ type: 'keyDown', keyCode, modifiers });
  target.webContents.sendInputEvent({ type: 'keyUp', keyCode, modifiers });
}

/**
 * The accelerator the menu shows. On macOS a menu accelerator takes its key before the page sees it, so a
 * plain key ("?") would be taken from every text field: those are left to the page and not shown.
 */
function menuAccelerator(chord: KeyChord): string | undefined {
  const modified = chord.mod || chord.ctrl || chord.alt;
  return modified || /^F\d+$/.test(chord.key) ? acceleratorOf(chord) : undefined;
}

/** One editor command from the shared list (shared/keyboard/menuCommands.ts): its label, its keys. */
function commandItem(id: MenuCommandId, platform: Platform): MenuItemConstructorOptions {
  const command = menuCommand(id);
  const chord = command.keys[0]!;
  return {
    id: command.id,
    label: command.label,
    accelerator: menuAccelerator(chord),
    registerAccelerator: false,
    click: (_item, window) => pressKeys(window, chord, platform),
  };
}

/** The application menu: the editor's commands from the shared list, the rest from roles so every platform gets its native behaviour. */
export function buildAppMenu(platformName: NodeJS.Platform, packaged: boolean): MenuItemConstructorOptions[] {
  const isMac = platformName === 'darwin';
  const platform = platformOf(isMac ? 'Mac' : platformName);
  const item = (id: MenuCommandId) => commandItem(id, platform);
  const view: MenuItemConstructorOptions[] = [
    item('commandPalette'),
    item('present'),
    { type: 'separator' },
    { role: 'reload' },
    ...(packaged ? [] : [{ role: 'toggleDevTools' } as MenuItemConstructorOptions]),
    { type: 'separator' },
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen' },
  ];
  return [
    ...(isMac ? [{ role: 'appMenu' } as MenuItemConstructorOptions] : []),
    {
      label: 'File',
      submenu: [item('import'), { type: 'separator' }, isMac ? { role: 'close' } : { role: 'quit' }],
    },
    {
      label: 'Edit',
      submenu: [
        // Undo and Redo are the map's own history: the keys go to the page, which knows what to undo.
        item('undo'),
        item('redo'),
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { type: 'separator' },
        item('duplicate'),
        item('selectAll'),
      ],
    },
    { label: 'View', submenu: view },
    { role: 'windowMenu' },
    { role: 'help', submenu: [item('shortcuts')] },
  ];
}
