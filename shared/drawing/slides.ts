import type { JourneyMap } from '../model/journeyMap';
import { PHASE_LABELS } from '../model/stage';
import type { Finding, Severity } from '../validate/types';
import { SEVERITIES } from '../validate/types';
import { countBySeverity } from '../validate/validate';
import { computeCoverage } from '../validate/coverage';
import { teamColor, UNOWNED_COLOR } from '../layout/teamColors';
import { laneTeamIdOf } from '../model/lanes';
import type { Drawing, MeasureText, Shape } from './shapes';
import { transformShapes } from './shapes';
import { truncate, wrap } from './text';
import { ACCENT, INK, LINE, MUTED, NOTE_FILL, NOTE_STROKE, SEVERITY_COLOR, SEVERITY_LABEL, SURFACE, shade, tint } from './theme';
import { severityBadge } from './badges';
import { drawJourneyGrid } from './gridDrawing';

/** 16:9 slides, in points (13.33 × 7.5 in). */
export const SLIDE = { width: 960, height: 540, margin: 44, top: 112, bottom: 500 } as const;


export interface DeckOptions {
  measure: MeasureText;
  /** The export date, printed on the title slide. */
  date: Date;
  /** Told before each part of the deck is laid out (step of steps), for a progress bar; what is drawn does not change. */
  onProgress?: (step: number, steps: number, label: string) => void;
}

