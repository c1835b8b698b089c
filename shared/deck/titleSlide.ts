import type { JourneyMap } from '../model/journeyMap';
import type { Finding } from '../validate/types';
import { countBySeverity } from '../validate/validate';
import { teamColor } from '../layout/teamColors';
import type { MeasureText } from '../drawing/shapes';
import { ACCENT, INK, LINE, MUTED, SEVERITY_COLOR } from '../drawing/theme';
import type { DeckElement, Slide } from './model';
import { SLIDE } from './model';
import { findingSummary, paragraph, textBox } from './parts';

/** The map's name and description, the export date, the team legend and the counts that matter. */
export function titleSlide(map: JourneyMap, findings: readonly Finding[], date: Date, measure: MeasureText): Slide {
  const elements: DeckElement[] = [];
  const width = SLIDE.width - 2 * SLIDE.margin;
  const stripe = SLIDE.width / Math.max(1, map.teams.length);
  map.teams.forEach((t, i) => elements.push({ kind: 'box', role: 'decoration', x: i * stripe, y: 0, w: stripe + (i < map.teams.length - 1 ? 1 : 0), h: 14, fill: teamColor(t, i) }));
  if (map.teams.length === 0) elements.push({ kind: 'box', role: 'decoration', x: 0, y: 0, w: SLIDE.width, h: 14, fill: ACCENT });

  elements.push(textBox(SLIDE.margin, 66, width, [paragraph('BUYER JOURNEY MAP', width, { size: 13, bold: true, color: ACCENT, lineHeight: 18 }, measure)]));
  const name = textBox(SLIDE.margin, 100, width, [paragraph(map.name, width, { size: 40, bold: true, color: INK, lineHeight: 48, maxLines: 2 }, measure)]);
  elements.push(name);
  let y = name.y + name.h;
  if (map.description) {
    const description = textBox(SLIDE.margin, y + 4, width, [paragraph(map.description, width, { size: 16, color: MUTED, lineHeight: 22, maxLines: 3 }, measure)]);
    elements.push(description);
    y = description.y + description.h;
  }
  const formatted = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
  elements.push(textBox(SLIDE.margin, y + 8, width, [paragraph(`Exported ${formatted}`, width, { size: 13, color: MUTED, lineHeight: 18 }, measure)]));

  // Team legend: a swatch and the name, as many as fit on one row.
  let x = SLIDE.margin;
  const legendY = 326;
  map.teams.forEach((team, i) => {
    const label = paragraph(team.name, 220, { size: 14, bold: true, color: INK, lineHeight: 20, maxLines: 1 }, measure);
    const w = measure(label.lines[0]!, 14, true) + 26;
    if (x + w > SLIDE.width - SLIDE.margin) return;
    elements.push({ kind: 'box', role: 'swatch', x, y: legendY + 3, w: 14, h: 14, radius: 3, fill: teamColor(team, i) });
    elements.push(textBox(x + 20, legendY, w - 18, [label]));
    x += w + 18;
  });

  // Counts, each in a tile: the number, what it counts, and for findings how severe they are.
  const counts = countBySeverity(findings);
  const stats: [number, string, string?][] = [
    [map.stages.length, map.stages.length === 1 ? 'stage' : 'stages'],
    [map.touchpoints.length, map.touchpoints.length === 1 ? 'touchpoint' : 'touchpoints'],
    [map.handoffs.length, map.handoffs.length === 1 ? 'handoff' : 'handoffs'],
    [findings.length, findings.length === 1 ? 'open finding' : 'open findings', findingSummary(counts)],
  ];
  const tileW = (width - 3 * 16) / 4;
  stats.forEach(([value, label, detail], i) => {
    const inner = tileW - 24;
    const paragraphs = [
      paragraph(String(value), inner, { size: 34, bold: true, color: i === 3 && counts.error > 0 ? SEVERITY_COLOR.error : INK, lineHeight: 38 }, measure),
      paragraph(label, inner, { size: 14, color: MUTED, lineHeight: 18, maxLines: 1 }, measure),
      ...(detail ? [paragraph(detail, inner, { size: 11, color: MUTED, lineHeight: 14, maxLines: 1 }, measure)] : []),
    ];
    elements.push({ kind: 'box', role: 'stat', x: SLIDE.margin + i * (tileW + 16), y: 380, w: tileW, h: 96, radius: 10, fill: '#f8fafc', stroke: LINE, strokeWidth: 1, text: { paragraphs, inset: 12, valign: 'middle' } });
  });
  return { kind: 'title', elements };
}
