import { z } from 'zod';

/** Upper bounds that keep a hostile or broken file from exhausting memory; generous for real maps. */
export const LIMITS = {
  idLength: 100,
  nameLength: 200,
  shortTextLength: 1000,
  longTextLength: 5000,
  channelLength: 100,
  promiseLength: 120,
  promisesPerTouchpoint: 30,
  teamsPerTouchpoint: 50,
  teams: 50,
  stages: 100,
  touchpoints: 20_000,
  handoffs: 5_000,
  connections: 50_000,
  notes: 5_000,
  coordinate: 1_000_000,
  slaHours: 24 * 365,
  votes: 10_000,
} as const;

export const idSchema = z
  .string()
  .min(1, 'is empty; every id needs at least one character')
  .max(LIMITS.idLength, `is longer than ${LIMITS.idLength} characters`)
  .regex(/^[A-Za-z0-9_.:-]+$/, 'may only contain letters, digits and the characters _ . : -');

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** False for text holding half of a surrogate pair: it cannot be stored or exported as UTF-8 unchanged. */
export const isWellFormedText = (value: string) => !LONE_SURROGATE.test(value);

/** Text that survives UTF-8 (SQLite, JSON files, PDF) exactly as typed. */
const text = () => z.string().refine(isWellFormedText, 'contains a broken character (half of a surrogate pair)');

/** Shortens text to at most `max` UTF-16 units, never inside a character, ending in `ellipsis` when cut. */
export function truncateText(value: string, max: number, ellipsis = '…'): string {
  if (value.length <= max) return value;
  let end = Math.max(0, max - ellipsis.length);
  if (end > 0 && /[\uD800-\uDBFF]/.test(value[end - 1]!)) end--;
  return value.slice(0, end).trimEnd() + ellipsis;
}

/** A required, human-facing label: trimmed, never empty. */
export function labelSchema(max: number = LIMITS.nameLength) {
  return text()
    .trim()
    .min(1, 'is empty')
    .max(max, `is longer than ${max} characters`);
}

/** An optional free-text field; an empty or blank value normalises to absent. */
export function optionalTextSchema(max: number) {
  return text()
    .max(max, `is longer than ${max} characters`)
    .transform((value) => value.trim() || undefined)
    .optional();
}

export const colorSchema = z
  .string()
  .regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour written as #rrggbb')
  .transform((value) => value.toLowerCase());

/**
 * Dot votes on a card or note: a whole number up to LIMITS.votes. 0 means no dots and normalises to absent,
 * so a map never holds `votes: 0` and "no votes" has one form.
 */
export const votesSchema = z
  .number({ error: 'must be a number' })
  // A refinement rather than .int(): zod reports .int() as a wrong type, which the format gate words "is missing".
  .refine(Number.isInteger, 'must be a whole number')
  .min(0, 'must be 0 or more')
  .max(LIMITS.votes, `must be at most ${LIMITS.votes}`)
  .meta({ type: 'integer', description: 'Dot votes; 0 is read as none.' })
  .transform((n) => (n === 0 ? undefined : n))
  .optional();

export function finiteNumber(min: number, max: number) {
  return z
    .number()
    .refine(Number.isFinite, 'must be a finite number')
    .refine((n) => n >= min, `must be at least ${min}`)
    .refine((n) => n <= max, `must be at most ${max}`);
}

/** Drops keys whose value is undefined so documents compare and serialise cleanly. */
export function withoutUndefined<T extends object>(record: T): T {
  const out = {} as T;
  for (const key of Object.keys(record) as (keyof T)[]) {
    if (record[key] !== undefined) out[key] = record[key];
  }
  return out;
}
