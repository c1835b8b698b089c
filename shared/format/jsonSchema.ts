import { z } from 'zod';
import { journeyMapSchema } from '../model/journeyMap';
import { FORMAT_NAME, FORMAT_VERSION } from './document';

/** What a JSON Schema cannot say: the checks parseDocument makes across records. */
const CROSS_RECORD_RULES = [
  'Every id is unique across the whole map (teams, stages, touchpoints, handoffs, connections and notes share one id space).',
  "A touchpoint's stageId, a handoff's stageId and a note's stageId name a stage of the map.",
  "A touchpoint's ownerTeamIds and supportTeamIds, and a handoff's fromTeamId and toTeamId, name teams of the map.",
  'A touchpoint lists a team at most once among its leads and at most once among its supporters, and never as both.',
  "A connection's source and target name a touchpoint or a handoff of the map, and differ.",
  'The keys of rules are rule ids the validator knows.',
  'Labels (names, titles, promises, note text) are trimmed and must not be blank; optional text that is blank counts as absent.',
];

/**
 * Format v1 as a JSON Schema (draft 2020-12), generated from the same zod schemas parseDocument uses, so it
 * cannot drift from what an import accepts. It describes the file as written (zod's input side: defaults
 * make lists optional). scripts/json-schema.mjs writes it to docs/journey-map.schema.json.
 */
export function journeyMapJsonSchema(): Record<string, unknown> {
  const documentSchema = z
    .object({
      format: z.literal(FORMAT_NAME).describe('Always "throughline/journey-map".'),
      version: z.literal(FORMAT_VERSION).describe('The format version; a newer version is refused.'),
      exportedAt: z.string().max(100).optional().describe('When the file was exported (ISO 8601); informational.'),
      map: journeyMapSchema,
    })
    .meta({
      title: 'Throughline journey map, format v1',
      description: `A buyer's journey map as Throughline exports and imports it. Beyond this schema, an import checks: ${CROSS_RECORD_RULES.join(' ')}`,
    });
  return z.toJSONSchema(documentSchema, { io: 'input', target: 'draft-2020-12', unrepresentable: 'any' }) as Record<string, unknown>;
}

/** The committed file's text: stable key order as generated, two-space indent, final newline. */
export function journeyMapJsonSchemaText(): string {
  return `${JSON.stringify(journeyMapJsonSchema(), null, 2)}\n`;
}
