import { z } from 'zod';
import { journeyMapSchema, type JourneyMap } from '../model/journeyMap';
import { withoutUndefined } from '../model/fields';

export const FORMAT_NAME = 'throughline/journey-map';
export const FORMAT_VERSION = 1;
/** Files beyond this are refused before parsing: far above a 20,000-touchpoint map. */
export const MAX_DOCUMENT_BYTES = 32 * 1024 * 1024;

export interface JourneyMapDocument {
  format: typeof FORMAT_NAME;
  version: typeof FORMAT_VERSION;
  exportedAt?: string;
  map: JourneyMap;
}

export interface DocumentProblem {
  /** Where the problem is, as a user would read it: `map.touchpoints[3].stageId`. */
  path: string;
  message: string;
}

export type ParseResult = { ok: true; map: JourneyMap } | { ok: false; problems: DocumentProblem[] };

const envelopeSchema = z.object({
  format: z.literal(FORMAT_NAME, { error: `must be "${FORMAT_NAME}"; this is not a Throughline journey map` }),
  version: z
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .refine((v) => v >= 1, 'must be 1 or more')
    .refine((v) => v <= FORMAT_VERSION, {
      message: `is newer than this version of Throughline understands (${FORMAT_VERSION}); update Throughline to open it`,
    }),
  exportedAt: z.string().max(100).optional(),
  map: z.unknown(),
});

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out || '(document)';
}

function problemsOf(error: z.ZodError, prefix: PropertyKey[]): DocumentProblem[] {
  return error.issues.map((issue) => ({
    path: formatPath([...prefix, ...issue.path]),
    message: issue.code === 'invalid_type' && issue.input === undefined ? 'is missing' : issue.message,
  }));
}

/**
 * The one gate every loaded or imported map passes: checks the envelope, the map, and every
 * reference, and returns the map normalised (trimmed labels, defaults filled, blanks dropped).
 */
export function parseDocument(raw: unknown): ParseResult {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, problems: [{ path: '(document)', message: 'is not a JSON object' }] };
  }
  const envelope = envelopeSchema.safeParse(raw);
  if (!envelope.success) return { ok: false, problems: problemsOf(envelope.error, []) };
  return parseMap(envelope.data.map, ['map']);
}

/** Checks a bare map (no envelope), e.g. one read back from storage. */
export function parseMap(raw: unknown, prefix: PropertyKey[] = ['map']): ParseResult {
  const parsed = journeyMapSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, problems: problemsOf(parsed.error, prefix) };
  return { ok: true, map: canonicalMap(parsed.data) };
}

/** Parses JSON text, naming the line of a syntax error rather than throwing. */
export function parseDocumentText(text: string): ParseResult {
  if (text.length > MAX_DOCUMENT_BYTES) {
    return { ok: false, problems: [{ path: '(document)', message: `is larger than ${MAX_DOCUMENT_BYTES / 1024 / 1024} MiB` }] };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [{ path: '(document)', message: `is not valid JSON (${(error as Error).message})` }] };
  }
  return parseDocument(raw);
}

/** One line per problem, at most `limit` of them, for CLIs and error banners. */
export function describeProblems(problems: DocumentProblem[], limit = 5): string {
  const shown = problems.slice(0, limit).map((p) => `${p.path}: ${p.message}`);
  if (problems.length > limit) shown.push(`…and ${problems.length - limit} more problems`);
  return shown.join('\n');
}

/** A map as the v1 interchange document, with keys in a stable order and absent fields left out. */
export function toDocument(map: JourneyMap, exportedAt?: string): JourneyMapDocument {
  return withoutUndefined({
    format: FORMAT_NAME,
    version: FORMAT_VERSION,
    exportedAt,
    map: canonicalMap(map),
  });
}

export function canonicalMap(map: JourneyMap): JourneyMap {
  return withoutUndefined({
    id: map.id,
    name: map.name,
    description: map.description,
    teams: map.teams.map((t) => withoutUndefined({ id: t.id, name: t.name, role: t.role, color: t.color })),
    stages: map.stages.map((s) => withoutUndefined({ id: s.id, name: s.name, phase: s.phase, goal: s.goal, kpi: s.kpi })),
    touchpoints: map.touchpoints.map((t) =>
      withoutUndefined({
        id: t.id,
        stageId: t.stageId,
        title: t.title,
        channel: t.channel,
        ownerTeamIds: [...t.ownerTeamIds],
        supportTeamIds: [...t.supportTeamIds],
        promises: [...t.promises],
        description: t.description,
        kpi: t.kpi,
        order: t.order,
        votes: t.votes,
      }),
    ),
    handoffs: map.handoffs.map((h) =>
      withoutUndefined({
        id: h.id,
        stageId: h.stageId,
        fromTeamId: h.fromTeamId,
        toTeamId: h.toTeamId,
        criteria: h.criteria,
        slaHours: h.slaHours,
      }),
    ),
    connections: map.connections.map((c) => withoutUndefined({ id: c.id, source: c.source, target: c.target, label: c.label })),
    notes: map.notes.map((n) => withoutUndefined({ id: n.id, text: n.text, stageId: n.stageId, x: n.x, y: n.y, votes: n.votes })),
    rules: { ...map.rules },
  });
}
