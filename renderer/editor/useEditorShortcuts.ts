import { useEffect } from 'react';
import { useZoomTo } from './useReveal';
import { useEditor } from './EditorContext';
import { invoke } from './editorStore';
import { useDeleteSelection } from './useDeleteSelection';
import { assignFreshIds, copyToClip, pasteClip } from '../../shared/document/commands';
import { readClip, writeClip } from './clipboard';
import { startPresenting, stepStage, stopPresenting } from './presenting';

/** Keys typed into a field belong to the field (its own undo, select-all, delete). */
function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el) return false;
  return el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName) || el.closest('dialog') !== null;
}

/**
 * The editor's keyboard: Ctrl/Cmd+Z undo, Ctrl/Cmd+Shift+Z or Ctrl+Y redo, Delete, Ctrl/Cmd+C/X/V copy, cut
 * and paste, Ctrl/Cmd+D duplicate, Ctrl/Cmd+A select all, Escape to deselect, F5 to present, ? for the
 * shortcut sheet. While presenting: arrows, PageUp/PageDown (slide clickers), Home/End, Escape to leave.
 */
export function useEditorShortcuts(onShortcutSheet: () => void): { copy: () => void; paste: () => void; duplicate: () => void; zoomToSelection: () => void } {
  const editor = useEditor();
  const deleteSelection = useDeleteSelection();
  const zoomTo = useZoomTo();

  const copy = () => {
    const { doc, selection } = editor.store.getState();
    const clip = copyToClip(doc, selection);
    if (clip) writeClip(clip);
  };
  const pasteFrom = (clip: ReturnType<typeof readClip>, noteOffset: number) => {
    if (!clip) return;
    const { doc, selection } = editor.store.getState();
    const selectedStage = [...selection].map((id) => doc.touchpoints.get(id)?.stageId ?? (doc.stages.has(id) ? id : undefined)).find(Boolean);
    const { clip: fresh, ids } = assignFreshIds(clip);
    if (editor.run(undefined, invoke(pasteClip, { clip: fresh, target: { stageId: selectedStage, noteOffset } }))) {
      const { doc: after } = editor.store.getState();
      editor.select(ids.filter((id) => after.touchpoints.has(id) || after.handoffs.has(id) || after.notes.has(id)));
    }
  };
  const paste = () => pasteFrom(readClip(), 32);
  const duplicate = () => {
    const { doc, selection } = editor.store.getState();
    pasteFrom(copyToClip(doc, selection), 32);
  };
  const zoomToSelection = () => zoomTo(editor.store.getState().selection);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      // F5 presents even from a text field (where the browser would otherwise reload the page); leaving
      // the field commits what was typed.
      if (event.key === 'F5') {
        event.preventDefault();
        if (editor.store.getState().presenting) return;
        if (isTyping(document.activeElement)) (document.activeElement as HTMLElement).blur();
        return startPresenting(editor);
      }
      if (isTyping(event.target)) return;
      const mod = event.ctrlKey || event.metaKey;
      const key = event.key.toLowerCase();
      const state = editor.store.getState();
      let handled = true;
      if (event.key === '?') onShortcutSheet();
      else if (state.presenting) {
        // A slide clicker sends PageDown/PageUp; the arrows and space work too.
        if (['arrowright', 'pagedown', ' '].includes(key)) stepStage(editor, 1);
        else if (['arrowleft', 'pageup'].includes(key)) stepStage(editor, -1);
        else if (key === 'home') stepStage(editor, 'first');
        else if (key === 'end') stepStage(editor, 'last');
        else if (key === 'escape') stopPresenting(editor);
        else if (mod && key === 'z' && !event.shiftKey) editor.undo();
        else if ((mod && key === 'z' && event.shiftKey) || (event.ctrlKey && key === 'y')) editor.redo();
        else handled = false;
      } else if (state.viewing) {
        if (key === 'escape') editor.store.setState({ viewing: undefined });
        else handled = false;
      } else if (mod && key === 'z' && !event.shiftKey) editor.undo();
      else if ((mod && key === 'z' && event.shiftKey) || (event.ctrlKey && key === 'y')) editor.redo();
      else if (key === 'delete' || key === 'backspace') deleteSelection();
      else if (mod && key === 'd') duplicate();
      else if (mod && key === 'a') {
        const { doc } = editor.store.getState();
        editor.select([...doc.touchpoints.keys(), ...doc.handoffs.keys(), ...doc.notes.keys()]);
      } else if (key === 'escape') editor.select([]);
      else handled = false;
      if (handled) event.preventDefault();
    };
    // Copy, cut and paste arrive as clipboard events, whether from the keyboard or the app menu (which on
    // macOS handles Cmd+C/V before the page sees the keys).
    const onClipboard = (event: ClipboardEvent) => {
      if (isTyping(event.target) || isTyping(document.activeElement)) return;
      const { presenting, viewing } = editor.store.getState();
      if (presenting || viewing) return;
      event.preventDefault();
      if (event.type === 'paste') return paste();
      copy();
      if (event.type === 'cut') deleteSelection();
    };
    window.addEventListener('keydown', onKeyDown);
    for (const type of ['copy', 'cut', 'paste'] as const) document.addEventListener(type, onClipboard);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      for (const type of ['copy', 'cut', 'paste'] as const) document.removeEventListener(type, onClipboard);
    };
  });

  return { copy, paste, duplicate, zoomToSelection };
}
