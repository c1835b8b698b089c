import type { MeasureText } from '../drawing/shapes';
import { truncate, wrap } from '../drawing/text';
import { ACCENT, INK, MUTED } from '../drawing/theme';
import type { Severity } from '../validate/types';
import { SEVERITIES } from '../validate/types';
import type { DeckElement, Paragraph, TextContent, TextElement } from './model';
import { SLIDE, textHeight } from './model';

export interface ParagraphStyle {
  size: number;
  bold?: boolean;
  color: string;
  /** Distance between baselines; 1.3 × the size unless told. */
  lineHeight?: number;
  maxLines?: number;
}

/** Text wrapped to `width` with the export font's metrics; one line (ellipsis when long) when maxLines is 1. */
export function paragraph(text: string, width: number, style: ParagraphStyle, measure: MeasureText): Paragraph {
  const { size, bold, color, maxLines = Infinity } = style;
  const lines = maxLines === 1 ? [truncate(text, width, size, measure, bold)] : wrap(text, width, size, measure, maxLines, bold);
  return { lines, size, bold, color, lineHeight: style.lineHeight ?? Math.round(size * 1.3) };
}

/** A frameless text box at (x, y), exactly as high as its lines. */
export function textBox(x: number, y: number, w: number, paragraphs: Paragraph[], options: Omit<TextContent, 'paragraphs'> & { role?: TextElement['role'] } = {}): TextElement {
  const { role, ...rest } = options;
  const text: TextContent = { paragraphs, ...rest };
  return { kind: 'text', role, x, y, w, h: textHeight(text), text };
}

/** The slide title with the accent bar beside it, and a subtitle line beneath when there is one. */
export function heading(title: string, subtitle: string | undefined, measure: MeasureText): DeckElement[] {
  const x = SLIDE.margin + 20;
  const w = SLIDE.width - SLIDE.margin - x;
  const elements: DeckElement[] = [
    { kind: 'box', role: 'decoration', x: SLIDE.margin, y: 40, w: 6, h: subtitle ? 52 : 34, fill: ACCENT },
    textBox(x, 40, w, [paragraph(title, w, { size: 28, bold: true, color: INK, lineHeight: 34, maxLines: 1 }, measure)], { role: 'title' }),
  ];
  if (subtitle) elements.push(textBox(x, 78, w, [paragraph(subtitle, w, { size: 13, color: MUTED, lineHeight: 18, maxLines: 1 }, measure)], { role: 'subtitle' }));
  return elements;
}

export const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function findingSummary(counts: Record<Severity, number>): string {
  return `${plural(counts.error, 'error')} · ${plural(counts.warning, 'warning')} · ${counts.info} info`;
}

/** The most severe of the given severities, if any. */
export function worstOf(severities: Iterable<Severity | undefined>): Severity | undefined {
  let worst: Severity | undefined;
  for (const s of severities) if (s && (!worst || SEVERITIES.indexOf(s) < SEVERITIES.indexOf(worst))) worst = s;
  return worst;
}
