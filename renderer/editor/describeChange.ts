import type { MapDoc, RecordCollection } from '../../shared/document/mapDoc';
import { RECORD_KINDS } from '../../shared/document/records';

const FIELD_NAMES: Record<string, string> = {
  title: 'the title',
  name: 'the name',
  text: 'the text',
  channel: 'the channel',
  description: 'the description',
  kpi: 'the KPI',
  goal: 'the goal',
  criteria: 'the entry criteria',
  slaHours: 'the SLA hours',
  color: 'the colour',
  role: 'the role',
  phase: 'the phase',
  label: 'the label',
  stageId: 'the stage',
  fromTeamId: 'the from-team',
  toTeamId: 'the to-team',
};

/** "the title of touchpoint “Demo”": where a value sits, in words, for a notice. */
export function describeWhere(doc: MapDoc, path: readonly string[]): string {
  const [head, key, field] = path;
  if (head === 'rules') return `the setting of rule “${key}”`;
  if (field === undefined) return `the map's ${head}`;
  const kind = RECORD_KINDS[head as RecordCollection] ?? 'element';
  // A title names its card, so a changed title is "the touchpoint's title", not "the title of “<new title>”".
  if (field === 'title' || field === 'name' || field === 'text') return `the ${kind}'s ${field}`;
  const record = (doc[head as RecordCollection] as Map<string, Record<string, unknown>> | undefined)?.get(key!);
  const name = (record?.title ?? record?.name ?? record?.text ?? key) as string;
  return `${FIELD_NAMES[field] ?? field} of ${kind} “${name}”`;
}

export function describeValue(value: unknown): string {
  if (value === undefined || value === null || value === '') return '(empty)';
  if (Array.isArray(value)) return value.join(', ');
  const text = String(value);
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}

const names = (doc: MapDoc, ids: readonly string[]) => ids.map((id) => doc.teams.get(id)?.name).filter((n): n is string => n !== undefined);
const list = (items: string[]) => (items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`);

/**
 * What moving a card did, in words for the room: "Moved “Demo” to Intent · Sales — Sales now leads,
 * Marketing supports". Undefined when neither its stage nor its teams changed (a reorder in its cell).
 */
export function describeCardMove(before: MapDoc, after: MapDoc, id: string): string | undefined {
  const was = before.touchpoints.get(id);
  const now = after.touchpoints.get(id);
  if (!was || !now) return undefined;
  const sameTeams = was.ownerTeamIds.join() === now.ownerTeamIds.join() && was.supportTeamIds.join() === now.supportTeamIds.join();
  if (was.stageId === now.stageId && sameTeams) return undefined;
  const stage = after.stages.get(now.stageId)?.name ?? 'its stage';
  const leads = names(after, now.ownerTeamIds);
  const supporters = names(after, now.supportTeamIds);
  const where = `${stage} · ${leads[0] ?? 'Unowned'}`;
  if (sameTeams) return `Moved “${now.title}” to ${where}.`;
  const who = leads.length === 0 ? 'no team leads it now' : `${list(leads)} now ${leads.length === 1 ? 'leads' : 'lead'}`;
  return `Moved “${now.title}” to ${where} — ${who}${supporters.length ? `, ${list(supporters)} ${supporters.length === 1 ? 'supports' : 'support'}` : ''}.`;
}
