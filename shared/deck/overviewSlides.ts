import type { JourneyMap } from '../model/journeyMap';
import type { Finding, Severity } from '../validate/types';
import { teamColor, UNOWNED_COLOR } from '../layout/teamColors';
import { laneTeamIdOf } from '../model/lanes';
import type { MeasureText } from '../drawing/shapes';
import { INK, MUTED, SURFACE, shade, tint } from '../drawing/theme';
import type { BoxElement, DeckElement, Slide } from './model';
import { SLIDE } from './model';
import { heading, paragraph, textBox, worstOf } from './parts';
import { linesBesideTag, voteTag, voteTagWidth } from './voteSlides';

/** Card titles on the overview never get smaller than this: a slide is read from across a room. */
export const OVERVIEW_TITLE_SIZE = 10;
/** A roomier title size for journeys with few cards per cell, tried first. */
const ROOMY_TITLE = { size: 12, lineHeight: 15 };
const SMALLEST_TITLE = { size: OVERVIEW_TITLE_SIZE, lineHeight: 13 };
/** More stages than this per slide and the titles would have to shrink; the overview splits instead. */
const MAX_STAGES_PER_SLIDE = 5;
const LANE_LABEL_WIDTH = 118;
const HEADER_HEIGHT = 24;
const CELL_PADDING = 6;
const ITEM_GAP = 5;
const CARD_INSET = 6;
const BADGE_SIZE = 10;
const LINE_HEIGHT = 13;
const LANE_LABEL_LINE_HEIGHT = 15;
/** Room for two lines of a lane's name, and for one one-line card. */
const MIN_LANE_HEIGHT = 2 * CELL_PADDING + Math.max(2 * LANE_LABEL_LINE_HEIGHT, LINE_HEIGHT + 2 * CARD_INSET) + 3;

interface Lane {
  id: string | null;
  name: string;
  color: string;
}

/** What sits in one cell of the overview: a touchpoint card or a handoff, by id, with its text. */
interface Item {
  id: string;
  role: 'card' | 'handoff';
  text: string;
  severity?: Severity;
  /** Dot votes, shown as "● 3" at the end of the card's first line. */
  votes?: number;
}

/**
 * The journey at a glance: stages across, team lanes down, every touchpoint a card with its title and every
 * connection an arrow. Titles stay at OVERVIEW_TITLE_SIZE or larger; a long journey is split into groups of stages,
 * many lanes into groups of lanes, and a crowded cell shows its first cards and how many more there are.
 */
