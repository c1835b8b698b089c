import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { journeyMapJsonSchemaText } from '../../shared/format/jsonSchema';
import { fullDocument, minimalDocument } from './helpers';

const committedFile = path.join(__dirname, '..', '..', 'docs', 'journey-map.schema.json');
const schema = () => JSON.parse(fs.readFileSync(committedFile, 'utf8')) as Schema;

interface Schema {
  type?: string;
  const?: unknown;
  enum?: unknown[];
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: Schema | boolean;
  items?: Schema;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
}

/**
 * The parts of JSON Schema the generated file uses, checked structurally: enough to know the fixtures fit
 * the published schema without a validator package. Returns the paths that do not fit.
 */
function check(value: unknown, schema: Schema, at = '$'): string[] {
  const problems: string[] = [];
  const kind = Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value;
  if (schema.type && schema.type !== kind && !(schema.type === 'integer' && Number.isInteger(value))) return [`${at}: is ${kind}, not ${schema.type}`];
  if ('const' in schema && value !== schema.const) problems.push(`${at}: is not ${JSON.stringify(schema.const)}`);
  if (schema.enum && !schema.enum.includes(value)) problems.push(`${at}: is not one of ${schema.enum.join(', ')}`);
  if (typeof value === 'string') {
    if (schema.minLength !== undefined && value.length < schema.minLength) problems.push(`${at}: too short`);
    if (schema.maxLength !== undefined && value.length > schema.maxLength) problems.push(`${at}: too long`);
    if (schema.pattern && !new RegExp(schema.pattern, 'u').test(value)) problems.push(`${at}: does not match ${schema.pattern}`);
  }
  if (Array.isArray(value)) {
    if (schema.maxItems !== undefined && value.length > schema.maxItems) problems.push(`${at}: too many items`);
    if (schema.items) value.forEach((item, i) => problems.push(...check(item, schema.items!, `${at}[${i}]`)));
  }
  if (kind === 'object') {
    const record = value as Record<string, unknown>;
    for (const key of schema.required ?? []) if (!(key in record)) problems.push(`${at}.${key}: is missing`);
    for (const [key, item] of Object.entries(record)) {
      const sub = schema.properties?.[key] ?? (typeof schema.additionalProperties === 'object' ? schema.additionalProperties : undefined);
      if (sub) problems.push(...check(item, sub, `${at}.${key}`));
      else if (schema.additionalProperties === false) problems.push(`${at}.${key}: is not allowed`);
    }
  }
  return problems;
}

describe('the published JSON Schema of format v1', () => {
  it('is up to date with the zod schemas', () => {
    const committed = fs.existsSync(committedFile) ? fs.readFileSync(committedFile, 'utf8') : '';
    expect(committed === journeyMapJsonSchemaText(), 'docs/journey-map.schema.json is out of date with the zod schemas: run npm run schema').toBe(true);
  });

  it('names the cross-record rules it cannot express', () => {
    const description = (schema() as { description?: string }).description ?? '';
    expect(description).toMatch(/unique across the whole map/);
    expect(description).toMatch(/name teams of the map/);
  });

  it('accepts the fixtures and the smallest map', () => {
    for (const name of ['full-map.json', 'workshop-map.json']) {
      const document = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'fixtures', name), 'utf8'));
      expect(check(document, schema()), name).toEqual([]);
    }
    expect(check(minimalDocument(), schema())).toEqual([]);
  });

  it('refuses what the format refuses within one record', () => {
    const document = fullDocument() as unknown as { version: number; map: { teams: { role: string }[]; stages: { id: string }[] } };
    document.version = 2;
    document.map.teams[0]!.role = 'finance';
    document.map.stages[0]!.id = 'has space';
    expect(check(document, schema())).toEqual(['$.version: is not 1', '$.map.teams[0].role: is not one of marketing, sales, other', '$.map.stages[0].id: does not match ^[A-Za-z0-9_.:-]+$']);
  });
});
