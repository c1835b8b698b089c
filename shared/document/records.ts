import type { z } from 'zod';
import { stageSchema } from '../model/stage';
import { teamSchema } from '../model/team';
import { touchpointSchema } from '../model/touchpoint';
import { handoffSchema } from '../model/handoff';
import { connectionSchema } from '../model/connection';
import { noteSchema } from '../model/note';
import { LIMITS, labelSchema, optionalTextSchema } from '../model/fields';
import { ruleSettingsSchema } from '../model/rules';
import type { RecordCollection } from './mapDoc';

/** The one schema per record kind: the editor checks what a command writes with it, the store what it stores. */
export const RECORD_SCHEMAS: Record<RecordCollection, z.ZodType> = {
  stages: stageSchema,
  teams: teamSchema,
  touchpoints: touchpointSchema,
  handoffs: handoffSchema,
  connections: connectionSchema,
  notes: noteSchema,
};

/** The fields each record kind has (besides its id): the only ones a change may set. */
export const RECORD_FIELDS = Object.fromEntries(
  Object.entries(RECORD_SCHEMAS).map(([collection, schema]) => [
    collection,
    new Set(Object.keys((schema as unknown as { shape: Record<string, unknown> }).shape).filter((field) => field !== 'id')),
  ]),
) as unknown as Record<RecordCollection, ReadonlySet<string>>;

export const RECORD_KINDS: Record<RecordCollection, string> = {
  stages: 'stage',
  teams: 'team',
  touchpoints: 'touchpoint',
  handoffs: 'handoff',
  connections: 'connection',
  notes: 'note',
};

/** Map-level fields and their schemas (rules are checked as a whole). */
export const MAP_FIELD_SCHEMAS = {
  name: labelSchema(),
  description: optionalTextSchema(LIMITS.longTextLength),
  rules: ruleSettingsSchema,
} as const;

/** The names people see for fields, so a refusal reads "The title is longer than 200 characters". */
const FIELD_LABELS: Record<string, string> = {
  title: 'title',
  name: 'name',
  text: 'text',
  color: 'colour',
  channel: 'channel',
  criteria: 'entry criteria',
  slaHours: 'SLA hours',
  promises: 'promises',
  description: 'description',
  kpi: 'KPI',
  goal: 'goal',
  label: 'label',
  phase: 'phase',
  role: 'role',
  ownerTeamIds: 'lead teams',
  supportTeamIds: 'supporting teams',
  votes: 'dot votes',
};

/** Why a record cannot be stored, in words that name the field; undefined when it is valid. */
export function recordProblem(collection: RecordCollection, record: unknown): string | undefined {
  const parsed = RECORD_SCHEMAS[collection].safeParse(record);
  if (parsed.success) return undefined;
  const issue = parsed.error.issues[0]!;
  const field = String(issue.path[0] ?? '');
  const what = FIELD_LABELS[field] ?? field;
  const item = issue.path.length > 1 && field === 'promises' ? `A promise` : `The ${RECORD_KINDS[collection]}'s ${what}`;
  return `${item} ${issue.message}.`;
}
