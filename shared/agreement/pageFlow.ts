import type { Drawing, MeasureText, Shape } from '../drawing/shapes';
import { wrap, truncate } from '../drawing/text';
import { INK, LINE, MUTED, BACKDROP } from '../drawing/theme';

/** A4 portrait in points, with margins wide enough for a binder and a footer. */
export const A4_PAGE = {
  width: 595.28,
  height: 841.89,
  margin: { top: 56, right: 50, bottom: 70, left: 50 },
  /** The footer's baseline, inside the bottom margin. */
  footerBaseline: 841.89 - 36,
} as const;

export const CONTENT_WIDTH = A4_PAGE.width - A4_PAGE.margin.left - A4_PAGE.margin.right;
const CONTENT_BOTTOM = A4_PAGE.height - A4_PAGE.margin.bottom;

/** Line height as a share of the font size; the baseline sits this far below the top of its line. */
const LEADING = 1.4;
const BASELINE = 1.08;

export interface TextStyle {
  size: number;
  bold?: boolean;
  color?: string;
}

/** A table cell: text, optionally in its own colour or weight (a "not agreed yet" stands out). */
export type Cell = string | { text: string; color?: string; bold?: boolean };

export interface Column {
  header: string;
  /** Share of the content width. */
  share: number;
}

const CELL_PAD = { x: 5, y: 4 };
/** A cell longer than this is cut with an ellipsis, so no single row can outgrow a page. */
const MAX_CELL_LINES = 24;

const cellText = (cell: Cell) => (typeof cell === 'string' ? cell : cell.text);

/**
 * Lays content down A4 pages top to bottom: text wraps with the export font's metrics, a block that does not
 * fit starts a new page, and tables repeat their header on every page they reach. Pages are plain drawings
 * of shapes, so the PDF writer only translates them.
 */
export class PageFlow {
  readonly pages: Drawing[] = [];
  private y = 0;

  constructor(private readonly measure: MeasureText) {
    this.newPage();
  }

  private get shapes(): Shape[] {
    return this.pages[this.pages.length - 1]!.shapes;
  }

  newPage(): void {
    this.pages.push({ width: A4_PAGE.width, height: A4_PAGE.height, background: '#ffffff', shapes: [] });
    this.y = A4_PAGE.margin.top;
  }

  /** Starts a new page unless `height` still fits on this one. */
  ensure(height: number): void {
    if (this.y + height > CONTENT_BOTTOM && this.y > A4_PAGE.margin.top) this.newPage();
  }

  /** Starts a new page unless `height` fits here; content taller than a page just flows on. */
  keepTogether(height: number): void {
    this.ensure(Math.min(height, CONTENT_BOTTOM - A4_PAGE.margin.top));
  }

  /** Vertical space between blocks; none at the top of a page, where the margin already separates. */
  space(height: number): void {
    if (this.y === A4_PAGE.margin.top) return;
    this.y += height;
  }

  lines(text: string, width: number, style: TextStyle, maxLines = Infinity): string[] {
    return wrap(text, width, style.size, this.measure, maxLines, style.bold);
  }

  static lineHeight(style: TextStyle): number {
    return style.size * LEADING;
  }

  /** Draws already-wrapped lines with their top at `top`; returns the height used. */
  private drawLines(lines: string[], x: number, top: number, style: TextStyle): number {
    const step = PageFlow.lineHeight(style);
    lines.forEach((text, i) => {
      if (text) this.shapes.push({ kind: 'text', x, y: top + i * step + style.size * BASELINE, text, size: style.size, bold: style.bold, color: style.color ?? INK });
    });
    return lines.length * step;
  }

  /** A wrapped paragraph; lines flow on to the next page when the page is full. */
  paragraph(text: string, style: TextStyle, indent = 0): void {
    const step = PageFlow.lineHeight(style);
    for (const line of this.lines(text, CONTENT_WIDTH - indent, style)) {
      this.ensure(step);
      this.y += this.drawLines([line], A4_PAGE.margin.left + indent, this.y, style);
    }
  }

  /** A list item: a dot in `color`, the text wrapping beside it. */
  bullet(text: string, style: TextStyle, color: string = INK, indent = 0): void {
    const step = PageFlow.lineHeight(style);
    const textLeft = A4_PAGE.margin.left + indent + 12;
    this.lines(text, CONTENT_WIDTH - indent - 12, style).forEach((line, i) => {
      this.ensure(step);
      if (i === 0) this.shapes.push({ kind: 'circle', cx: A4_PAGE.margin.left + indent + 3.5, cy: this.y + style.size * 0.72, r: 2.2, fill: color });
      this.y += this.drawLines([line], textLeft, this.y, style);
    });
    this.y += 2;
  }

  /** Something drawn as one piece (a signature block): kept whole on one page, drawn from the current top. */
  block(height: number, draw: (top: number, left: number) => Shape[]): void {
    this.ensure(height);
    this.shapes.push(...draw(this.y, A4_PAGE.margin.left));
    this.y += height;
  }

