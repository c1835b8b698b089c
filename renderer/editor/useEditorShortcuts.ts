import { useEffect } from 'react';
import { useReactFlow, useStoreApi } from '@xyflow/react';
import { useZoomTo } from './useReveal';
import { useEditor } from './EditorContext';
import { invoke } from './editorStore';
import { useDeleteSelection } from './useDeleteSelection';
import { assignFreshIds, copyToClip, pasteClip } from '../../shared/document/commands';
import { readClip, writeClip } from './clipboard';
import { ACTIONS } from '../commands/actions';
import { actionForKey, situationOf } from '../commands/dispatch';
import { layoutOf } from './derived';
import type { Action, ActionContext } from '../commands/types';
import { focusCardSoon, focusedCard, isOnMap, isTyping } from '../commands/focus';
import '../commands/keyboard.css';

const FROM_ANY_FIELD = ACTIONS.filter((action) => action.whileTyping);
const ON_THE_PAGE = ACTIONS.filter((action) => !action.whileTyping);

/**
 * The editor's keyboard. Every key goes through the action registry (renderer/commands/actions.ts), which
 * also feeds the shortcut sheet, the command palette and the desktop menu. Copy, cut and paste arrive as
 * clipboard events, whether from the keyboard or the app menu (which on macOS handles Cmd+C/V before the
 * page sees the keys).
 */
export function useEditorShortcuts(
  onShortcutSheet: () => void,
  onCommandPalette: () => void = () => undefined,
): { copy: () => void; paste: () => void; duplicate: () => void; zoomToSelection: () => void; commands: ActionContext } {
  const editor = useEditor();
  const deleteSelection = useDeleteSelection();
  const zoomTo = useZoomTo();
  const { getViewport, setCenter } = useReactFlow();
  const flowStore = useStoreApi();

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

  /** Pans (keeping the zoom) when the card is not wholly in view, then gives it keyboard focus. */
  const reveal = (id: string) => {
    const { doc, presenting } = editor.store.getState();
    if (presenting) return;
    const layout = layoutOf(doc);
    const box = layout.touchpoints.get(id) ?? layout.handoffs.get(id);
    if (box) {
      const { x, y, zoom } = getViewport();
      const { width, height } = flowStore.getState();
      const left = box.x * zoom + x;
      const top = box.y * zoom + y;
      const inView = left >= 0 && top >= 0 && left + box.width * zoom <= width && top + box.height * zoom <= height;
      if (!inView) void setCenter(box.x + box.width / 2, box.y + box.height / 2, { zoom, duration: 200 });
    }
    focusCardSoon(editor, id);
  };

  const commands: ActionContext = {
    editor,
    openShortcutSheet: onShortcutSheet,
    openCommandPalette: onCommandPalette,
    deleteSelection,
    copy,
    cut: () => {
      copy();
      deleteSelection();
    },
    paste,
    duplicate,
    zoomTo,
    reveal,
  };

  useEffect(() => {
    const dispatch = (event: KeyboardEvent, actions: readonly Action[]) => {
      const situation = situationOf(editor.store.getState(), focusedCard(editor));
      const { action, claimed } = actionForKey(actions, event, situation, { typing: isTyping(event.target), onMap: isOnMap(event.target) });
      if (claimed) event.preventDefault();
      action?.run?.(commands, situation);
    };
    // F5 and Ctrl/Cmd+K work from any field, even one that keeps its keys to itself (the title typed on a
    // card), so they are taken on the way down; the command palette handles its own keys.
    const onKeyDownFirst = (event: KeyboardEvent) => {
      if (!(event.target as Element | null)?.closest?.('.command-palette')) dispatch(event, FROM_ANY_FIELD);
    };
    // Everything else on the way up, so a control that handles a key itself keeps it.
    const onKeyDown = (event: KeyboardEvent) => {
      if (!event.defaultPrevented) dispatch(event, ON_THE_PAGE);
    };
    const onClipboard = (event: ClipboardEvent) => {
      if (isTyping(event.target) || isTyping(document.activeElement)) return;
      const situation = situationOf(editor.store.getState());
      const action = ACTIONS.find((a) => a.clipboardEvent === event.type);
      if (!action?.run || !action.when(situation)) return;
      event.preventDefault();
      action.run(commands, situation);
    };
    window.addEventListener('keydown', onKeyDownFirst, true);
    window.addEventListener('keydown', onKeyDown);
    for (const type of ['copy', 'cut', 'paste'] as const) document.addEventListener(type, onClipboard);
    return () => {
      window.removeEventListener('keydown', onKeyDownFirst, true);
      window.removeEventListener('keydown', onKeyDown);
      for (const type of ['copy', 'cut', 'paste'] as const) document.removeEventListener(type, onClipboard);
    };
  });

  // When a title typed in place is done (Enter or Escape), the keyboard goes back to that card.
  useEffect(
    () =>
      editor.store.subscribe((state, previous) => {
        const finished = previous.editingId;
        if (!finished || state.editingId !== undefined || state.presenting) return;
        requestAnimationFrame(() => {
          if (document.activeElement === document.body || document.activeElement === null) focusCardSoon(editor, finished, 2);
        });
      }),
    [editor],
  );

  return { copy, paste, duplicate, zoomToSelection, commands };
}
