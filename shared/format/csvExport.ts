import type { JourneyMap } from '../model/journeyMap';
import { CSV_COLUMNS, joinListCell, type CsvColumn } from './csvColumns';

/** Excel reads a file as UTF-8 only when it starts with this mark; other readers skip it. */
export const UTF8_BOM = '\uFEFF';

/** RFC 4180: a value holding the delimiter, a quote or a line break is quoted, its quotes doubled. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) || /^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function csvLine(values: readonly string[]): string {
  return values.map(csvField).join(',');
}

/**
 * The map's touchpoints as CSV, one row each, in stage order (then as stored within a stage), so an import
 * meets the stages in the same left-to-right order. CRLF line ends and a BOM, as Excel writes and expects.
 * What is not a touchpoint field (handoffs, connections, notes, empty stages, rule settings) is not carried.
 */
export function mapToCsv(map: JourneyMap): string {
  const teams = new Map(map.teams.map((team) => [team.id, team]));
  const stageIndex = new Map(map.stages.map((stage, index) => [stage.id, index]));
  const rows = map.touchpoints
    .map((touchpoint, index) => ({ touchpoint, index }))
    .sort((a, b) => (stageIndex.get(a.touchpoint.stageId) ?? 0) - (stageIndex.get(b.touchpoint.stageId) ?? 0) || a.index - b.index)
    .map(({ touchpoint }) => {
      const stage = map.stages[stageIndex.get(touchpoint.stageId) ?? -1];
      const leads = touchpoint.ownerTeamIds.map((id) => teams.get(id)).filter((team) => team !== undefined);
      const supporters = touchpoint.supportTeamIds.map((id) => teams.get(id)).filter((team) => team !== undefined);
      const row: Record<CsvColumn, string> = {
        stage: stage?.name ?? '',
        'stage phase': stage?.phase ?? '',
        'lead teams': joinListCell(leads.map((team) => team.name)),
        'lead team roles': joinListCell(leads.map((team) => team.role)),
        'supporting teams': joinListCell(supporters.map((team) => team.name)),
        'supporting team roles': joinListCell(supporters.map((team) => team.role)),
        title: touchpoint.title,
        channel: touchpoint.channel ?? '',
        promises: joinListCell(touchpoint.promises),
        description: touchpoint.description ?? '',
        KPI: touchpoint.kpi ?? '',
        order: touchpoint.order === undefined ? '' : String(touchpoint.order),
      };
      return csvLine(CSV_COLUMNS.map((column) => row[column]));
    });
  return `${UTF8_BOM}${[csvLine(CSV_COLUMNS), ...rows].join('\r\n')}\r\n`;
}
