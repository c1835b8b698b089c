import type { JourneyMap } from '../model/journeyMap';
import type { Finding, Severity } from '../validate/types';
import { GRID, UNOWNED_LANE, layoutGrid, type GridLayout } from '../layout/grid';
import { teamColor, UNOWNED_COLOR } from '../layout/teamColors';
import type { Drawing, MeasureText, Shape } from './shapes';
import { truncate, wrap } from './text';
import { INK, LINE, MUTED, NOTE_FILL, NOTE_STROKE, SEVERITY_COLOR, SURFACE, WARNING_CHIP, shade, tint } from './theme';
import { severityBadge } from './badges';

const NOTE = { width: 200, height: 120 };
const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export interface GridDrawingOptions {
  measure: MeasureText;
  /** Findings to mark on cards, headers, lanes and handoffs; none for a plain drawing. */
  findings?: readonly Finding[];
  /** Leave out card text: for overviews too small to read, where shapes and colours carry it. */
  blocksOnly?: boolean;
}

function worstByTarget(findings: readonly Finding[]): Map<string, Severity> {
  const worst = new Map<string, Severity>();
  for (const f of findings) {
    for (const id of f.targetIds) {
      const current = worst.get(id);
      if (!current || RANK[f.severity] < RANK[current]) worst.set(id, f.severity);
    }
  }
  return worst;
}

/** A chip with a team's name: filled for a lead, outlined for a supporter. Returns its width. */
function chip(shapes: Shape[], x: number, y: number, label: string, color: string, filled: boolean, measure: MeasureText, maxWidth: number): number {
  const size = 11;
  const text = truncate(label, maxWidth - 14, size, measure, true);
  const w = measure(text, size, true) + 14;
  shapes.push({ kind: 'rect', x, y, w, h: 17, radius: 8.5, fill: filled ? color : SURFACE, stroke: filled ? undefined : color, strokeWidth: 1 });
  shapes.push({ kind: 'text', x: x + 7, y: y + 12.5, text, size, bold: true, color: filled ? '#ffffff' : shade(color, 0.2) });
  return w;
}

function issueOutline(shapes: Shape[], box: { x: number; y: number; w: number; h: number }, severity: Severity | undefined) {
  if (!severity) return;
  const dash = severity === 'warning' ? [6, 4] : severity === 'info' ? [2, 3] : undefined;
  shapes.push({ kind: 'rect', x: box.x - 3, y: box.y - 3, w: box.w + 6, h: box.h + 6, radius: 12, stroke: SEVERITY_COLOR[severity], strokeWidth: 2.5, dash });
  shapes.push(...severityBadge(severity, box.x + box.w - 24, box.y + 5, 18));
}

/** Connections as right-angled arrows from a card's right side to the next card's left side. */
function connectionPath(from: { x: number; y: number; width: number; height: number }, to: { x: number; y: number; width: number; height: number }): [number, number][] {
  const sx = from.x + from.width;
  const sy = from.y + from.height / 2;
  const tx = to.x;
  const ty = to.y + to.height / 2;
  if (tx - sx >= 24) {
    const mx = sx + (tx - sx) / 2;
    return [[sx, sy], [mx, sy], [mx, ty], [tx, ty]];
  }
  // Target left of (or just beside) the source: go out, around, and in from the left.
  const out = sx + 14;
  const back = tx - 14;
  const between = sy < ty ? Math.min(sy + from.height / 2 + 8, ty - 8) : Math.max(sy - from.height / 2 - 8, ty + 8);
  return [[sx, sy], [out, sy], [out, between], [back, between], [back, ty], [tx, ty]];
}

/**
 * The journey grid as the canvas shows it — stage headers, team lanes, cards in their cells, handoffs,
 * connections, notes and finding markers — in canvas coordinates, from the same layout as the canvas.
 */
