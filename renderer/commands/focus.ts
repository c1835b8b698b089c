import type { Editor } from '../editor/editorStore';

/** Keys typed into a field belong to the field (its own undo, select-all, delete); so do keys in a dialog. */
export function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el || !el.tagName) return false;
  return el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName) || el.closest('dialog') !== null;
}

/** The map has the keyboard when nothing is focused or a card is: Enter on a button stays the button's. */
export function isOnMap(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el || el === document.body || el === document.documentElement) return true;
  return el.closest('.canvas') !== null && el.closest('button, a, input, select, textarea') === null;
}

const nodeElement = (id: string) => document.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(id)}"]`);

/** The card or handoff whose canvas node has keyboard focus. */
export function focusedCard(editor: Editor): string | undefined {
  const id = (document.activeElement as HTMLElement | null)?.closest?.('.react-flow__node')?.getAttribute('data-id');
  const { doc } = editor.store.getState();
  return id && (doc.touchpoints.has(id) || doc.handoffs.has(id)) ? id : undefined;
}

/** Gives a card's node keyboard focus once it is drawn (a new or moved card is drawn on a later frame). */
export function focusCardSoon(editor: Editor, id: string, frames = 20): void {
  requestAnimationFrame(() => {
    // A title being typed in place keeps the keyboard.
    if (editor.store.getState().editingId === id) return;
    const element = nodeElement(id);
    if (element) element.focus({ preventScroll: true });
    else if (frames > 0) focusCardSoon(editor, id, frames - 1);
  });
}
