import type { JourneyMap } from '../model/journeyMap';
import type { Finding } from '../validate/types';
import { SEVERITIES } from '../validate/types';
import { countBySeverity } from '../validate/validate';
import type { MeasureText } from '../drawing/shapes';
import { INK, NOTE_FILL, NOTE_STROKE, SEVERITY_COLOR, SEVERITY_LABEL } from '../drawing/theme';
import type { DeckElement, Slide } from './model';
import { SLIDE } from './model';
import { findingSummary, heading, paragraph, plural, textBox } from './parts';

/** Every open finding, grouped by severity, continued over as many slides as it takes. */
export function findingsSlides(findings: readonly Finding[], measure: MeasureText): Slide[] {
  const counts = countBySeverity(findings);
  const title = findings.length ? `Open findings (${findings.length})` : 'Open findings';
  const width = SLIDE.width - 2 * SLIDE.margin;
  const slides: Slide[] = [];
  let elements: DeckElement[] = [];
  const newSlide = (continued: boolean) => {
    elements = [...heading(continued ? `${title} (continued)` : title, findings.length ? findingSummary(counts) : undefined, measure)];
    slides.push({ kind: 'findings', elements });
  };
  newSlide(false);
  let y = SLIDE.top;
  if (findings.length === 0) {
    elements.push(textBox(SLIDE.margin, y + 14, width, [paragraph('No open findings: every stage is covered and every touchpoint has one lead.', width, { size: 16, color: INK }, measure)]));
  }
  for (const severity of SEVERITIES) {
    const group = findings.filter((f) => f.severity === severity);
    let first = true;
    for (const finding of group) {
      const message = textBox(0, 0, width - 24, [paragraph(finding.message, width - 30, { size: 12, color: INK, lineHeight: 16, maxLines: 2 }, measure)]);
      if (y + (first ? 28 : 0) + message.h + 8 > SLIDE.bottom) {
        newSlide(true);
        y = SLIDE.top;
        first = true;
      }
      if (first) {
        const label = `${SEVERITY_LABEL[severity]}s (${group.length})`.replace('Infos', 'Info');
        elements.push(textBox(SLIDE.margin, y + 2, width, [paragraph(label, width, { size: 14, bold: true, color: SEVERITY_COLOR[severity], lineHeight: 19 }, measure)]));
        y += 28;
        first = false;
      }
      elements.push({ kind: 'badge', severity, x: SLIDE.margin, y: y + 1, size: 13 }, { ...message, x: SLIDE.margin + 24, y });
      y += message.h + 8;
    }
  }
  return slides;
}

const NOTE = { width: 200, height: 110, gap: 16 };

/** The parking lot: every sticky note as a note on the slide, as many slides as it takes. */
export function parkingLotSlides(map: JourneyMap, measure: MeasureText): Slide[] {
  if (map.notes.length === 0) return [];
  const perRow = Math.floor((SLIDE.width - 2 * SLIDE.margin + NOTE.gap) / (NOTE.width + NOTE.gap));
  const perSlide = perRow * Math.floor((SLIDE.bottom - SLIDE.top + NOTE.gap) / (NOTE.height + NOTE.gap));
  const slides: Slide[] = [];
  for (let start = 0; start < map.notes.length; start += perSlide) {
    const elements = heading(start === 0 ? 'Parking lot' : 'Parking lot (continued)', start === 0 ? plural(map.notes.length, 'note') : undefined, measure);
    map.notes.slice(start, start + perSlide).forEach((note, i) => {
      elements.push({
        kind: 'box',
        role: 'note',
        x: SLIDE.margin + (i % perRow) * (NOTE.width + NOTE.gap),
        y: SLIDE.top + Math.floor(i / perRow) * (NOTE.height + NOTE.gap),
        w: NOTE.width,
        h: NOTE.height,
        fill: NOTE_FILL,
        stroke: NOTE_STROKE,
        strokeWidth: 1,
        text: { paragraphs: [paragraph(note.text, NOTE.width - 24, { size: 13, color: INK, lineHeight: 17, maxLines: 5 }, measure)], inset: 12 },
      });
    });
    slides.push({ kind: 'parkingLot', elements });
  }
  return slides;
}
