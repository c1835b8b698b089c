import type { JourneyMap } from '../model/journeyMap';
import { teamColor } from '../layout/teamColors';
import type { MeasureText, Shape } from './shapes';
import { truncate } from './text';
import { INK, LINE, SURFACE } from './theme';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * A band above an exported view that says what it is: the map's name and which colour is which team,
 * so an image pasted into a slide or an e-mail still reads on its own. Sized from the view's width, so
 * it stays legible next to a view of the whole map or of one cell. Returns the shapes and the new view.
 */
export function captionBand(map: JourneyMap, view: Box, measure: MeasureText): { shapes: Shape[]; view: Box } {
  const size = Math.max(12, Math.min(40, view.width / 70));
  const gap = size * 0.8;
  const height = size * 2.6;
  const top = view.y - height;
  const baseline = top + height / 2 + size * 0.36;
  const shapes: Shape[] = [
    { kind: 'rect', x: view.x, y: top, w: view.width, h: height, fill: SURFACE },
    { kind: 'path', points: [[view.x, view.y], [view.x + view.width, view.y]], stroke: LINE, width: Math.max(1, size / 12) },
  ];
  // The legend takes what it needs on the right; the name gets the rest.
  const legend = map.teams.map((team, i) => ({ name: team.name, color: teamColor(team, i), width: size * 1.2 + measure(team.name, size * 0.8) }));
  const maxLegend = view.width * 0.6;
  const shown = [];
  for (const item of legend) {
    if (shown.reduce((sum, s) => sum + s.width + gap, 0) + item.width > maxLegend) break;
    shown.push(item);
  }
  const legendWidth = shown.reduce((sum, item) => sum + item.width + gap, 0);
  const nameWidth = view.width - legendWidth - 2 * gap;
  shapes.push({ kind: 'text', x: view.x + gap, y: baseline, text: truncate(map.name, nameWidth, size, measure, true), size, bold: true, color: INK });
  let x = view.x + view.width - legendWidth;
  for (const item of shown) {
    const swatch = size * 0.8;
    shapes.push({ kind: 'rect', x, y: baseline - swatch * 0.85, w: swatch, h: swatch, radius: swatch * 0.2, fill: item.color });
    shapes.push({ kind: 'text', x: x + swatch * 1.4, y: baseline, text: item.name, size: size * 0.8, color: INK });
    x += item.width + gap;
  }
  return { shapes, view: { x: view.x, y: top, width: view.width, height: view.height + height } };
}
