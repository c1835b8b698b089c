import type { DocumentProblem } from './document';

/** A refused file's problem twice: in the facilitator's words, and as the path a technical reader looks up. */
export interface ExplainedProblem {
  /** E.g. `Touchpoint 4, “Demo”, is in a stage that isn't in the file.` */
  sentence: string;
  /** E.g. `map.touchpoints[3].stageId: refers to stage "x", which is not in the map` (what the CLI prints). */
  technical: string;
}

type Segment = string | number;
type Json = Record<string, unknown>;

const LISTS: Record<string, string> = {
  teams: 'Team',
  stages: 'Stage',
  touchpoints: 'Touchpoint',
  handoffs: 'Handoff',
  connections: 'Connection',
  notes: 'Note',
};

const FIELD_NAMES: Record<string, string> = {
  id: 'id',
  name: 'name',
  title: 'title',
  role: 'role',
  color: 'colour',
  phase: 'phase',
  goal: 'goal',
  kpi: 'KPI',
  stageId: 'stage',
  channel: 'channel',
  ownerTeamIds: 'lead teams',
  supportTeamIds: 'supporting teams',
  promises: 'promises',
  description: 'description',
  order: 'position in its cell',
  fromTeamId: 'from-team',
  toTeamId: 'to-team',
  criteria: 'entry criteria',
  slaHours: 'SLA hours',
  source: 'start',
  target: 'end',
  label: 'label',
  text: 'text',
  x: 'position',
  y: 'position',
  votes: 'dot votes',
};

/** `map.touchpoints[3].stageId` → ['map', 'touchpoints', 3, 'stageId'] (the inverse of formatPath). */
export function pathSegments(path: string): Segment[] {
  const segments: Segment[] = [];
  for (const match of path.matchAll(/\[(\d+)\]|([^.[\]]+)/g)) segments.push(match[1] !== undefined ? Number(match[1]) : match[2]!);
  return segments;
}

const asObject = (value: unknown): Json | undefined => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : undefined);
const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const label = (value: unknown) => (typeof value === 'string' && value.trim() ? `“${value.trim().length > 60 ? `${value.trim().slice(0, 59)}…` : value.trim()}”` : undefined);
const idsOf = (list: unknown) => new Set(asList(list).map((item) => asObject(item)?.id).filter((id): id is string => typeof id === 'string'));

/** How a facilitator names a record of the file: `Touchpoint 4` and, when it has one, `“Demo”` or `Marketing → Sales`. */
function nameRecord(map: Json, list: string, index: number): { numbered: string; name?: string } {
  const record = asObject(asList(map[list])[index]);
  const numbered = `${LISTS[list]} ${index + 1}`;
  if (!record) return { numbered };
  if (list === 'handoffs') {
    const teams = new Map(asList(map.teams).map((t) => [asObject(t)?.id, asObject(t)?.name]));
    const from = teams.get(record.fromTeamId);
    const to = teams.get(record.toTeamId);
    return typeof from === 'string' && typeof to === 'string' ? { numbered, name: `${from} → ${to}` } : { numbered };
  }
  return { numbered, name: label(list === 'touchpoints' ? record.title : list === 'notes' ? record.text : record.name) };
}

