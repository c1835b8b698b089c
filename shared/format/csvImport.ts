import { parse } from 'csv-parse/sync';
import { LIMITS } from '../model/fields';
import type { JourneyMap } from '../model/journeyMap';
import { STAGE_PHASES, type StagePhase } from '../model/stage';
import { TEAM_ROLES, type TeamRole } from '../model/team';
import { FORMAT_NAME, FORMAT_VERSION, MAX_DOCUMENT_BYTES, parseDocument, type DocumentProblem } from './document';
import { pathSegments } from './problemWording';
import {
  CSV_COLUMNS,
  REQUIRED_CSV_COLUMNS,
  guessPhase,
  guessRole,
  nameIsValue,
  readPhase,
  readRole,
  splitListCell,
  type CsvColumn,
  type CsvGuess,
} from './csvColumns';

export type CsvImportResult = { ok: true; map: JourneyMap; guesses: CsvGuess[]; ignoredColumns: string[] } | { ok: false; problems: DocumentProblem[] };

/** A map's name from the file it came from: `Q3 journey.csv` → `Q3 journey`. */
export function mapNameFromFileName(fileName: string): string {
  return (fileName.split(/[\\/]/).pop() ?? '').replace(/\.csv$/i, '').trim();
}

/** Where a problem is, as a spreadsheet shows it: the header is row 1. */
const at = (row: number, column?: string) => (column ? `Row ${row}, column “${column}”` : `Row ${row}`);

/**
 * The delimiter the header line uses: Excel writes `;` where the decimal mark is a comma. The header holds
 * only column names, so the most frequent candidate outside quotes is the delimiter.
 */
export function detectDelimiter(text: string): string {
  const counts = new Map<string, number>([[',', 0], [';', 0], ['\t', 0]]);
  let quoted = false;
  for (const c of text) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && counts.has(c)) counts.set(c, counts.get(c)! + 1);
  }
  let best = ',';
  for (const [delimiter, count] of counts) if (count > counts.get(best)!) best = delimiter;
  return best;
}

/** Why csv-parse gave up, in words, with the row it was reading. */
function parseErrorProblem(error: unknown, header: string[] | undefined): DocumentProblem {
  const e = error as { code?: string; records?: number; index?: number; message?: string };
  const row = (e.records ?? 0) + 1;
  const column = header && typeof e.index === 'number' ? header[e.index] : undefined;
  const messages: Record<string, string> = {
    CSV_QUOTE_NOT_CLOSED: 'a quoted value is never closed (a " without its closing ")',
    CSV_INVALID_CLOSING_QUOTE: 'a closing " is followed by more text; double a " inside a quoted value ("")',
    CSV_INVALID_OPENING_QUOTE: 'a " opens a quoted value in the middle of a value',
  };
  return { path: at(row, column), message: messages[e.code ?? ''] ?? `cannot be read as CSV (${e.message ?? String(error)})` };
}

/** Column names as people type them: any case, extra spaces, `Lead team` for `lead teams`. */
const normaliseColumn = (name: string) => name.trim().replace(/\s+/g, ' ').toLowerCase();
const COLUMN_BY_NAME = new Map<string, CsvColumn>(CSV_COLUMNS.flatMap((column) => [[normaliseColumn(column), column] as const, [normaliseColumn(column).replace(/s$/, ''), column] as const]));

