import type { Severity } from '../validate/types';
import type { RectGeometry } from '../drawing/shapes';

/**
 * The follow-up deck as data: slides of positioned boxes, text, lines, badges and tables, in points on a
 * 960 × 540 page, y downwards. Text is already broken into lines with the export font's metrics, so the PDF
 * and the PowerPoint writer show the same lines; each element means something a slide program has a native
 * object for (a card is one rounded box with its text inside, a connection one arrow, coverage one table).
 */

/** 16:9 slides, in points (13.33 × 7.5 in, PowerPoint's widescreen layout). */
export const SLIDE = { width: 960, height: 540, margin: 44, top: 112, bottom: 500 } as const;

/** Lines of one style; `lineHeight` is the distance between baselines, in points. */
export interface Paragraph {
  lines: string[];
  size: number;
  lineHeight: number;
  bold?: boolean;
  color: string;
}

export interface TextContent {
  paragraphs: Paragraph[];
  align?: 'left' | 'center' | 'right';
  /** Where the lines sit in their box; top unless told. */
  valign?: 'top' | 'middle';
  /** Space between the box's edge and its text, in points. */
  inset?: number;
}

/**
 * A rectangle, rounded when it has a radius, with its text inside (one editable text box), if any.
 * `role` says what it is, so tests and writers can tell a touchpoint card from decoration.
 */
export interface BoxElement extends RectGeometry {
  kind: 'box';
  role?: 'card' | 'handoff' | 'note' | 'stat' | 'swatch' | 'decoration';
  text?: TextContent;
}

/** A text box without a frame: headings, paragraphs, labels. */
export interface TextElement {
  kind: 'text';
  role?: 'title' | 'subtitle' | 'footer';
  x: number;
  y: number;
  w: number;
  h: number;
  text: TextContent;
}

/** A straight line from `from` to `to`; a connection has an arrowhead at `to`. */
export interface LineElement {
  kind: 'line';
  from: [number, number];
  to: [number, number];
  color: string;
  width: number;
  dash?: number[];
  arrow?: boolean;
}

/** A finding's severity marker (square, triangle or circle), `size` wide and high from (x, y). */
export interface BadgeElement {
  kind: 'badge';
  severity: Severity;
  x: number;
  y: number;
  size: number;
}

export interface TableCell {
  /** One line, already fitted to the column. */
  text: string;
  size: number;
  bold?: boolean;
  color: string;
  fill?: string;
  align?: 'left' | 'center';
  /** A cell outlined on its own (in red, dashed for a coverage gap); others share the table's thin grid. */
  border?: { color: string; dash?: boolean };
}

/** Space left and right of a left-aligned table cell's text, in points. */
export const TABLE_CELL_PADDING = 8;

export interface TableElement {
  kind: 'table';
  x: number;
  y: number;
  columnWidths: number[];
  rowHeight: number;
  gridColor: string;
  rows: TableCell[][];
}

export type DeckElement = BoxElement | TextElement | LineElement | BadgeElement | TableElement;

export type SlideKind = 'title' | 'overview' | 'stage' | 'coverage' | 'findings' | 'votes' | 'parkingLot';

export interface Slide {
  kind: SlideKind;
  elements: DeckElement[];
  /** Speaker notes, plain text, one paragraph a line. */
  notes?: string;
}

export interface Deck {
  width: number;
  height: number;
  slides: Slide[];
}

/** Height a text content needs, from its paragraphs and inset. */
export function textHeight(text: TextContent): number {
  return text.paragraphs.reduce((sum, p) => sum + p.lines.length * p.lineHeight, 0) + 2 * (text.inset ?? 0);
}
