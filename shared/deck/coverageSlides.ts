import type { JourneyMap } from '../model/journeyMap';
import { computeCoverage } from '../validate/coverage';
import { teamColor } from '../layout/teamColors';
import type { MeasureText } from '../drawing/shapes';
import { truncate } from '../drawing/text';
import { INK, LINE, MUTED, SEVERITY_COLOR, SURFACE, shade, tint } from '../drawing/theme';
import type { Slide, TableCell } from './model';
import { SLIDE } from './model';
import { heading } from './parts';

const STAGES_PER_SLIDE = 8;
const TEAMS_PER_SLIDE = 10;
const LABEL_WIDTH = 170;
const ROW_HEIGHT = 34;

/** Coverage as a table of teams × stages (touchpoints led · supported), in slices of stages and teams that fit. */
export function coverageSlides(map: JourneyMap, measure: MeasureText): Slide[] {
  if (map.stages.length === 0 || map.teams.length === 0) return [];
  const rows = computeCoverage(map);
  const stageSlices = Math.ceil(map.stages.length / STAGES_PER_SLIDE);
  const teamSlices = Math.ceil(map.teams.length / TEAMS_PER_SLIDE);
  const slides: Slide[] = [];
  for (let s = 0; s < map.stages.length; s += STAGES_PER_SLIDE) {
    for (let r = 0; r < map.teams.length; r += TEAMS_PER_SLIDE) {
      const stages = map.stages.slice(s, s + STAGES_PER_SLIDE);
      const cellW = Math.min(120, (SLIDE.width - 2 * SLIDE.margin - LABEL_WIDTH) / stages.length);
      const header: TableCell[] = [
        { text: 'Team', size: 12, bold: true, color: MUTED },
        ...stages.map((stage): TableCell => ({ text: truncate(stage.name, cellW - 10, 12, measure, true), size: 12, bold: true, color: INK, align: 'center' })),
      ];
      const body = rows.slice(r, r + TEAMS_PER_SLIDE).map((row, i): TableCell[] => {
        const team = map.teams[r + i]!;
        const color = teamColor(team, r + i);
        return [
          { text: truncate(team.name, LABEL_WIDTH - 16, 13, measure, true), size: 13, bold: true, color: shade(color, 0.25), fill: tint(color, 0.85) },
          ...row.slice(s, s + STAGES_PER_SLIDE).map((cell): TableCell => {
            const empty = cell.lead.length === 0 && cell.support.length === 0;
            // An empty cell the model expects nothing of is just empty: a dash, not an alarm.
            if (cell.gap) return { text: 'Gap', size: 13, bold: true, color: '#991b1b', fill: '#fef2f2', align: 'center', border: { color: SEVERITY_COLOR.error, dash: true } };
            return { text: empty ? '–' : `${cell.lead.length} · ${cell.support.length}`, size: 13, bold: true, color: empty ? MUTED : INK, fill: SURFACE, align: 'center' };
          }),
        ];
      });
      const part = slides.length + 1;
      const parts = stageSlices * teamSlices;
      slides.push({
        kind: 'coverage',
        elements: [
          ...heading(parts > 1 ? `Coverage (${part}/${parts})` : 'Coverage', 'Touchpoints each team leads · supports in each stage. A gap: marketing missing from a stage, or sales from intent or purchase.', measure),
          { kind: 'table', x: SLIDE.margin, y: SLIDE.top + 6, columnWidths: [LABEL_WIDTH, ...stages.map(() => cellW)], rowHeight: ROW_HEIGHT, gridColor: LINE, rows: [header, ...body] },
        ],
      });
    }
  }
  return slides;
}