  /** A heading, kept on the page with at least `keepWith` points of what follows it. */
  heading(text: string, style: TextStyle, keepWith: number, rule?: string): void {
    const lines = this.lines(text, CONTENT_WIDTH, style);
    const height = lines.length * PageFlow.lineHeight(style);
    this.ensure(height + keepWith);
    this.y += this.drawLines(lines, A4_PAGE.margin.left, this.y, style);
    if (rule) {
      this.shapes.push({ kind: 'path', points: [[A4_PAGE.margin.left, this.y + 1], [A4_PAGE.margin.left + CONTENT_WIDTH, this.y + 1]], stroke: rule, width: 1 });
      this.y += 4;
    }
  }

  /** Label and value side by side (the value wraps under itself); the pair stays on one page. */
  field(label: string, value: Cell, labelWidth: number, style: TextStyle, indent = 0): void {
    const valueStyle: TextStyle = { ...style, bold: typeof value === 'string' ? style.bold : value.bold, color: typeof value === 'string' ? style.color : (value.color ?? style.color) };
    const labelStyle: TextStyle = { ...style, bold: true, color: MUTED };
    const left = A4_PAGE.margin.left + indent;
    const labelLines = this.lines(label, labelWidth - 8, labelStyle);
    const valueLines = this.lines(cellText(value), CONTENT_WIDTH - indent - labelWidth, valueStyle, MAX_CELL_LINES);
    const height = Math.max(labelLines.length, valueLines.length) * PageFlow.lineHeight(style);
    this.ensure(height);
    this.drawLines(labelLines, left, this.y, labelStyle);
    this.drawLines(valueLines, left + labelWidth, this.y, valueStyle);
    this.y += height + 2;
  }

  /** A table across the content width; its header row is drawn again at the top of every page it continues on. */
  table(columns: Column[], rows: Cell[][], style: TextStyle): void {
    const headerStyle: TextStyle = { ...style, bold: true, color: INK };
    const widths = columns.map((c) => c.share * CONTENT_WIDTH);
    const layoutRow = (cells: Cell[], base: TextStyle) => {
      const wrapped = cells.map((cell, i) => {
        const cellStyle: TextStyle = typeof cell === 'string' ? base : { ...base, color: cell.color ?? base.color, bold: cell.bold ?? base.bold };
        return { lines: this.lines(cellText(cell), widths[i]! - 2 * CELL_PAD.x, cellStyle, MAX_CELL_LINES), style: cellStyle };
      });
      const height = Math.max(...wrapped.map((c) => c.lines.length)) * PageFlow.lineHeight(base) + 2 * CELL_PAD.y;
      return { wrapped, height };
    };
    const drawRow = (row: ReturnType<typeof layoutRow>, fill?: string) => {
      const left = A4_PAGE.margin.left;
      if (fill) this.shapes.push({ kind: 'rect', x: left, y: this.y, w: CONTENT_WIDTH, h: row.height, fill });
      let x = left;
      row.wrapped.forEach((cell, i) => {
        this.drawLines(cell.lines, x + CELL_PAD.x, this.y + CELL_PAD.y, cell.style);
        x += widths[i]!;
      });
      this.y += row.height;
      this.shapes.push({ kind: 'path', points: [[left, this.y], [left + CONTENT_WIDTH, this.y]], stroke: LINE, width: 0.6 });
    };
    const header = layoutRow(columns.map((c) => c.header), headerStyle);
    const laidOut = rows.map((cells) => layoutRow(cells, style));
    // The header never sits alone at the foot of a page: it needs room for the first row too.
    this.ensure(header.height + (laidOut[0]?.height ?? 0));
    drawRow(header, BACKDROP);
    for (const row of laidOut) {
      if (this.y + row.height > CONTENT_BOTTOM) {
        this.newPage();
        drawRow(header, BACKDROP);
      }
      drawRow(row);
    }
  }

  /** Page numbers and the map's name on every page, once the number of pages is known. */
  addFooters(name: string): void {
    const style = { size: 8, color: MUTED };
    const total = this.pages.length;
    this.pages.forEach((page, i) => {
      const number = `Page ${i + 1} of ${total}`;
      const right = A4_PAGE.width - A4_PAGE.margin.right;
      const nameWidth = CONTENT_WIDTH - this.measure(number, style.size) - 24;
      page.shapes.push(
        { kind: 'path', points: [[A4_PAGE.margin.left, A4_PAGE.footerBaseline - 14], [right, A4_PAGE.footerBaseline - 14]], stroke: LINE, width: 0.6 },
        { kind: 'text', x: A4_PAGE.margin.left, y: A4_PAGE.footerBaseline, text: truncate(name, nameWidth, style.size, this.measure), ...style },
        { kind: 'text', x: right, y: A4_PAGE.footerBaseline, text: number, align: 'right', ...style },
      );
    });
  }

  get cursor(): number {
    return this.y;
  }
}