interface Page {
  shapes: Shape[];
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function findingSummary(counts: Record<Severity, number>): string {
  return `${plural(counts.error, 'error')} · ${plural(counts.warning, 'warning')} · ${counts.info} info`;
}

/**
 * The grid reduced to what fits when a map has too many cards to draw: for every stage and lane, how many
 * cards sit there, with the worst finding among them marked.
 */
function summaryGrid(map: JourneyMap, findings: readonly Finding[], measure: MeasureText, areaW: number, areaH: number): Shape[] {
  const shapes: Shape[] = [];
  const lanes = [...map.teams.map((t, i) => ({ id: t.id as string | null, name: t.name, color: teamColor(t, i) }))];
  const teamIds = new Set(map.teams.map((t) => t.id));
  if (map.touchpoints.some((t) => laneTeamIdOf(t, teamIds) === undefined)) lanes.push({ id: null, name: 'Unowned', color: UNOWNED_COLOR });
  const labelW = 150;
  const cellW = (areaW - labelW) / Math.max(1, map.stages.length);
  const cellH = Math.min(56, (areaH - 30) / Math.max(1, lanes.length));
  const worst = new Map<string, Severity>();
  for (const f of findings) for (const id of f.targetIds) if (!worst.has(id) || SEVERITIES.indexOf(f.severity) < SEVERITIES.indexOf(worst.get(id)!)) worst.set(id, f.severity);
  map.stages.forEach((stage, c) => {
    shapes.push({ kind: 'text', x: SLIDE.margin + labelW + c * cellW + cellW / 2, y: SLIDE.top + 14, text: truncate(stage.name, cellW - 6, 12, measure, true), size: 12, bold: true, color: INK, align: 'center' });
  });
  lanes.forEach((lane, r) => {
    const y = SLIDE.top + 26 + r * cellH;
    shapes.push({ kind: 'rect', x: SLIDE.margin, y: y + 2, w: 8, h: cellH - 4, fill: lane.color });
    shapes.push({ kind: 'text', x: SLIDE.margin + 16, y: y + cellH / 2 + 5, text: truncate(lane.name, labelW - 22, 13, measure, true), size: 13, bold: true, color: shade(lane.color, 0.2) });
    map.stages.forEach((stage, c) => {
      const cards = map.touchpoints.filter((t) => t.stageId === stage.id && (laneTeamIdOf(t, teamIds) ?? null) === lane.id);
      const x = SLIDE.margin + labelW + c * cellW + 3;
      shapes.push({ kind: 'rect', x, y: y + 2, w: cellW - 6, h: cellH - 4, radius: 6, fill: cards.length ? tint(lane.color, 0.85) : '#f8fafc', stroke: LINE, strokeWidth: 1 });
      if (cards.length) shapes.push({ kind: 'text', x: x + (cellW - 6) / 2, y: y + cellH / 2 + 5, text: String(cards.length), size: 14, bold: true, color: INK, align: 'center' });
      const severity = cards.map((t) => worst.get(t.id)).filter((v): v is Severity => v !== undefined).sort((a, b) => SEVERITIES.indexOf(a) - SEVERITIES.indexOf(b))[0];
      if (severity) shapes.push(...severityBadge(severity, x + cellW - 22, y + 6, 11));
    });
  });
  return shapes;
}

/**
 * The follow-up deck: title, the journey at a glance, one slide per stage (continued when long), the
 * coverage matrix, open findings and the parking lot. Every line is laid out with the export font's metrics,
 * so long names wrap or end in an ellipsis instead of running off the slide.
 */
export function buildDeck(map: JourneyMap, findings: readonly Finding[], options: DeckOptions): Drawing[] {
  const { measure } = options;
  const pages: Page[] = [];
  // The overview, each stage, then coverage, findings and notes: the stages are where a big map spends its time.
  const steps = map.stages.length + 2;
  const progress = (step: number, label: string) => options.onProgress?.(step, steps, label);
  const teamColors = new Map(map.teams.map((t, i) => [t.id, teamColor(t, i)]));
  const teamNames = new Map(map.teams.map((t) => [t.id, t.name]));

  function heading(shapes: Shape[], title: string, subtitle?: string) {
    shapes.push({ kind: 'rect', x: SLIDE.margin, y: 40, w: 6, h: subtitle ? 52 : 34, fill: ACCENT });
    shapes.push({ kind: 'text', x: SLIDE.margin + 20, y: 68, text: truncate(title, SLIDE.width - 2 * SLIDE.margin - 20, 28, measure, true), size: 28, bold: true, color: INK });
    if (subtitle) shapes.push({ kind: 'text', x: SLIDE.margin + 20, y: 90, text: truncate(subtitle, SLIDE.width - 2 * SLIDE.margin - 20, 13, measure), size: 13, color: MUTED });
  }
  const newPage = (title: string, subtitle?: string) => {
    const page: Page = { shapes: [] };
    heading(page.shapes, title, subtitle);
    pages.push(page);
    return page;
  };

  // Title slide.
  {
    const shapes: Shape[] = [];
    const stripe = (SLIDE.width) / Math.max(1, map.teams.length);
    map.teams.forEach((t, i) => shapes.push({ kind: 'rect', x: i * stripe, y: 0, w: stripe + 1, h: 14, fill: teamColors.get(t.id)! }));
    if (map.teams.length === 0) shapes.push({ kind: 'rect', x: 0, y: 0, w: SLIDE.width, h: 14, fill: ACCENT });
    shapes.push({ kind: 'text', x: SLIDE.margin, y: 84, text: 'BUYER JOURNEY MAP', size: 13, bold: true, color: ACCENT });
    const nameLines = wrap(map.name, SLIDE.width - 2 * SLIDE.margin, 40, measure, 2, true);
    nameLines.forEach((line, i) => shapes.push({ kind: 'text', x: SLIDE.margin, y: 136 + i * 48, text: line, size: 40, bold: true, color: INK }));
    let y = 136 + nameLines.length * 48;
    if (map.description) {
      wrap(map.description, SLIDE.width - 2 * SLIDE.margin, 16, measure, 3).forEach((line, i) => shapes.push({ kind: 'text', x: SLIDE.margin, y: y + i * 22, text: line, size: 16, color: MUTED }));
      y += 3 * 22;
    }
    const date = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(options.date);
    shapes.push({ kind: 'text', x: SLIDE.margin, y: y + 14, text: `Exported ${date}`, size: 13, color: MUTED });

    // Team legend.
    let x = SLIDE.margin;
    const legendY = 330;
    for (const team of map.teams) {
      const label = truncate(team.name, 220, 14, measure, true);
      const w = measure(label, 14, true) + 26;
      if (x + w > SLIDE.width - SLIDE.margin) break;
      shapes.push({ kind: 'rect', x, y: legendY, w: 14, h: 14, radius: 3, fill: teamColors.get(team.id)! });
      shapes.push({ kind: 'text', x: x + 20, y: legendY + 12, text: label, size: 14, bold: true, color: INK });
      x += w + 18;
    }

    // Counts.
    const counts = countBySeverity(findings);
    const stats: [number, string, string?][] = [
      [map.stages.length, map.stages.length === 1 ? 'stage' : 'stages'],
      [map.touchpoints.length, map.touchpoints.length === 1 ? 'touchpoint' : 'touchpoints'],
      [map.handoffs.length, map.handoffs.length === 1 ? 'handoff' : 'handoffs'],
      [findings.length, findings.length === 1 ? 'open finding' : 'open findings', findingSummary(counts)],
    ];
    const boxW = (SLIDE.width - 2 * SLIDE.margin - 3 * 16) / 4;
    stats.forEach(([value, label, detail], i) => {
      const bx = SLIDE.margin + i * (boxW + 16);
      shapes.push({ kind: 'rect', x: bx, y: 380, w: boxW, h: 96, radius: 10, fill: '#f8fafc', stroke: LINE, strokeWidth: 1 });
      shapes.push({ kind: 'text', x: bx + 18, y: 424, text: String(value), size: 34, bold: true, color: i === 3 && counts.error > 0 ? SEVERITY_COLOR.error : INK });
      shapes.push({ kind: 'text', x: bx + 18, y: 446, text: label, size: 14, color: MUTED });
      if (detail) shapes.push({ kind: 'text', x: bx + 18, y: 464, text: truncate(detail, boxW - 30, 11, measure), size: 11, color: MUTED });
    });
    pages.push({ shapes });
  }

  // The journey at a glance: the grid, split into groups of stages when a single slide would be unreadable.
  progress(0, 'the journey at a glance');
  {
    const areaW = SLIDE.width - 2 * SLIDE.margin;
    const areaH = SLIDE.bottom - SLIDE.top;
    const planless = { ...map, notes: [] };
    const whole = drawJourneyGrid(planless, { measure, findings });
    const fits = (d: { width: number; height: number }) => Math.min(areaW / d.width, areaH / d.height);
    const groups: string[][] = [];
    if (map.stages.length === 0 || fits(whole) >= 0.3) groups.push(map.stages.map((s) => s.id));
    else {
      const perSlide = Math.max(2, Math.floor((areaW / 0.3 - 220) / 300));
      for (let i = 0; i < map.stages.length; i += perSlide) groups.push(map.stages.slice(i, i + perSlide).map((s) => s.id));
    }
    groups.forEach((stageIds, g) => {
      const keep = new Set(stageIds);
      const part: JourneyMap =
        groups.length === 1
          ? planless
          : (() => {
              const touchpoints = map.touchpoints.filter((t) => keep.has(t.stageId));
              const handoffs = map.handoffs.filter((h) => keep.has(h.stageId));
              const ids = new Set([...touchpoints.map((t) => t.id), ...handoffs.map((h) => h.id)]);
              return { ...planless, stages: map.stages.filter((s) => keep.has(s.id)), touchpoints, handoffs, connections: map.connections.filter((c) => ids.has(c.source) && ids.has(c.target)) };
            })();
      const drawing = drawJourneyGrid(part, { measure, findings });
      const scale = fits(drawing);
      const first = part.stages[0]?.name;
      const last = part.stages[part.stages.length - 1]?.name;
      const dense = scale < 0.22;
      const page = newPage(
        groups.length > 1 ? `The journey at a glance (${g + 1}/${groups.length})` : 'The journey at a glance',
        dense ? 'Cards per stage and team; each stage follows on its own slides.' : groups.length > 1 ? `${first} to ${last}` : undefined,
      );
      if (dense) {
        page.shapes.push(...summaryGrid(part, findings, measure, areaW, areaH));
        return;
      }
      const ox = SLIDE.margin + (areaW - drawing.width * scale) / 2;
      page.shapes.push({ kind: 'rect', x: ox - 4, y: SLIDE.top - 4, w: drawing.width * scale + 8, h: drawing.height * scale + 8, fill: '#f8fafc' });
      page.shapes.push(...transformShapes(drawing.shapes, ox - drawing.originX * scale, SLIDE.top - drawing.originY * scale, scale));
    });
  }

  // One slide per stage, continued on further slides when it holds more than fits.
  const byTarget = new Map<string, Finding[]>();
  for (const f of findings) for (const id of f.targetIds) (byTarget.get(id) ?? byTarget.set(id, []).get(id)!).push(f);
  map.stages.forEach((stage, index) => {
    progress(1 + index, `stage ${index + 1} of ${map.stages.length}`);
    type Block = { height: number; draw: (shapes: Shape[], x: number, y: number, w: number) => void };
    const leftW = 530;
    const rightX = SLIDE.margin + leftW + 30;
    const rightW = SLIDE.width - SLIDE.margin - rightX;
    const left: Block[] = [];
    const right: Block[] = [];
    const cards = map.touchpoints.filter((t) => t.stageId === stage.id);
    const lanes = [...map.teams.map((t) => t.id), null];
    for (const laneId of lanes) {
      const inLane = cards.filter((t) => (laneTeamIdOf(t, teamColors) ?? null) === laneId);
      if (inLane.length === 0) continue;
      const color = laneId ? teamColors.get(laneId)! : UNOWNED_COLOR;
      const name = laneId ? teamNames.get(laneId)! : 'No lead';
      left.push({
        height: 32,
        draw: (shapes, x, y) => {
          shapes.push({ kind: 'rect', x, y: y + 5, w: 15, h: 15, radius: 3, fill: color });
          shapes.push({ kind: 'text', x: x + 23, y: y + 18, text: `${name} leads`, size: 16, bold: true, color: shade(color, 0.2) });
        },
      });
      for (const card of inLane) {
        const leads = card.ownerTeamIds.map((id) => teamNames.get(id)).filter(Boolean) as string[];
        const supporters = card.supportTeamIds.map((id) => teamNames.get(id)).filter(Boolean) as string[];
        const details = [
          card.channel,
          leads.length > 1 ? `contested: ${leads.join(' and ')} all lead` : undefined,
          supporters.length ? `supported by ${supporters.join(', ')}` : 'no supporting team',
          card.promises.length ? `promises ${card.promises.map((p) => `“${p}”`).join(', ')}` : undefined,
        ].filter(Boolean).join(' · ');
        const detailLines = wrap(details, leftW - 30, 12, measure, 2);
        const severity = (byTarget.get(card.id) ?? []).map((f) => f.severity).sort((a, b) => SEVERITIES.indexOf(a) - SEVERITIES.indexOf(b))[0];
        left.push({
          height: 24 + detailLines.length * 16 + 10,
          draw: (shapes, x, y, w) => {
            shapes.push({ kind: 'rect', x: x + 4, y: y + 2, w: 3, h: 20 + detailLines.length * 16, fill: tint(color, 0.3) });
            if (severity) shapes.push(...severityBadge(severity, x + 15, y + 4, 14));
            const tx = x + (severity ? 36 : 16);
            shapes.push({ kind: 'text', x: tx, y: y + 17, text: truncate(card.title, w - (tx - x), 15, measure, true), size: 15, bold: true, color: INK });
            detailLines.forEach((line, i) => shapes.push({ kind: 'text', x: x + 16, y: y + 35 + i * 16, text: line, size: 12, color: MUTED }));
          },
        });
      }
    }
    if (cards.length === 0) {
      left.push({
        height: 40,
        draw: (shapes, x, y) => shapes.push({ kind: 'text', x, y: y + 20, text: 'No touchpoints: the buyer is on their own in this stage.', size: 14, bold: true, color: SEVERITY_COLOR.error }),
      });
    }

    const handoffs = map.handoffs.filter((h) => h.stageId === stage.id);
    const sectionTitle = (title: string): Block => ({
      height: 26,
      draw: (shapes, x, y, w) => {
        shapes.push({ kind: 'text', x, y: y + 15, text: title.toUpperCase(), size: 11, bold: true, color: MUTED });
        shapes.push({ kind: 'path', points: [[x, y + 21], [x + w, y + 21]], stroke: LINE, width: 1 });
      },
    });
    if (handoffs.length) {
      right.push(sectionTitle('Handoffs'));
      for (const h of handoffs) {
        const criteria = wrap(h.criteria ? `Criteria: ${h.criteria}` : 'No entry criteria yet', rightW - 10, 12, measure, 3);
        right.push({
          height: 22 + criteria.length * 16 + 26,
          draw: (shapes, x, y, w) => {
            const from = teamNames.get(h.fromTeamId) ?? 'Unknown team';
            const to = teamNames.get(h.toTeamId) ?? 'Unknown team';
            shapes.push({ kind: 'text', x, y: y + 15, text: truncate(`${from} → ${to}`, w, 14, measure, true), size: 14, bold: true, color: INK });
            criteria.forEach((line, i) => shapes.push({ kind: 'text', x, y: y + 33 + i * 16, text: line, size: 12, color: h.criteria ? INK : '#b45309' }));
            shapes.push({ kind: 'text', x, y: y + 33 + criteria.length * 16, text: h.slaHours !== undefined ? `Response within ${h.slaHours} h` : 'No response time (SLA) agreed', size: 12, color: MUTED });
          },
        });
      }
    }
    const stageFindings = findings.filter((f) => f.targetIds.includes(stage.id) || f.targetIds.some((id) => cards.some((c) => c.id === id) || handoffs.some((h) => h.id === id)));
    right.push(sectionTitle(stageFindings.length ? `Findings (${stageFindings.length})` : 'Findings'));
    if (stageFindings.length === 0) right.push({ height: 22, draw: (shapes, x, y) => shapes.push({ kind: 'text', x, y: y + 14, text: 'None in this stage.', size: 12, color: MUTED }) });
    for (const f of stageFindings) {
      const lines = wrap(f.message, rightW - 24, 12, measure, 4);
      right.push({
        height: lines.length * 16 + 10,
        draw: (shapes, x, y) => {
          shapes.push(...severityBadge(f.severity, x, y + 2, 13));
          lines.forEach((line, i) => shapes.push({ kind: 'text', x: x + 22, y: y + 13 + i * 16, text: line, size: 12, color: INK }));
        },
      });
    }

    const subtitle = [`Stage ${index + 1} of ${map.stages.length}`, PHASE_LABELS[stage.phase] !== stage.name ? PHASE_LABELS[stage.phase] : undefined, stage.goal ? `Goal: ${stage.goal}` : undefined, stage.kpi ? `KPI: ${stage.kpi}` : undefined]
      .filter(Boolean)
      .join(' · ');
    const stagePages: Page[] = [];
    let li = 0;
    let ri = 0;
    while (stagePages.length === 0 || li < left.length || ri < right.length) {
      const page: Page = { shapes: [] };
      stagePages.push(page);
      let y = SLIDE.top;
      while (li < left.length && y + left[li]!.height <= SLIDE.bottom) {
        left[li]!.draw(page.shapes, SLIDE.margin, y, leftW);
        y += left[li]!.height;
        li++;
      }
      y = SLIDE.top;
      while (ri < right.length && y + right[ri]!.height <= SLIDE.bottom) {
        right[ri]!.draw(page.shapes, rightX, y, rightW);
        y += right[ri]!.height;
        ri++;
      }
      if (stagePages.length > 50) break; // a single block taller than a slide: never loop forever
    }
    stagePages.forEach((page, i) => {
      heading(page.shapes, stagePages.length > 1 ? `${stage.name} (${i + 1}/${stagePages.length})` : stage.name, subtitle);
      page.shapes.push({ kind: 'path', points: [[rightX - 15, SLIDE.top], [rightX - 15, SLIDE.bottom]], stroke: LINE, width: 1 });
      pages.push(page);
    });
  });

  // Coverage: teams × stages, in slices of stages that fit.
  progress(steps - 1, 'coverage, findings and notes');
  if (map.stages.length && map.teams.length) {
    const rows = computeCoverage(map);
    const perSlide = 8;
    const rowsPerSlide = 10;
    for (let s = 0; s < map.stages.length; s += perSlide) {
      for (let r = 0; r < map.teams.length; r += rowsPerSlide) {
        const stageSlice = map.stages.slice(s, s + perSlide);
        const parts = Math.ceil(map.stages.length / perSlide) * Math.ceil(map.teams.length / rowsPerSlide);
        const part = Math.floor(s / perSlide) * Math.ceil(map.teams.length / rowsPerSlide) + r / rowsPerSlide + 1;
        const page = newPage(parts > 1 ? `Coverage (${part}/${parts})` : 'Coverage', 'Touchpoints each team leads · supports in each stage. A gap: marketing missing from a stage, or sales from intent or purchase.');
        const labelW = 170;
        const cellW = Math.min(120, (SLIDE.width - 2 * SLIDE.margin - labelW) / stageSlice.length);
        const cellH = 34;
        let y = SLIDE.top + 10;
        stageSlice.forEach((stage, c) => {
          page.shapes.push({ kind: 'text', x: SLIDE.margin + labelW + c * cellW + cellW / 2, y, text: truncate(stage.name, cellW - 6, 12, measure, true), size: 12, bold: true, color: INK, align: 'center' });
        });
        y += 12;
        rows.slice(r, r + rowsPerSlide).forEach((row, ri) => {
          const team = map.teams[r + ri]!;
          const rowY = y + ri * (cellH + 6);
          page.shapes.push({ kind: 'rect', x: SLIDE.margin, y: rowY + 10, w: 12, h: 12, radius: 3, fill: teamColors.get(team.id)! });
          page.shapes.push({ kind: 'text', x: SLIDE.margin + 20, y: rowY + 21, text: truncate(team.name, labelW - 28, 13, measure, true), size: 13, bold: true, color: INK });
          row.slice(s, s + perSlide).forEach((cell, c) => {
            const x = SLIDE.margin + labelW + c * cellW + 3;
            const gap = cell.gap;
            const empty = cell.lead.length === 0 && cell.support.length === 0;
            page.shapes.push({ kind: 'rect', x, y: rowY, w: cellW - 6, h: cellH, radius: 6, fill: gap ? '#fef2f2' : SURFACE, stroke: gap ? SEVERITY_COLOR.error : LINE, strokeWidth: 1, dash: gap ? [4, 3] : undefined });
            // An empty cell the model expects nothing of is just empty: a dash, not an alarm.
            const label = gap ? 'Gap' : empty ? '–' : `${cell.lead.length} · ${cell.support.length}`;
            page.shapes.push({ kind: 'text', x: x + (cellW - 6) / 2, y: rowY + 22, text: label, size: 13, bold: true, color: gap ? '#991b1b' : empty ? MUTED : INK, align: 'center' });
          });
        });
      }
    }
  }

  // Open findings, by severity.
  {
    const counts = countBySeverity(findings);
    const title = findings.length ? `Open findings (${findings.length})` : 'Open findings';
    let page = newPage(title, findings.length ? findingSummary(counts) : undefined);
    let y = SLIDE.top;
    if (findings.length === 0) {
      page.shapes.push({ kind: 'text', x: SLIDE.margin, y: y + 30, text: 'No open findings: every stage is covered and every touchpoint has one lead.', size: 16, color: INK });
    }
    for (const severity of SEVERITIES) {
      const group = findings.filter((f) => f.severity === severity);
      if (group.length === 0) continue;
      const items: { lines: string[]; finding: Finding }[] = group.map((f) => ({ finding: f, lines: wrap(f.message, SLIDE.width - 2 * SLIDE.margin - 30, 12, measure, 2) }));
      let first = true;
      for (const item of items) {
        const needed = (first ? 28 : 0) + item.lines.length * 16 + 8;
        if (y + needed > SLIDE.bottom) {
          page = newPage(`${title} (continued)`, findingSummary(counts));
          y = SLIDE.top;
          first = true;
        }
        if (first) {
          page.shapes.push({ kind: 'text', x: SLIDE.margin, y: y + 16, text: `${SEVERITY_LABEL[severity]}s (${group.length})`.replace('Infos', 'Info'), size: 14, bold: true, color: SEVERITY_COLOR[severity] });
          y += 28;
          first = false;
        }
        page.shapes.push(...severityBadge(severity, SLIDE.margin, y + 1, 13));
        item.lines.forEach((line, i) => page.shapes.push({ kind: 'text', x: SLIDE.margin + 24, y: y + 12 + i * 16, text: line, size: 12, color: INK }));
        y += item.lines.length * 16 + 8;
      }
    }
  }

  // The parking lot: sticky notes.
  if (map.notes.length) {
    let page = newPage('Parking lot', plural(map.notes.length, 'note'));
    let x = SLIDE.margin;
    let y = SLIDE.top;
    const w = 200;
    const h = 110;
    for (const note of map.notes) {
      if (x + w > SLIDE.width - SLIDE.margin) {
        x = SLIDE.margin;
        y += h + 16;
      }
      if (y + h > SLIDE.bottom) {
        page = newPage('Parking lot (continued)');
        x = SLIDE.margin;
        y = SLIDE.top;
      }
      page.shapes.push({ kind: 'rect', x, y, w, h, fill: NOTE_FILL, stroke: NOTE_STROKE, strokeWidth: 1 });
      wrap(note.text, w - 24, 13, measure, 5).forEach((line, i) => page.shapes.push({ kind: 'text', x: x + 12, y: y + 22 + i * 17, text: line, size: 13, color: INK }));
      x += w + 16;
    }
  }

  // Footers, now that the page count is known.
  const footerName = truncate(map.name, 600, 10, measure);
  return pages.map((page, i) => ({
    width: SLIDE.width,
    height: SLIDE.height,
    background: '#ffffff',
    shapes: [
      ...page.shapes,
      ...(i === 0
        ? []
        : ([
            { kind: 'text', x: SLIDE.margin, y: SLIDE.height - 18, text: footerName, size: 10, color: MUTED },
            { kind: 'text', x: SLIDE.width - SLIDE.margin, y: SLIDE.height - 18, text: `${i + 1} / ${pages.length}`, size: 10, color: MUTED, align: 'right' },
          ] satisfies Shape[])),
    ],
  }));
}
