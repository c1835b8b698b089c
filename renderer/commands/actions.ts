import { menuCommand, type MenuCommandId } from '../../shared/keyboard/menuCommands';
import type { Editor, Notice } from '../editor/editorStore';
import { startPresenting, stepStage, stopPresenting } from '../editor/presenting';
import {
  addTouchpointAndEditTitle,
  cellChoices,
  cellOfSelection,
  connectChoices,
  goToChoices,
  nameOf,
  promiseChoices,
  selectedCard,
  selectedConnectable,
  supporterChoices,
} from './cardActions';
import { layoutOf } from '../editor/derived';
import { describeMove, planMove, type MoveDirection } from './moveSelection';
import { nearestCard, selectionAnchor, type Direction } from './spatialNavigation';
import type { Action, ActionContext, Situation } from './types';

// When an action applies.
const editing = (s: Situation) => s.mode === 'editing';
const presenting = (s: Situation) => s.mode === 'presenting';
const viewing = (s: Situation) => s.mode === 'viewing';
const hasSelection = (s: Situation) => editing(s) && s.state.selection.size > 0;
const hasCards = (s: Situation) => s.state.doc.touchpoints.size + s.state.doc.handoffs.size > 0;
const always = () => true;

/** Label and keys from the list the desktop menu is built from, so the two never disagree. */
function fromMenu(id: MenuCommandId, action: Omit<Action, 'id' | 'label' | 'keys'>): Action {
  const command = menuCommand(id);
  return { id, label: command.label, keys: command.keys, ...action };
}

const lastAnnouncement = new WeakMap<Editor, string>();

/** Keyboard announcements replace each other, so a run of moves leaves one notice, not a pile. */
function announce(editor: Editor, message: string, action?: Notice['action']): void {
  const previous = lastAnnouncement.get(editor);
  if (previous) editor.dismissNotice(previous);
  editor.announce(message, action);
  const notices = editor.store.getState().notices;
  const added = notices[notices.length - 1];
  if (added) lastAnnouncement.set(editor, added.id);
}

/** Arrow keys: the selection goes to the nearest card in that direction, as the grid shows it. */
function selectNearest(ctx: ActionContext, direction: Direction): void {
  const { doc, selection } = ctx.editor.store.getState();
  const layout = layoutOf(doc);
  const next = nearestCard(layout, selectionAnchor(layout, selection), direction);
  if (!next) return;
  ctx.editor.select([next]);
  ctx.reveal(next);
}

/** Alt+Arrow: one undoable step, then the room is told what changed hands, with Undo at hand. */
function moveSelected(ctx: ActionContext, direction: MoveDirection): void {
  const { editor } = ctx;
  const before = editor.store.getState().doc;
  const plan = planMove(before, layoutOf(before), editor.store.getState().selection, direction);
  if ('refusal' in plan) return announce(editor, plan.refusal);
  if (!editor.run(plan.label, ...plan.invocations)) return;
  const { doc, undoLabel } = editor.store.getState();
  announce(editor, describeMove(before, doc, plan.movedIds, direction), {
    label: 'Undo',
    run: () => {
      // Undo takes back the latest step: only offer it while the move is still that step.
      if (editor.store.getState().undoLabel === undoLabel) editor.undo();
      else editor.store.setState({ error: 'Other edits came after this move: undo those first (Ctrl+Z).' });
    },
  });
  ctx.reveal(plan.movedIds[0]!);
}

function selectAll(ctx: ActionContext): void {
  const { doc } = ctx.editor.store.getState();
  ctx.editor.select([...doc.touchpoints.keys(), ...doc.handoffs.keys(), ...doc.notes.keys()]);
}

/** The export buttons own the export (progress bar, file saving): the palette presses them. */
function exportButton(label: string): HTMLButtonElement | undefined {
  if (typeof document === 'undefined') return undefined;
  const buttons = document.querySelectorAll<HTMLButtonElement>('[role="toolbar"][aria-label="Export"] button');
  return [...buttons].find((button) => button.textContent?.trim() === label && !button.disabled);
}

function exportAction(label: string): Action {
  return {
    id: label.toLowerCase().replace(/\s+/g, '-'),
    label,
    group: 'Export',
    when: (s) => editing(s) && exportButton(label) !== undefined,
    run: () => exportButton(label)?.click(),
  };
}

/**
 * Every action, in the order the shortcut sheet and the palette list them. A key runs the first action
 * whose keys match and that applies now, so the same key can mean different things per mode.
 */
