import PptxGenJS from 'pptxgenjs';
import type { BadgeElement, BoxElement, Deck, DeckElement, TableElement, TextContent } from '../../shared/deck/model';
import { TABLE_CELL_PADDING } from '../../shared/deck/model';
import { SEVERITY_COLOR } from '../../shared/drawing/theme';

export interface PptxInfo {
  title: string;
  subject?: string;
}

/** The export font, named so PowerPoint uses it where installed; a sans-serif stands in where it is not. */
const FONT_FACE = 'Noto Sans';
/** A few points of slack on the right, so a line that just fits with our metrics is not re-wrapped by a slide program's. */
const WRAP_SLACK = 3;

const inches = (points: number) => points / 72;
const hex = (color: string) => color.replace('#', '').toUpperCase();
const position = (e: { x: number; y: number; w: number; h: number }) => ({ x: inches(e.x), y: inches(e.y), w: inches(e.w), h: inches(e.h) });

/** A text content as PowerPoint paragraphs: one per line we broke, at the same size and spacing. */
function textRuns(text: TextContent): PptxGenJS.TextProps[] {
  const lines = text.paragraphs.flatMap((p) => p.lines.map((line) => ({ line, p })));
  return lines.map(({ line, p }, i) => ({
    text: line,
    options: { fontSize: p.size, bold: p.bold ?? false, color: hex(p.color), lineSpacing: p.lineHeight, breakLine: i < lines.length - 1 },
  }));
}

function textOptions(text: TextContent): PptxGenJS.TextPropsOptions {
  const inset = text.inset ?? 0;
  return { fontFace: FONT_FACE, align: text.align ?? 'left', valign: text.valign === 'middle' ? 'middle' : 'top', margin: [inset, Math.max(0, inset - WRAP_SLACK), inset, inset], wrap: true };
}

function outline(stroke: string | undefined, width = 1, dash?: number[]): PptxGenJS.ShapeLineProps | undefined {
  return stroke ? { color: hex(stroke), width, dashType: dash ? 'dash' : 'solid' } : undefined;
}

/** A box is one shape: a rounded card with its text, a note, a swatch; its text stays editable inside it. */
function addBox(slide: PptxGenJS.Slide, pptx: PptxGenJS, box: BoxElement): void {
  const shape = box.radius ? pptx.ShapeType.roundRect : pptx.ShapeType.rect;
  const common = { ...position(box), shape, rectRadius: box.radius ? inches(box.radius) : undefined, fill: box.fill ? { color: hex(box.fill) } : undefined, line: outline(box.stroke, box.strokeWidth, box.dash) };
  if (box.text) slide.addText(textRuns(box.text), { ...textOptions(box.text), ...common });
  else slide.addShape(shape, common);
}

/** A severity marker that differs in shape as well as colour, as on the canvas: square, triangle, circle. */
function addBadge(slide: PptxGenJS.Slide, pptx: PptxGenJS, badge: BadgeElement): void {
  const shape = badge.severity === 'error' ? pptx.ShapeType.roundRect : badge.severity === 'warning' ? pptx.ShapeType.triangle : pptx.ShapeType.ellipse;
  const color = hex(SEVERITY_COLOR[badge.severity]);
  slide.addText(badge.severity === 'info' ? 'i' : '!', {
    ...position({ x: badge.x, y: badge.y, w: badge.size, h: badge.size }),
    shape,
    rectRadius: badge.severity === 'error' ? inches(badge.size * 0.18) : undefined,
    fill: { color },
    line: { color, width: 0.5 },
    fontFace: FONT_FACE,
    fontSize: Math.max(1, Math.round(badge.size * 0.6)),
    bold: true,
    color: 'FFFFFF',
    align: 'center',
    valign: badge.severity === 'warning' ? 'bottom' : 'middle',
    margin: 0,
  });
}

function addTable(slide: PptxGenJS.Slide, table: TableElement): void {
  const grid = { type: 'solid' as const, pt: 1, color: hex(table.gridColor) };
  const rows: PptxGenJS.TableRow[] = table.rows.map((row) =>
    row.map((cell) => {
      const border = cell.border ? { type: cell.border.dash ? ('dash' as const) : ('solid' as const), pt: 1, color: hex(cell.border.color) } : grid;
      return {
        text: cell.text,
        options: { fontSize: cell.size, bold: cell.bold ?? false, color: hex(cell.color), align: cell.align ?? 'left', fill: cell.fill ? { color: hex(cell.fill) } : undefined, border: [border, border, border, border] },
      };
    }),
  );
  slide.addTable(rows, {
    x: inches(table.x),
    y: inches(table.y),
    colW: table.columnWidths.map(inches),
    rowH: inches(table.rowHeight),
    fontFace: FONT_FACE,
    valign: 'middle',
    margin: [0, inches(TABLE_CELL_PADDING), 0, inches(TABLE_CELL_PADDING)],
  });
}

function addElement(slide: PptxGenJS.Slide, pptx: PptxGenJS, element: DeckElement): void {
  switch (element.kind) {
    case 'box':
      return addBox(slide, pptx, element);
    case 'text':
      slide.addText(textRuns(element.text), { ...textOptions(element.text), ...position(element) });
      return;
    case 'line': {
      // A line shape runs from its box's top-left to bottom-right; flips point it the right way.
      const [x1, y1] = element.from;
      const [x2, y2] = element.to;
      slide.addShape(pptx.ShapeType.line, {
        ...position({ x: Math.min(x1, x2), y: Math.min(y1, y2), w: Math.abs(x2 - x1), h: Math.abs(y2 - y1) }),
        flipH: x2 < x1,
        flipV: y2 < y1,
        line: { ...outline(element.color, element.width, element.dash), endArrowType: element.arrow ? 'triangle' : undefined },
      });
      return;
    }
    case 'badge':
      return addBadge(slide, pptx, element);
    case 'table':
      return addTable(slide, element);
  }
}

/**
 * The deck as an editable PowerPoint file (16:9): text boxes, rounded cards with their text, arrows,
 * a native table for coverage and speaker notes, all from the same deck model as the PDF.
 * onProgress is told after each slide is added.
 */
export async function renderPptx(deck: Deck, info: PptxInfo, onProgress?: (slidesAdded: number, slideCount: number) => void): Promise<Buffer> {
  const pptx = new PptxGenJS();
  pptx.layout = 'LAYOUT_WIDE';
  pptx.title = info.title;
  pptx.subject = info.subject ?? '';
  pptx.company = 'Throughline';
  pptx.author = 'Throughline';
  pptx.theme = { headFontFace: FONT_FACE, bodyFontFace: FONT_FACE };
  deck.slides.forEach((model, index) => {
    const slide = pptx.addSlide();
    slide.background = { color: 'FFFFFF' };
    for (const element of model.elements) addElement(slide, pptx, element);
    if (model.notes) slide.addNotes(model.notes);
    onProgress?.(index + 1, deck.slides.length);
  });
  // stream() is the one output that honours compression: write() with a Node buffer stores every part uncompressed.
  return Buffer.from((await pptx.stream({ compression: true })) as Uint8Array);
}
