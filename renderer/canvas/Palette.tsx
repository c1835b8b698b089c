import type { DragEvent } from 'react';
import { useEditor } from '../editor/EditorContext';
import { keyboardPoint, type PaletteKind } from '../editor/placement';
import { PALETTE_MIME, useAddFromPalette } from './usePaletteActions';
import { toggleLayout } from './layoutPrefs';

const ITEMS: { kind: PaletteKind; label: string; hint: string }[] = [
  { kind: 'stage', label: 'Stage', hint: 'A step of the buying process: a column' },
  { kind: 'touchpoint', label: 'Touchpoint', hint: 'Where the buyer meets you: a card in a stage and lane' },
  { kind: 'handoff', label: 'Handoff', hint: 'Where one team passes the buyer to another' },
  { kind: 'note', label: 'Note', hint: 'A sticky note for the parking lot' },
  { kind: 'team', label: 'Team', hint: 'A team that leads or supports touchpoints: a lane' },
];

/** Drag an item onto the canvas, or press Enter on it to add it to the selected stage and lane. */
export function Palette() {
  const editor = useEditor();
  const add = useAddFromPalette();
  const onDragStart = (event: DragEvent, kind: PaletteKind) => {
    event.dataTransfer.setData(PALETTE_MIME, kind);
    event.dataTransfer.effectAllowed = 'copy';
  };
  return (
    <section className="palette" aria-label="Palette">
      <div className="panel-heading-row">
        <h2 className="panel-heading">Add</h2>
        <button type="button" className="panel-fold" onClick={() => toggleLayout('palette')} aria-label="Hide the palette" title="Hide the palette">
          <span aria-hidden="true">«</span>
        </button>
      </div>
      <ul className="palette-list">
        {ITEMS.map((item) => (
          <li key={item.kind}>
            <button
              type="button"
              className={`palette-item palette-${item.kind}`}
              draggable
              title={item.hint}
              onDragStart={(event) => onDragStart(event, item.kind)}
              onClick={() => {
                const { doc, selection } = editor.store.getState();
                add(item.kind, keyboardPoint(doc, selection, item.kind));
              }}
            >
              <span className="palette-icon" aria-hidden="true" />
              {item.label}
            </button>
          </li>
        ))}
      </ul>
      <p className="palette-hint">Drag onto the canvas, or press Enter to add to the selected stage and lane.</p>
    </section>
  );
}