export function overviewSlides(map: JourneyMap, findings: readonly Finding[], measure: MeasureText): Slide[] {
  const teamIds = new Set(map.teams.map((t) => t.id));
  const worst = new Map<string, Severity>();
  for (const f of findings) for (const id of f.targetIds) worst.set(id, worstOf([worst.get(id), f.severity])!);
  const teamNames = new Map(map.teams.map((t) => [t.id, t.name]));
  const lanes: Lane[] = map.teams.map((t, i) => ({ id: t.id, name: t.name, color: teamColor(t, i) }));
  if (map.touchpoints.some((t) => laneTeamIdOf(t, teamIds) === undefined)) lanes.push({ id: null, name: 'No lead', color: UNOWNED_COLOR });

  const itemsIn = (stageId: string, lane: Lane): Item[] => [
    ...map.touchpoints
      .filter((t) => t.stageId === stageId && (laneTeamIdOf(t, teamIds) ?? null) === lane.id)
      .map((t): Item => ({ id: t.id, role: 'card', text: t.title, severity: worst.get(t.id), votes: t.votes })),
    ...map.handoffs
      .filter((h) => h.stageId === stageId && (teamIds.has(h.fromTeamId) ? h.fromTeamId : null) === lane.id)
      .map((h): Item => ({ id: h.id, role: 'handoff', text: `${teamNames.get(h.fromTeamId) ?? 'Unknown team'} → ${teamNames.get(h.toTeamId) ?? 'Unknown team'}`, severity: worst.get(h.id) })),
  ];

  const stageGroups = chunkEvenly(map.stages, MAX_STAGES_PER_SLIDE);
  const areaH = SLIDE.bottom - SLIDE.top - HEADER_HEIGHT;
  // Every lane must have room for a one-line card, or the lanes continue on another slide.
  const laneGroups = chunkEvenly(lanes, Math.max(1, Math.floor(areaH / MIN_LANE_HEIGHT)));
  const parts = stageGroups.length * laneGroups.length;
  const slides: Slide[] = [];
  if (map.stages.length === 0) {
    slides.push({ kind: 'overview', elements: [...heading('The journey at a glance', undefined, measure), textBox(SLIDE.margin, SLIDE.top, 600, [paragraph('No stages yet.', 600, { size: 16, color: MUTED }, measure)])] });
    return slides;
  }
  for (const stages of stageGroups) {
    for (const laneGroup of laneGroups) {
      const columnW = (SLIDE.width - 2 * SLIDE.margin - LANE_LABEL_WIDTH) / stages.length;
      const cardW = columnW - 2 * CELL_PADDING;
      const textW = cardW - 2 * CARD_INSET - BADGE_SIZE - 2;
      const cells = laneGroup.map((lane) => stages.map((stage) => itemsIn(stage.id, lane)));
      const fitted = fitCells(cells, textW, measure, areaH);
      const elements: DeckElement[] = [];
      const part = slides.length + 1;
      const title = parts > 1 ? `The journey at a glance (${part}/${parts})` : 'The journey at a glance';
      const range = stages.length > 1 ? `${stages[0]!.name} to ${stages[stages.length - 1]!.name}` : stages[0]!.name;
      const notes = [parts > 1 ? range : undefined, fitted.hidden ? 'Crowded cells show their first cards; every card is on its stage’s slides.' : undefined].filter(Boolean).join(' · ');
      elements.push(...heading(title, notes || undefined, measure));

      const gridX = SLIDE.margin + LANE_LABEL_WIDTH;
      stages.forEach((stage, c) => {
        elements.push(textBox(gridX + c * columnW, SLIDE.top, columnW, [paragraph(stage.name, columnW - 8, { size: 12, bold: true, color: INK, lineHeight: 16, maxLines: 1 }, measure)], { align: 'center' }));
      });

      const placed = new Map<string, BoxElement>();
      let y = SLIDE.top + HEADER_HEIGHT;
      laneGroup.forEach((lane, r) => {
        const laneH = fitted.laneHeights[r]!;
        elements.push({ kind: 'box', role: 'decoration', x: SLIDE.margin, y, w: SLIDE.width - 2 * SLIDE.margin, h: laneH - 3, fill: tint(lane.color, 0.9) });
        elements.push({ kind: 'box', role: 'decoration', x: SLIDE.margin, y, w: 4, h: laneH - 3, fill: lane.color });
        elements.push(textBox(SLIDE.margin + 10, y + CELL_PADDING, LANE_LABEL_WIDTH - 14, [paragraph(lane.name, LANE_LABEL_WIDTH - 14, { size: 12, bold: true, color: shade(lane.color, 0.25), lineHeight: LANE_LABEL_LINE_HEIGHT, maxLines: Math.max(2, Math.floor((laneH - 2 * CELL_PADDING) / LANE_LABEL_LINE_HEIGHT)) }, measure)]));
        stages.forEach((_, c) => {
          const x = gridX + c * columnW + CELL_PADDING;
          let itemY = y + CELL_PADDING;
          for (const { item, lines } of fitted.cells[r]![c]!.shown) {
            const h = lines.length * fitted.title.lineHeight + 2 * CARD_INSET;
            const box: BoxElement = {
              kind: 'box',
              role: item.role,
              x,
              y: itemY,
              w: cardW,
              h,
              radius: 5,
              fill: item.role === 'card' ? SURFACE : tint(lane.color, 0.75),
              stroke: item.role === 'card' ? tint(lane.color, 0.35) : shade(lane.color, 0.1),
              strokeWidth: 1,
              dash: item.role === 'handoff' ? [3, 2] : undefined,
              text: { paragraphs: [{ lines, bold: item.role === 'card', color: INK, ...fitted.title }], inset: CARD_INSET },
            };
            elements.push(box);
            if (item.severity) elements.push({ kind: 'badge', severity: item.severity, x: x + cardW - BADGE_SIZE - 3, y: itemY + 3, size: BADGE_SIZE });
            if (item.votes) elements.push(voteTag(item.votes, x + CARD_INSET + textW, itemY + CARD_INSET, fitted.title.size, fitted.title.lineHeight, measure));
            placed.set(item.id, box);
            itemY += h + ITEM_GAP;
          }
          const more = fitted.cells[r]![c]!.more;
          if (more) elements.push(textBox(x, itemY, cardW, [paragraph(`+ ${more} more`, cardW, { size: 9, bold: true, color: MUTED, lineHeight: LINE_HEIGHT }, measure)], { align: 'center' }));
        });
        y += laneH;
      });

      for (const connection of map.connections) {
        const from = placed.get(connection.source);
        const to = placed.get(connection.target);
        if (from && to) elements.push({ kind: 'line', ...connectionEnds(from, to), color: MUTED, width: 1.25, arrow: true });
      }
      slides.push({ kind: 'overview', elements });
    }
  }
  return slides;
}

/** Splits a list into the fewest groups of at most `max`, as even as possible (7 → 4 + 3, not 5 + 2). */
function chunkEvenly<T>(items: readonly T[], max: number): T[][] {
  const groups = Math.max(1, Math.ceil(items.length / max));
  const size = Math.ceil(items.length / groups);
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += size) result.push(items.slice(i, i + size));
  return result.length ? result : [[]];
}

