import { useCallback } from 'react';
import { useEditor } from '../editor/EditorContext';
import { placeAt, type PaletteKind } from '../editor/placement';

/** The drag payload type of palette items, so the canvas ignores other drags (files, text). */
export const PALETTE_MIME = 'application/x-throughline-palette';

/** Adds a palette item at a canvas point, selects it, and asks the Inspector to focus the field to type in first. */
export function useAddFromPalette() {
  const editor = useEditor();
  return useCallback(
    (kind: PaletteKind, point: { x: number; y: number }) => {
      const placement = placeAt(editor.store.getState().doc, kind, point.x, point.y);
      if (typeof placement === 'string') {
        editor.store.setState({ error: placement });
        return;
      }
      if (editor.run(undefined, placement.invocation)) {
        editor.select([placement.id]);
        editor.store.setState({ focus: { id: placement.id, field: placement.focusField } });
      }
    },
    [editor],
  );
}