/** What is wrong with one field of a record, as the end of a sentence; undefined when only the generic wording fits. */
function whatIsWrong(map: Json, list: string, record: Json, field: string, item: number | undefined, problem: DocumentProblem): string | undefined {
  const value = item === undefined ? record[field] : asList(record[field])[item];
  if (value === undefined && problem.message === 'is missing') return `has no ${FIELD_NAMES[field] ?? field}`;
  if (typeof value !== 'string') return undefined;
  const stages = idsOf(map.stages);
  const teams = idsOf(map.teams);
  const absent = (ids: Set<string>) => !ids.has(value);
  const earlier = item !== undefined && asList(record[field]).slice(0, item).includes(value);
  if (field === 'id' && problem.message.startsWith('duplicate id')) return 'has the same id as another element in the file';
  if (field === 'stageId' && absent(stages)) return list === 'notes' ? "is pinned to a stage that isn't in the file" : "is in a stage that isn't in the file";
  if (field === 'ownerTeamIds') return absent(teams) ? "is led by a team that isn't in the file" : earlier ? 'names the same lead team twice' : undefined;
  if (field === 'supportTeamIds') {
    if (absent(teams)) return "is supported by a team that isn't in the file";
    if (earlier) return 'names the same supporting team twice';
    if (asList(record.ownerTeamIds).includes(value)) return 'names one team as both its lead and a supporter';
  }
  if (field === 'fromTeamId' && absent(teams)) return "comes from a team that isn't in the file";
  if (field === 'toTeamId' && absent(teams)) return "goes to a team that isn't in the file";
  if (list === 'connections' && (field === 'source' || field === 'target')) {
    if (record.source === record.target) return 'connects a card to itself';
    const cards = new Set([...idsOf(map.touchpoints), ...idsOf(map.handoffs)]);
    if (!cards.has(value)) return `${field === 'source' ? 'starts' : 'ends'} at a card or handoff that isn't in the file`;
  }
  return undefined;
}

/** One problem in the facilitator's words, read from where it is in the file and what the file holds there. */
function sentenceFor(problem: DocumentProblem, raw: unknown): string {
  const [root, list, index, field, item] = pathSegments(problem.path);
  if (problem.path === '(document)') {
    if (problem.message.startsWith('is not valid JSON')) return 'The file is not a journey map: it is not JSON, or it is damaged.';
    if (problem.message.startsWith('is larger than')) return 'The file is far too large to be a journey map.';
    return 'The file does not hold a journey map.';
  }
  if (root === 'format') return 'This is not a Throughline journey map file.';
  if (root === 'version') {
    return problem.message.includes('newer') ? 'The file was saved by a newer version of Throughline: update Throughline to open it.' : 'The file names a format version Throughline does not know.';
  }
  const map = asObject(asObject(raw)?.map);
  if (root !== 'map' || !map) return list === undefined && problem.message === 'is missing' ? 'The file has no map in it.' : 'The map in the file cannot be read.';
  if (list === undefined) return `The map ${problem.message}.`;
  if (typeof list === 'string' && LISTS[list] && typeof index === 'number') {
    const { numbered, name } = nameRecord(map, list, index);
    const who = name ? `${numbered}, ${name}` : numbered;
    const record = asObject(asList(map[list])[index]);
    if (!record) return `${who} is not a ${LISTS[list]!.toLowerCase()} the file format knows.`;
    if (typeof field !== 'string') return `${who}: ${problem.message}.`;
    const wrong = whatIsWrong(map, list, record, field, typeof item === 'number' ? item : undefined, problem);
    // The name is an aside and needs its closing comma: “Touchpoint 4, “Demo”, is …”.
    if (wrong) return name ? `${who}, ${wrong}.` : `${who} ${wrong}.`;
    return `${who}: its ${FIELD_NAMES[field] ?? field} ${problem.message}.`;
  }
  if (list === 'rules') return `The map's rule settings ${typeof index === 'string' ? `for “${index}” ` : ''}${problem.message}.`;
  return `The map's ${FIELD_NAMES[String(list)] ?? String(list)} ${problem.message}.`;
}

/**
 * Why a file was refused, for the person who chose it: each problem as a sentence that names the card,
 * stage or team by its number and name in the file, with the technical path and message kept beneath it.
 * At most `limit` problems; the count of the rest is left to the caller.
 */
export function explainProblems(problems: readonly DocumentProblem[], raw: unknown, limit = 5): ExplainedProblem[] {
  return problems.slice(0, limit).map((problem) => ({ sentence: sentenceFor(problem, raw), technical: `${problem.path}: ${problem.message}` }));
}
