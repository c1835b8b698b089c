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