export function drawJourneyGrid(map: JourneyMap, options: GridDrawingOptions): Drawing & { layout: GridLayout; originX: number; originY: number } {
  const { measure, blocksOnly = false } = options;
  const layout = layoutGrid(map);
  const worst = worstByTarget(options.findings ?? []);
  const teamColors = new Map(map.teams.map((t, i) => [t.id, teamColor(t, i)]));
  const teamNames = new Map(map.teams.map((t) => [t.id, t.name]));
  const shapes: Shape[] = [];
  const right = layout.width;

  // Lanes: tinted band, label with the team's colour bar.
  for (const lane of layout.lanes) {
    const unowned = lane.key === UNOWNED_LANE;
    shapes.push({ kind: 'rect', x: GRID.laneHeaderWidth, y: lane.y, w: right - GRID.laneHeaderWidth, h: lane.height, fill: unowned ? '#f1f5f9' : tint(lane.color, 0.93), stroke: tint(lane.color, 0.7), strokeWidth: 1 });
    shapes.push({ kind: 'rect', x: 0, y: lane.y, w: GRID.laneHeaderWidth, h: lane.height, fill: unowned ? '#e2e8f0' : tint(lane.color, 0.86), stroke: tint(lane.color, 0.7), strokeWidth: 1 });
    shapes.push({ kind: 'rect', x: 0, y: lane.y, w: 10, h: lane.height, fill: lane.color });
    const lines = wrap(lane.name, GRID.laneHeaderWidth - 44, 22, measure, 3, true);
    const top = lane.y + lane.height / 2 - (lines.length * 27) / 2 + 20;
    lines.forEach((line, i) => shapes.push({ kind: 'text', x: 28, y: top + i * 27, text: line, size: 22, bold: true, color: unowned ? MUTED : shade(lane.color, 0.25) }));
    if (lane.teamId) issueOutline(shapes, { x: 0, y: lane.y, w: GRID.laneHeaderWidth, h: lane.height }, worst.get(lane.teamId));
  }

  // Stage columns: header on top, a divider down the grid.
  map.stages.forEach((stage, i) => {
    const column = layout.columns[i]!;
    shapes.push({ kind: 'path', points: [[column.x, GRID.stageHeaderHeight], [column.x, layout.height]], stroke: LINE, width: 1 });
    shapes.push({ kind: 'rect', x: column.x, y: 0, w: column.width, h: GRID.stageHeaderHeight, fill: SURFACE, stroke: LINE, strokeWidth: 1 });
    shapes.push({ kind: 'path', points: [[column.x, GRID.stageHeaderHeight], [column.x + column.width, GRID.stageHeaderHeight]], stroke: INK, width: 2 });
    const hasGoal = Boolean(stage.goal);
    shapes.push({ kind: 'text', x: column.x + 18, y: hasGoal ? 46 : 58, text: truncate(stage.name, column.width - 60, 24, measure, true), size: 24, bold: true, color: INK });
    if (stage.goal) shapes.push({ kind: 'text', x: column.x + 18, y: 70, text: truncate(stage.goal, column.width - 30, 13, measure), size: 13, color: MUTED });
    issueOutline(shapes, { x: column.x, y: 0, w: column.width, h: GRID.stageHeaderHeight }, worst.get(stage.id));
  });

  // Connections below the cards, so arrows end at card edges.
  const boxOf = (id: string) => layout.touchpoints.get(id) ?? layout.handoffs.get(id);
  for (const c of map.connections) {
    const from = boxOf(c.source);
    const to = boxOf(c.target);
    if (!from || !to) continue;
    const points = connectionPath(from, to);
    shapes.push({ kind: 'path', points, stroke: '#334155', width: 2, arrow: true });
    if (c.label && !blocksOnly) {
      const [ax, ay] = points[Math.floor(points.length / 2) - 1]!;
      const [bx, by] = points[Math.floor(points.length / 2)]!;
      const label = truncate(c.label, 160, 12, measure);
      const w = measure(label, 12) + 10;
      shapes.push({ kind: 'rect', x: (ax + bx) / 2 - w / 2, y: (ay + by) / 2 - 10, w, h: 18, radius: 4, fill: SURFACE, stroke: LINE, strokeWidth: 1 });
      shapes.push({ kind: 'text', x: (ax + bx) / 2, y: (ay + by) / 2 + 3, text: label, size: 12, color: INK, align: 'center' });
    }
  }

  for (const t of map.touchpoints) {
    const box = layout.touchpoints.get(t.id);
    if (!box) continue;
    const owners = t.ownerTeamIds.filter((id) => teamColors.has(id));
    const leadColor = owners.length ? teamColors.get(owners[0]!)! : UNOWNED_COLOR;
    const contested = owners.length > 1;
    shapes.push({ kind: 'rect', x: box.x, y: box.y, w: box.width, h: box.height, radius: 10, fill: SURFACE, stroke: contested ? SEVERITY_COLOR.error : LINE, strokeWidth: contested ? 1.5 : 1 });
    shapes.push({ kind: 'rect', x: box.x, y: box.y, w: 7, h: box.height, fill: leadColor, dash: owners.length === 0 ? [6, 4] : undefined });
    if (!blocksOnly) {
      const severity = worst.get(t.id);
      const textWidth = box.width - 34 - (severity ? 24 : 0);
      const titleLines = wrap(t.title, textWidth, 16, measure, 2, true);
      titleLines.forEach((line, i) => shapes.push({ kind: 'text', x: box.x + 18, y: box.y + 26 + i * 20, text: line, size: 16, bold: true, color: INK }));
      let y = box.y + 26 + titleLines.length * 20;
      const meta = [t.channel, ...t.promises.map((p) => `“${p}”`)].filter(Boolean).join(' · ');
      if (meta) {
        shapes.push({ kind: 'text', x: box.x + 18, y: y - 2, text: truncate(meta, box.width - 30, 12, measure), size: 12, color: MUTED });
        y += 16;
      }
      let x = box.x + 18;
      const chipsRight = box.x + box.width - 10;
      const chipY = Math.min(y - 6, box.y + box.height - 24);
      const place = (label: string, color: string, filled: boolean) => {
        if (x > chipsRight - 30) return;
        x += chip(shapes, x, chipY, label, color, filled, measure, chipsRight - x) + 4;
      };
      if (owners.length === 0) {
        const w = measure('No lead', 11, true) + 14;
        shapes.push({ kind: 'rect', x, y: chipY, w, h: 17, radius: 8.5, fill: WARNING_CHIP.fill, stroke: WARNING_CHIP.stroke, strokeWidth: 1 });
        shapes.push({ kind: 'text', x: x + 7, y: chipY + 12.5, text: 'No lead', size: 11, bold: true, color: WARNING_CHIP.ink });
        x += w + 4;
      }
      if (contested) {
        const w = measure('Contested', 11, true) + 14;
        shapes.push({ kind: 'rect', x, y: chipY, w, h: 17, radius: 8.5, fill: WARNING_CHIP.fill, stroke: WARNING_CHIP.stroke, strokeWidth: 1 });
        shapes.push({ kind: 'text', x: x + 7, y: chipY + 12.5, text: 'Contested', size: 11, bold: true, color: WARNING_CHIP.ink });
        x += w + 4;
      }
      for (const id of owners) place(teamNames.get(id)!, teamColors.get(id)!, true);
      for (const id of t.supportTeamIds) if (teamColors.has(id)) place(`+ ${teamNames.get(id)}`, teamColors.get(id)!, false);
    }
    issueOutline(shapes, { x: box.x, y: box.y, w: box.width, h: box.height }, worst.get(t.id));
  }

  for (const h of map.handoffs) {
    const box = layout.handoffs.get(h.id);
    if (!box) continue;
    const from = teamColors.get(h.fromTeamId) ?? UNOWNED_COLOR;
    const to = teamColors.get(h.toTeamId) ?? UNOWNED_COLOR;
    shapes.push({ kind: 'rect', x: box.x, y: box.y, w: box.width, h: box.height, radius: 10, fill: tint(from, 0.88), stroke: '#334155', strokeWidth: 2, dash: [7, 4] });
    if (!blocksOnly) {
      const fromName = teamNames.get(h.fromTeamId) ?? 'Unknown team';
      const toName = teamNames.get(h.toTeamId) ?? 'Unknown team';
      const route = truncate(`${fromName} → ${toName}`, box.width - 50, 15, measure, true);
      shapes.push({ kind: 'text', x: box.x + 14, y: box.y + 26, text: route, size: 15, bold: true, color: shade(to, 0.2) });
      const terms = [h.criteria, h.slaHours !== undefined ? `within ${h.slaHours} h` : undefined].filter(Boolean).join(' · ');
      // As on the canvas: the handoff card has room for the criteria on more than one line.
      wrap(terms || 'No entry criteria yet', box.width - 28, 12, measure, 3).forEach((line, i) =>
        shapes.push({ kind: 'text', x: box.x + 14, y: box.y + 46 + i * 15, text: line, size: 12, color: terms ? INK : '#b45309' }),
      );
    }
    issueOutline(shapes, { x: box.x, y: box.y, w: box.width, h: box.height }, worst.get(h.id));
  }

  let minX = 0;
  let minY = 0;
  let maxX = right;
  let maxY = layout.height;
  for (const n of map.notes) {
    shapes.push({ kind: 'rect', x: n.x, y: n.y, w: NOTE.width, h: NOTE.height, fill: NOTE_FILL, stroke: NOTE_STROKE, strokeWidth: 1 });
    if (!blocksOnly) {
      wrap(n.text, NOTE.width - 24, 14, measure, 5).forEach((line, i) => shapes.push({ kind: 'text', x: n.x + 12, y: n.y + 24 + i * 18, text: line, size: 14, color: INK }));
    }
    minX = Math.min(minX, n.x);
    minY = Math.min(minY, n.y);
    maxX = Math.max(maxX, n.x + NOTE.width);
    maxY = Math.max(maxY, n.y + NOTE.height);
  }
  return { width: maxX - minX, height: maxY - minY, shapes, layout, originX: minX, originY: minY, background: '#f8fafc' };
}
