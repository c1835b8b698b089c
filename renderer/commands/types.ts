import type { KeyChord } from '../../shared/keyboard/chords';
import type { Editor, EditorState } from '../editor/editorStore';

/** Where the editor is: what decides which actions apply. */
export interface Situation {
  mode: 'editing' | 'presenting' | 'viewing';
  state: EditorState;
  /** The card or handoff whose node has keyboard focus (Tab moves between them). */
  focusedId?: string;
}

/** What actions can do beyond the editor itself: the parts of the UI they drive. */
export interface ActionContext {
  editor: Editor;
  openShortcutSheet(): void;
  openCommandPalette(): void;
  deleteSelection(): void;
  copy(): void;
  cut(): void;
  paste(): void;
  duplicate(): void;
  /** Zooms to these elements, or to the whole map when there are none. */
  zoomTo(ids: Iterable<string>): void;
  /** Brings a card into view and gives it keyboard focus, so screen readers name it. */
  reveal(id: string): void;
}

/** One target to pick in the palette's second step: a card to connect to, a team, a cell, a promise. */
export interface Choice {
  id: string;
  label: string;
  /** Where it is or what it says, shown muted and searched too. */
  detail?: string;
  /** Stays listed whatever is typed (the typed text itself, offered as a new promise). */
  always?: boolean;
  run: () => void;
}

export type ActionGroup = 'Editing' | 'Moving around' | 'Connecting and teams' | 'Facilitating' | 'Export' | 'Maps';

/**
 * One thing the facilitator can do from the keyboard. The same entry feeds the key handler, the
 * shortcut sheet, the command palette and (through shared/keyboard/menuCommands.ts) the desktop menu.
 */
export interface Action {
  id: string;
  label: string;
  group: ActionGroup;
  /** The keys that run it; the first is the one the palette shows. */
  keys?: readonly KeyChord[];
  /** For the shortcut sheet only: gestures and keys that other parts of the UI handle ("Shift+click"). */
  keysText?: string;
  /** What the shortcut sheet says, when it needs more words than the label. */
  description?: string;
  /** Whether it applies now: mode, selection, what the map holds. */
  when: (s: Situation) => boolean;
  run?: (ctx: ActionContext, s: Situation) => void;
  /** A second step in the palette: the targets to pick from, for what has been typed. */
  choices?: (ctx: ActionContext, s: Situation, query: string) => Choice[];
  /** The palette's wording in this situation ("Connect “Webinar” to…"). */
  paletteLabel?: (s: Situation) => string;
  /** Extra words the palette search finds it by. */
  keywords?: string;
  /** False for keys that make no sense as a palette entry (arrow navigation). */
  inPalette?: boolean;
  /** Runs even while a text field has focus (F5, Ctrl/Cmd+K). */
  whileTyping?: boolean;
  /** Only when the map has the keyboard (nothing focused, or a card): Enter on a button stays the button's. */
  onMap?: boolean;
  /** The browser never gets these keys, even when the action does not apply (F5 must not reload the page). */
  ownsKeys?: boolean;
  /** Copy, cut and paste arrive as clipboard events, so the browser and the desktop menu's roles keep working. */
  clipboardEvent?: 'copy' | 'cut' | 'paste';
}
