import type { Drawing, Shape } from '../drawing/shapes';
import { severityBadge } from '../drawing/badges';
import type { Deck, DeckElement, TextContent } from './model';
import { TABLE_CELL_PADDING, textHeight } from './model';

/**
 * The baseline of a line of `size` points in a line box `lineHeight` high: capitals centred in the box,
 * which is where a slide program puts them with exact line spacing, near enough.
 */
const baselineIn = (top: number, lineHeight: number, size: number) => top + lineHeight / 2 + size * 0.36;

/** The lines of a text content as positioned text shapes inside the box (x, y, w, h). */
function textShapes(text: TextContent, x: number, y: number, w: number, h: number): Shape[] {
  const inset = text.inset ?? 0;
  const align = text.align ?? 'left';
  const anchorX = align === 'center' ? x + w / 2 : align === 'right' ? x + w - inset : x + inset;
  let top = text.valign === 'middle' ? y + (h - textHeight(text)) / 2 + inset : y + inset;
  const shapes: Shape[] = [];
  for (const p of text.paragraphs) {
    for (const line of p.lines) {
      if (line) shapes.push({ kind: 'text', x: anchorX, y: baselineIn(top, p.lineHeight, p.size), text: line, size: p.size, bold: p.bold, color: p.color, align });
      top += p.lineHeight;
    }
  }
  return shapes;
}

function elementShapes(element: DeckElement): Shape[] {
  switch (element.kind) {
    case 'box': {
      const { x, y, w, h, fill, stroke, strokeWidth, radius, dash, text } = element;
      return [{ kind: 'rect', x, y, w, h, fill, stroke, strokeWidth, radius, dash }, ...(text ? textShapes(text, x, y, w, h) : [])];
    }
    case 'text':
      return textShapes(element.text, element.x, element.y, element.w, element.h);
    case 'line':
      return [{ kind: 'path', points: [element.from, element.to], stroke: element.color, width: element.width, dash: element.dash, arrow: element.arrow }];
    case 'badge':
      return severityBadge(element.severity, element.x, element.y, element.size);
    case 'table': {
      const shapes: Shape[] = [];
      const outlined: Shape[] = [];
      element.rows.forEach((row, r) => {
        let x = element.x;
        row.forEach((cell, c) => {
          const w = element.columnWidths[c]!;
          const y = element.y + r * element.rowHeight;
          shapes.push({ kind: 'rect', x, y, w, h: element.rowHeight, fill: cell.fill, stroke: element.gridColor, strokeWidth: 1 });
          if (cell.border) outlined.push({ kind: 'rect', x: x + 1, y: y + 1, w: w - 2, h: element.rowHeight - 2, stroke: cell.border.color, strokeWidth: 1, dash: cell.border.dash ? [4, 3] : undefined });
          const paragraph = { lines: [cell.text], size: cell.size, bold: cell.bold, color: cell.color, lineHeight: element.rowHeight };
          const pad = cell.align === 'center' ? 0 : TABLE_CELL_PADDING;
          shapes.push(...textShapes({ paragraphs: [paragraph], align: cell.align ?? 'left' }, x + pad, y, w - 2 * pad, element.rowHeight));
          x += w;
        });
      });
      // Drawn last, so a neighbour's grid line never covers part of a gap's outline.
      return [...shapes, ...outlined];
    }
  }
}

/** One slide of the deck in the drawing vocabulary: a writer can draw a long deck slide by slide. */
export function drawSlide(deck: Deck, index: number): Drawing {
  return { width: deck.width, height: deck.height, background: '#ffffff', shapes: deck.slides[index]!.elements.flatMap(elementShapes) };
}

/** The deck in the drawing vocabulary, one drawing per slide: what the PDF writer (and any image writer) draws. */
export function drawDeck(deck: Deck): Drawing[] {
  return deck.slides.map((_, index) => drawSlide(deck, index));
}