interface FittedCell {
  shown: { item: Item; lines: string[] }[];
  more: number;
}

/**
 * The cards each cell shows and each lane's height, so the lanes fill no more than `areaH`: larger two-line
 * titles if everything fits, then smaller ones, else one-line titles, else the first cards of crowded cells and a count.
 */
function fitCells(cells: Item[][][], textW: number, measure: MeasureText, areaH: number): { cells: FittedCell[][]; laneHeights: number[]; hidden: boolean; title: typeof SMALLEST_TITLE } {
  const layout = (maxLines: number, cap: number, title = SMALLEST_TITLE) => {
    const fittedCells = cells.map((row) =>
      row.map((items): FittedCell => {
        const shownCount = items.length > cap ? cap - 1 : items.length;
        return {
          shown: items.slice(0, shownCount).map((item) => {
            const bold = item.role === 'card';
            // A voted card's first line leaves room for its count.
            if (item.votes) return { item, lines: linesBesideTag(item.text, voteTagWidth(item.votes, title.size, measure), textW, title.size, bold, maxLines, measure) };
            return { item, lines: paragraph(item.text, textW, { size: title.size, bold, color: INK, maxLines }, measure).lines };
          }),
          more: items.length - shownCount,
        };
      }),
    );
    const laneHeights = fittedCells.map((row) => {
      const tallest = Math.max(0, ...row.map((cell) => cell.shown.reduce((sum, { lines }) => sum + lines.length * title.lineHeight + 2 * CARD_INSET + ITEM_GAP, 0) + (cell.more ? LINE_HEIGHT + ITEM_GAP : 0)));
      return Math.max(MIN_LANE_HEIGHT, tallest - ITEM_GAP + 2 * CELL_PADDING + 3);
    });
    return { cells: fittedCells, laneHeights, hidden: fittedCells.some((row) => row.some((cell) => cell.more > 0)), title };
  };
  const total = (l: { laneHeights: number[] }) => l.laneHeights.reduce((a, b) => a + b, 0);
  // The height of the lanes if every card shown took one line, from the counts alone: exact for one-line
  // titles, and a floor for two-line ones (no title takes fewer lines). So an attempt that cannot fit is
  // skipped, and the search below runs, without measuring a title: a huge map's overview measures once.
  const oneLineTotal = (cap: number, title: typeof SMALLEST_TITLE) =>
    cells
      .map((row) => {
        const tallest = Math.max(
          0,
          ...row.map((items) => {
            const shownCount = items.length > cap ? cap - 1 : items.length;
            let height = 0;
            for (let i = 0; i < shownCount; i++) height = height + title.lineHeight + 2 * CARD_INSET + ITEM_GAP;
            return height + (items.length - shownCount ? LINE_HEIGHT + ITEM_GAP : 0);
          }),
        );
        return Math.max(MIN_LANE_HEIGHT, tallest - ITEM_GAP + 2 * CELL_PADDING + 3);
      })
      .reduce((a, b) => a + b, 0);
  for (const [maxLines, title] of [[2, ROOMY_TITLE], [2, SMALLEST_TITLE], [1, SMALLEST_TITLE]] as const) {
    if (oneLineTotal(Infinity, title) > areaH) continue;
    const attempt = layout(maxLines, Infinity, title);
    if (total(attempt) <= areaH) return attempt;
  }
  // The most cards a cell may show: fewer cards never make a lane taller, so search for the largest that fits.
  let fits = 1;
  let tooMany = Math.max(2, ...cells.flat().map((items) => items.length));
  while (tooMany - fits > 1) {
    const cap = Math.floor((fits + tooMany) / 2);
    if (oneLineTotal(cap, SMALLEST_TITLE) <= areaH) fits = cap;
    else tooMany = cap;
  }
  return layout(1, fits);
}

/** Where an arrow between two cards starts and ends: side to side across stages, top to bottom within one. */
function connectionEnds(from: BoxElement, to: BoxElement): { from: [number, number]; to: [number, number] } {
  const mid = (b: BoxElement): [number, number] => [b.x + b.w / 2, b.y + b.h / 2];
  if (to.x > from.x + from.w / 2) return { from: [from.x + from.w, mid(from)[1]], to: [to.x, mid(to)[1]] };
  if (to.x + to.w / 2 < from.x) return { from: [from.x, mid(from)[1]], to: [to.x + to.w, mid(to)[1]] };
  return to.y > from.y ? { from: [mid(from)[0], from.y + from.h], to: [mid(to)[0], to.y] } : { from: [mid(from)[0], from.y], to: [mid(to)[0], to.y + to.h] };
}