/** An id from a name: lower-case words joined by `-`, unique among `taken`. */
function deriveId(prefix: string, name: string, taken: Set<string>): string {
  const base = `${prefix}-${name.normalize('NFKD').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'x'}`;
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

interface NamedRecord<V> {
  name: string;
  id: string;
  /** The value the file gives, and the row and column that first gave it. */
  stated?: { value: V; row: number; column: string };
  firstRow: number;
  firstColumn: string;
}

/** Stages or teams by name (any case), in the order the rows first name them. */
class NamedRecords<V> {
  readonly list: NamedRecord<V>[] = [];
  private readonly byKey = new Map<string, NamedRecord<V>>();
  private readonly ids = new Set<string>();
  constructor(private readonly prefix: string) {}
  get(name: string, row: number, column: string): NamedRecord<V> {
    const key = name.toLowerCase();
    let record = this.byKey.get(key);
    if (!record) {
      record = { name, id: deriveId(this.prefix, name, this.ids), firstRow: row, firstColumn: column };
      this.byKey.set(key, record);
      this.list.push(record);
    }
    return record;
  }
}

const TOUCHPOINT_FIELD_COLUMNS: Record<string, CsvColumn> = {
  stageId: 'stage',
  title: 'title',
  channel: 'channel',
  ownerTeamIds: 'lead teams',
  supportTeamIds: 'supporting teams',
  promises: 'promises',
  description: 'description',
  kpi: 'KPI',
  order: 'order',
};

/**
 * A CSV file (one row per touchpoint) as a map. Stages and teams are created by name in the order rows first
 * name them; phases and roles come from their columns or, when blank, are guessed from the names, and every
 * guess is returned to be shown. The result passes the format's one gate (parseDocument), so every limit of
 * a JSON import applies, and each problem names the row and column it comes from.
 */
export function parseCsvMap(text: string, options: { mapName: string }): CsvImportResult {
  if (text.length > MAX_DOCUMENT_BYTES) {
    return { ok: false, problems: [{ path: '(file)', message: `is larger than ${MAX_DOCUMENT_BYTES / 1024 / 1024} MiB` }] };
  }
  const body = text.replace(/^\uFEFF/, '');
  let records: string[][];
  try {
    // One record past the limit is enough to know the file has too many rows.
    records = parse(body, { delimiter: detectDelimiter(body), relax_column_count: true, relax_quotes: true, to: LIMITS.touchpoints + 2 });
  } catch (error) {
    let header: string[] | undefined;
    try {
      header = parse(body, { delimiter: detectDelimiter(body), relax_quotes: true, to: 1 })[0];
    } catch {
      header = undefined;
    }
    return { ok: false, problems: [parseErrorProblem(error, header)] };
  }
  const [header, ...rows] = records;
  if (!header || header.every((name) => !name.trim())) return { ok: false, problems: [{ path: '(file)', message: 'is empty; the first row must name the columns' }] };
  if (rows.length > LIMITS.touchpoints) {
    return { ok: false, problems: [{ path: '(file)', message: `has more than ${LIMITS.touchpoints} rows; a map holds at most ${LIMITS.touchpoints} touchpoints` }] };
  }

  const problems: DocumentProblem[] = [];
  const columnIndex = new Map<CsvColumn, number>();
  const ignoredColumns: string[] = [];
  header.forEach((name, index) => {
    const column = COLUMN_BY_NAME.get(normaliseColumn(name));
    if (!column) {
      if (name.trim()) ignoredColumns.push(name.trim());
    } else if (columnIndex.has(column)) problems.push({ path: at(1, name.trim()), message: `names the column “${column}” a second time` });
    else columnIndex.set(column, index);
  });
  for (const column of REQUIRED_CSV_COLUMNS) {
    if (!columnIndex.has(column)) problems.push({ path: at(1, column), message: `is missing; the first row must name the columns, at least ${REQUIRED_CSV_COLUMNS.map((c) => `“${c}”`).join(' and ')}` });
  }
  if (problems.length) return { ok: false, problems };

  const stages = new NamedRecords<StagePhase>('stage');
  const teams = new NamedRecords<TeamRole>('team');
  const touchpointRows: number[] = [];
  const touchpoints: Record<string, unknown>[] = [];

  /** States a phase or role once per stage or team; a different value in a later row is a problem. */
  function state<V>(record: NamedRecord<V>, value: V, row: number, column: string, what: string) {
    if (!record.stated) record.stated = { value, row, column };
    else if (record.stated.value !== value) {
      problems.push({ path: at(row, column), message: `gives “${record.name}” the ${what} ${String(value)}, but row ${record.stated.row} gave it ${String(record.stated.value)}` });
    }
  }

  function readTeams(row: number, cell: (c: CsvColumn) => string, namesColumn: CsvColumn, rolesColumn: CsvColumn): string[] {
    const names = splitListCell(cell(namesColumn));
    const roles = splitListCell(cell(rolesColumn));
    if (roles.length > names.length) problems.push({ path: at(row, rolesColumn), message: `lists ${roles.length} roles for ${names.length} ${names.length === 1 ? 'team' : 'teams'}; give one role per team, in the same order` });
    return names.map((name, i) => {
      const team = teams.get(name, row, namesColumn);
      const roleCell = roles[i];
      if (roleCell !== undefined) {
        const role = readRole(roleCell);
        if (role) state(team, role, row, rolesColumn, 'role');
        else problems.push({ path: at(row, rolesColumn), message: `gives “${name}” the role “${roleCell}”; a role is one of ${TEAM_ROLES.join(', ')}` });
      }
      return team.id;
    });
  }

  rows.forEach((record, index) => {
    const row = index + 2;
    if (record.every((value) => !value.trim())) return; // Spreadsheets leave blank rows; they mean nothing.
    const extra = record.slice(header.length).some((value) => value.trim());
    if (extra) problems.push({ path: at(row), message: `has ${record.length} values but the first row names only ${header.length} columns` });
    const cell = (column: CsvColumn) => {
      const i = columnIndex.get(column);
      return i === undefined ? '' : (record[i] ?? '');
    };

    const stageName = cell('stage').trim();
    if (!stageName) problems.push({ path: at(row, 'stage'), message: 'is empty; every row needs the stage its touchpoint is in' });
    const stage = stageName ? stages.get(stageName, row, 'stage') : undefined;
    const phaseCell = cell('stage phase').trim();
    if (stage && phaseCell) {
      const phase = readPhase(phaseCell);
      if (phase) state(stage, phase, row, 'stage phase', 'phase');
      else problems.push({ path: at(row, 'stage phase'), message: `is “${phaseCell}”; a phase is one of ${STAGE_PHASES.join(', ')}` });
    }
    if (!cell('title').trim()) problems.push({ path: at(row, 'title'), message: 'is empty; every touchpoint needs a title' });

    const orderCell = cell('order').trim();
    const order = orderCell ? Number(orderCell.replace(',', '.')) : undefined;
    if (order !== undefined && !Number.isFinite(order)) problems.push({ path: at(row, 'order'), message: `is “${orderCell}”, not a number` });

    touchpointRows.push(row);
    touchpoints.push({
      id: `tp-${row}`,
      stageId: stage?.id ?? '',
      title: cell('title'),
      channel: cell('channel'),
      ownerTeamIds: readTeams(row, cell, 'lead teams', 'lead team roles'),
      supportTeamIds: readTeams(row, cell, 'supporting teams', 'supporting team roles'),
      promises: splitListCell(cell('promises')),
      description: cell('description'),
      kpi: cell('KPI'),
      order: Number.isFinite(order) ? order : undefined,
    });
  });
  if (problems.length) return { ok: false, problems };
  if (touchpoints.length === 0) return { ok: false, problems: [{ path: '(file)', message: 'has no rows below the column names; each row is one touchpoint' }] };

  const guesses: CsvGuess[] = [];
  const stageRecords = stages.list.map((stage) => {
    const phase = stage.stated?.value ?? guessPhase(stage.name);
    if (!stage.stated && !nameIsValue(stage.name, phase)) guesses.push({ kind: 'stage-phase', name: stage.name, phase });
    return { id: stage.id, name: stage.name, phase };
  });
  const teamRecords = teams.list.map((team) => {
    const role = team.stated?.value ?? guessRole(team.name);
    if (!team.stated && !nameIsValue(team.name, role)) guesses.push({ kind: 'team-role', name: team.name, role });
    return { id: team.id, name: team.name, role };
  });

  const mapName = options.mapName.trim().slice(0, LIMITS.nameLength) || 'Imported map';
  const document = {
    format: FORMAT_NAME,
    version: FORMAT_VERSION,
    map: { id: deriveId('csv', mapName, new Set()), name: mapName, teams: teamRecords, stages: stageRecords, touchpoints },
  };
  const parsed = parseDocument(document);
  if (!parsed.ok) return { ok: false, problems: parsed.problems.map((problem) => locateProblem(problem, touchpointRows, stages.list, teams.list)) };
  return { ok: true, map: parsed.map, guesses, ignoredColumns };
}

/** A problem the format's gate found in the built map, moved back to the row and column it came from. */
function locateProblem(problem: DocumentProblem, touchpointRows: number[], stages: NamedRecord<unknown>[], teams: NamedRecord<unknown>[]): DocumentProblem {
  const [, list, index, field] = pathSegments(problem.path);
  if (typeof index !== 'number') return { path: '(file)', message: problem.message };
  if (list === 'touchpoints' && typeof field === 'string') {
    return { path: at(touchpointRows[index]!, TOUCHPOINT_FIELD_COLUMNS[field] ?? field), message: problem.message };
  }
  const named = list === 'stages' ? stages[index] : list === 'teams' ? teams[index] : undefined;
  if (named) return { path: at(named.firstRow, named.firstColumn), message: `${problem.message} (“${named.name.slice(0, 40)}”)` };
  return problem;
}
