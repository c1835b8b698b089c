import type { JourneyMap } from '../model/journeyMap';
import type { MeasureText } from '../drawing/shapes';
import { truncate, wrap } from '../drawing/text';
import { ACCENT, BACKDROP, INK, LINE, MUTED } from '../drawing/theme';
import type { Slide, TableCell, TextElement } from './model';
import { SLIDE, TABLE_CELL_PADDING } from './model';
import { heading, paragraph, plural, textBox } from './parts';

/** The dot a card's vote count is written with: "● 3", as on the canvas. */
export const VOTE_MARK = '●';
/** The ranked list shows at most this many items; the speaker notes list them all. */
export const MAX_VOTED_ITEMS = 12;

export const voteLabel = (votes: number) => `${VOTE_MARK} ${votes}`;

/** A card's vote count, right-aligned so it ends at `right`, on the line box at `top`; bold, in the accent colour. */
export function voteTag(votes: number, right: number, top: number, size: number, lineHeight: number, measure: MeasureText): TextElement {
  const w = voteTagWidth(votes, size, measure);
  return textBox(right - w, top, w, [{ lines: [voteLabel(votes)], size, lineHeight, bold: true, color: ACCENT }], { align: 'right' });
}

/** How wide a vote tag is, with a little room before the title it sits beside. */
export function voteTagWidth(votes: number, size: number, measure: MeasureText): number {
  return Math.ceil(measure(voteLabel(votes), size, true)) + 4;
}

/**
 * A title's lines when a vote tag `tagW` wide ends its first line: the first line is that much narrower, the
 * others use the full `width`, at most `maxLines` in all (the last ends in an ellipsis when cut).
 */
export function linesBesideTag(text: string, tagW: number, width: number, size: number, bold: boolean, maxLines: number, measure: MeasureText): string[] {
  const words = text.split(/\s+/).filter(Boolean).join(' ');
  if (maxLines <= 1) return [truncate(words, width - tagW, size, measure, bold)];
  const first = wrap(words, width - tagW, size, measure, Infinity, bold)[0] ?? '';
  const rest = words.slice(first.length).trim();
  return rest ? [first, ...wrap(rest, width, size, measure, maxLines - 1, bold)] : [first];
}

export interface VotedItem {
  id: string;
  kind: 'touchpoint' | 'note';
  title: string;
  votes: number;
  /** The stage's name; undefined for a note pinned to no stage. */
  stage?: string;
  stageIndex: number;
}

/**
 * Every touchpoint and note with votes, most votes first; ties by stage order (notes pinned to no stage last),
 * then by title, then by id, so the same map always gives the same list.
 */
export function rankVotedItems(map: JourneyMap): VotedItem[] {
  const stageIndex = new Map(map.stages.map((s, i) => [s.id, i]));
  const stageName = new Map(map.stages.map((s) => [s.id, s.name]));
  const items: VotedItem[] = [];
  for (const t of map.touchpoints) {
    if (t.votes) items.push({ id: t.id, kind: 'touchpoint', title: t.title, votes: t.votes, stage: stageName.get(t.stageId), stageIndex: stageIndex.get(t.stageId) ?? Infinity });
  }
  for (const n of map.notes) {
    if (!n.votes) continue;
    const stageId = n.stageId;
    items.push({ id: n.id, kind: 'note', title: n.text.replace(/\s+/g, ' '), votes: n.votes, stage: stageId ? stageName.get(stageId) : undefined, stageIndex: stageId ? (stageIndex.get(stageId) ?? Infinity) : Infinity });
  }
  const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return items.sort(
    (a, b) => b.votes - a.votes || a.stageIndex - b.stageIndex || a.title.localeCompare(b.title, 'en', { sensitivity: 'base' }) || byText(a.title, b.title) || byText(a.id, b.id),
  );
}

const COLUMNS = [
  { header: '#', width: 44, align: 'center' as const },
  { header: 'Votes', width: 96, align: 'center' as const },
  { header: 'Touchpoint or note', width: 460, align: 'left' as const },
  { header: 'Kind', width: 112, align: 'left' as const },
  { header: 'Stage', width: 160, align: 'left' as const },
];
const ROW_HEIGHT = 28;
const TEXT_SIZE = 14;

/**
 * "What the room voted for": the dot-voted touchpoints and notes, ranked, at most MAX_VOTED_ITEMS of them, each
 * with its count, kind and stage. No slide when nothing has votes. The speaker notes hold the whole list.
 */
export function voteSlides(map: JourneyMap, measure: MeasureText): Slide[] {
  const ranked = rankVotedItems(map);
  if (ranked.length === 0) return [];
  const shown = ranked.slice(0, MAX_VOTED_ITEMS);
  const total = ranked.reduce((sum, item) => sum + item.votes, 0);
  const subtitle = `${plural(total, 'vote')} on ${plural(ranked.length, 'item')}${ranked.length > shown.length ? ` · the top ${shown.length} shown` : ''}`;
  const fit = (text: string, column: number, bold = false) => truncate(text, COLUMNS[column]!.width - 2 * TABLE_CELL_PADDING, TEXT_SIZE, measure, bold);
  const header: TableCell[] = COLUMNS.map((c) => ({ text: c.header, size: 12, bold: true, color: MUTED, fill: BACKDROP, align: c.align }));
  const rows: TableCell[][] = shown.map((item, i) => {
    // Items that tie share a rank: 1, 2, 2, 4.
    const rank = ranked.findIndex((other) => other.votes === item.votes) + 1;
    const cells: TableCell[] = [
      { text: String(rank), size: TEXT_SIZE, color: MUTED, align: 'center' },
      { text: voteLabel(item.votes), size: TEXT_SIZE, bold: true, color: ACCENT, align: 'center' },
      { text: fit(item.title, 2, item.kind === 'touchpoint'), size: TEXT_SIZE, bold: item.kind === 'touchpoint', color: INK },
      { text: item.kind === 'touchpoint' ? 'Touchpoint' : 'Note', size: TEXT_SIZE, color: INK },
      { text: fit(item.stage ?? '—', 4), size: TEXT_SIZE, color: item.stage ? INK : MUTED },
    ];
    return i % 2 === 1 ? cells.map((cell) => ({ ...cell, fill: '#f8fafc' })) : cells;
  });
  const elements = [
    ...heading('What the room voted for', subtitle, measure),
    { kind: 'table' as const, x: SLIDE.margin, y: SLIDE.top, columnWidths: COLUMNS.map((c) => c.width), rowHeight: ROW_HEIGHT, gridColor: LINE, rows: [header, ...rows] },
  ];
  if (ranked.length > shown.length) {
    const y = SLIDE.top + (rows.length + 1) * ROW_HEIGHT + 8;
    const w = SLIDE.width - 2 * SLIDE.margin;
    elements.push(textBox(SLIDE.margin, y, w, [paragraph(`…and ${plural(ranked.length - shown.length, 'more voted item')}, listed in the speaker notes.`, w, { size: 12, color: MUTED, lineHeight: 16, maxLines: 1 }, measure)]));
  }
  const notes = [`Votes, most first (${plural(total, 'vote')}):`, ...ranked.map((item) => `${item.votes} · ${item.kind === 'touchpoint' ? 'Touchpoint' : 'Note'} · ${item.title}${item.stage ? ` · ${item.stage}` : ''}`)].join('\n');
  return [{ kind: 'votes', elements, notes }];
}