export const ACTIONS: readonly Action[] = [
  // Editing
  fromMenu('undo', { group: 'Editing', when: (s) => !viewing(s) && s.state.canUndo, run: (ctx) => ctx.editor.undo(), paletteLabel: (s) => (s.state.undoLabel ? `Undo: ${s.state.undoLabel}` : 'Undo') }),
  fromMenu('redo', { group: 'Editing', when: (s) => !viewing(s) && s.state.canRedo, run: (ctx) => ctx.editor.redo(), paletteLabel: (s) => (s.state.redoLabel ? `Redo: ${s.state.redoLabel}` : 'Redo') }),
  {
    id: 'add-here',
    label: 'Add touchpoint here',
    description: 'Add a touchpoint to the selected card’s cell (else the first) and type its title',
    group: 'Editing',
    keys: [{ key: 'n' }],
    onMap: true,
    keywords: 'new card',
    when: (s) => editing(s) && s.state.doc.stageOrder.length > 0,
    run: (ctx, s) => {
      const cell = cellOfSelection(s.state.doc, s.state.selection);
      if (cell) addTouchpointAndEditTitle(ctx, cell);
    },
  },
  {
    id: 'add-in',
    label: 'Add touchpoint in…',
    group: 'Editing',
    keywords: 'new card cell stage lane',
    when: (s) => editing(s) && s.state.doc.stageOrder.length > 0 && s.state.doc.teamOrder.length > 0,
    choices: cellChoices,
  },
  {
    id: 'select-focused',
    label: 'Select the focused card',
    description: 'Select the focused card (Tab moves between cards)',
    group: 'Editing',
    keys: [{ key: 'Enter' }, { key: ' ' }],
    onMap: true,
    inPalette: false,
    when: (s) => !viewing(s) && s.focusedId !== undefined && !s.state.selection.has(s.focusedId),
    run: (ctx, s) => ctx.editor.select([s.focusedId!]),
  },
  {
    id: 'edit-title',
    label: 'Edit title',
    description: 'Edit the selected card’s title in place (Enter keeps it, Escape cancels)',
    group: 'Editing',
    keys: [{ key: 'Enter' }],
    onMap: true,
    keywords: 'rename',
    when: (s) => !viewing(s) && selectedCard(s) !== undefined,
    run: (ctx, s) => ctx.editor.store.setState({ editingId: selectedCard(s) }),
  },
  {
    id: 'delete',
    label: 'Delete',
    description: 'Delete the selection',
    group: 'Editing',
    keys: [{ key: 'Delete' }, { key: 'Backspace' }],
    keywords: 'remove',
    when: hasSelection,
    run: (ctx) => ctx.deleteSelection(),
  },
  fromMenu('duplicate', { group: 'Editing', when: hasSelection, run: (ctx) => ctx.duplicate() }),
  { id: 'copy', label: 'Copy', group: 'Editing', keys: [{ key: 'c', mod: true }], clipboardEvent: 'copy', when: hasSelection, run: (ctx) => ctx.copy() },
  { id: 'cut', label: 'Cut', group: 'Editing', keys: [{ key: 'x', mod: true }], clipboardEvent: 'cut', when: hasSelection, run: (ctx) => ctx.cut() },
  {
    id: 'paste',
    label: 'Paste',
    description: 'Paste (also what was copied in another map)',
    group: 'Editing',
    keys: [{ key: 'v', mod: true }],
    clipboardEvent: 'paste',
    when: editing,
    run: (ctx) => ctx.paste(),
  },
  fromMenu('selectAll', { group: 'Editing', description: 'Select all cards, handoffs and notes', when: editing, run: selectAll }),
  { id: 'clear-selection', label: 'Clear the selection', group: 'Editing', keys: [{ key: 'Escape' }], when: hasSelection, run: (ctx) => ctx.editor.select([]) },
  { id: 'shift-click', label: 'Add to the selection, select with a box', group: 'Editing', keysText: 'Shift+click, Shift+drag', when: () => false },
  { id: 'double-click', label: 'Edit a card’s title in place', group: 'Editing', keysText: 'Double-click a card', when: () => false },
  { id: 'palette-enter', label: 'Add it to the selected stage and lane', group: 'Editing', keysText: 'Enter on a palette item', when: () => false },

  // Moving around
  ...(
    [
      ['ArrowRight', 'right', 'Select the nearest card in the next stage'],
      ['ArrowLeft', 'left', 'Select the nearest card in the previous stage'],
      ['ArrowDown', 'down', 'Select the card below (then the next lane)'],
      ['ArrowUp', 'up', 'Select the card above'],
    ] as const
  ).map(([key, direction, label]): Action => ({
    id: `select-${direction}`,
    label,
    group: 'Moving around',
    keys: [{ key }],
    onMap: true,
    inPalette: false,
    when: (s) => editing(s) && hasCards(s),
    run: (ctx) => selectNearest(ctx, direction),
  })),
  ...(
    [
      ['ArrowRight', 'nextStage', 'Move to next stage'],
      ['ArrowLeft', 'previousStage', 'Move to previous stage'],
      ['ArrowUp', 'laneAbove', 'Move to lane above'],
      ['ArrowDown', 'laneBelow', 'Move to lane below'],
    ] as const
  ).map(([key, direction, label]): Action => ({
    id: `move-${direction}`,
    label,
    description: direction.startsWith('lane') ? `${label}: its team leads, the previous lead supports` : undefined,
    group: 'Moving around',
    keys: [{ key, alt: true }],
    onMap: true,
    keywords: direction.startsWith('lane') ? 'hand over handover team' : 'stage',
    when: hasSelection,
    run: (ctx) => moveSelected(ctx, direction),
  })),
  {
    id: 'go-to',
    label: 'Go to card…',
    group: 'Moving around',
    keywords: 'find select',
    when: (s) => editing(s) && hasCards(s),
    choices: goToChoices,
  },
  { id: 'fit-map', label: 'Fit map', group: 'Moving around', keywords: 'zoom whole', when: (s) => !presenting(s), run: (ctx) => ctx.zoomTo([]) },
  { id: 'zoom-selection', label: 'Zoom to selection', group: 'Moving around', when: hasSelection, run: (ctx) => ctx.zoomTo(ctx.editor.store.getState().selection) },

  // Connecting and teams
  {
    id: 'connect',
    label: 'Connect to…',
    group: 'Connecting and teams',
    keywords: 'link path arrow',
    paletteLabel: (s) => `Connect ${nameOf(s.state.doc, selectedConnectable(s)!)} to…`,
    when: (s) => editing(s) && selectedConnectable(s) !== undefined && hasCards(s),
    choices: connectChoices,
  },
  {
    id: 'supporter',
    label: 'Supporting team…',
    group: 'Connecting and teams',
    keywords: 'supporter supports team',
    paletteLabel: (s) => `Supporting team of ${nameOf(s.state.doc, selectedCard(s)!)}…`,
    when: (s) => editing(s) && selectedCard(s) !== undefined,
    choices: supporterChoices,
  },
  {
    id: 'promise',
    label: 'Add a promise…',
    group: 'Connecting and teams',
    keywords: 'message one voice tag',
    paletteLabel: (s) => `Add a promise to ${nameOf(s.state.doc, selectedCard(s)!)}…`,
    when: (s) => editing(s) && selectedCard(s) !== undefined,
    choices: promiseChoices,
  },

  // Facilitating
  fromMenu('present', {
    group: 'Facilitating',
    // F5 never reloads the page, even from a text field; leaving the field stores what was typed.
    whileTyping: true,
    ownsKeys: true,
    when: (s) => !presenting(s),
    run: (ctx) => {
      const active = document.activeElement as HTMLElement | null;
      if (active && active !== document.body) active.blur();
      startPresenting(ctx.editor);
    },
  }),
  {
    id: 'next-stage',
    label: 'Next stage',
    description: 'Next stage (slide clickers send Page Down)',
    group: 'Facilitating',
    keys: [{ key: 'ArrowRight' }, { key: 'PageDown' }, { key: ' ' }],
    when: presenting,
    run: (ctx) => stepStage(ctx.editor, 1),
  },
  { id: 'previous-stage', label: 'Previous stage', group: 'Facilitating', keys: [{ key: 'ArrowLeft' }, { key: 'PageUp' }], when: presenting, run: (ctx) => stepStage(ctx.editor, -1) },
  { id: 'first-stage', label: 'First stage', group: 'Facilitating', keys: [{ key: 'Home' }], when: presenting, run: (ctx) => stepStage(ctx.editor, 'first') },
  { id: 'last-stage', label: 'Last stage', group: 'Facilitating', keys: [{ key: 'End' }], when: presenting, run: (ctx) => stepStage(ctx.editor, 'last') },
  { id: 'stop-presenting', label: 'Leave the presentation', group: 'Facilitating', keys: [{ key: 'Escape' }], when: presenting, run: (ctx) => stopPresenting(ctx.editor) },
  {
    id: 'leave-version',
    label: 'Back to the current map',
    description: 'Leave the version you are viewing',
    group: 'Facilitating',
    keys: [{ key: 'Escape' }],
    when: viewing,
    run: (ctx) => ctx.editor.store.setState({ viewing: undefined }),
  },
  fromMenu('commandPalette', { group: 'Facilitating', description: 'Find and run any command', whileTyping: true, inPalette: false, when: always, run: (ctx) => ctx.openCommandPalette() }),
  fromMenu('shortcuts', { group: 'Facilitating', description: 'This sheet', keywords: 'help keys', when: always, run: (ctx) => ctx.openShortcutSheet() }),

  // Export: the buttons in the bar do the work.
  exportAction('Export PDF'),
  exportAction('Export PowerPoint'),
  exportAction('Export JSON'),
  exportAction('Export PNG'),
  exportAction('Export SVG'),

  // Maps (the home screen handles these keys itself).
  fromMenu('import', { group: 'Maps', description: 'Import a map file (home screen)', when: () => false }),
];

export const ACTION_GROUPS = ['Editing', 'Moving around', 'Connecting and teams', 'Facilitating', 'Export', 'Maps'] as const;
