import { describe, expect, it } from 'vitest';
import { parseDocument, parseDocumentText, toDocument } from '../../shared/format/document';
import { LIMITS } from '../../shared/model/fields';
import { fullDocument, minimalDocument } from './helpers';

/** The paths of every problem a document has, or [] when it is accepted. */
function problemPaths(doc: unknown): string[] {
  const result = parseDocument(doc);
  return result.ok ? [] : result.problems.map((p) => p.path);
}

function firstProblem(doc: unknown) {
  const result = parseDocument(doc);
  if (result.ok) throw new Error('expected the document to be rejected');
  return result.problems[0]!;
}

describe('format v1: accepted shapes', () => {
  it('accepts a map with every field set and keeps every value', () => {
    const doc = fullDocument();
    const result = parseDocument(doc);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(toDocument(result.map, doc.exportedAt)).toEqual(doc);
  });

  it('accepts the smallest map and fills in empty lists', () => {
    const result = parseDocument(minimalDocument());
    expect(result).toEqual({
      ok: true,
      map: { id: 'm1', name: 'Minimal', teams: [], stages: [], touchpoints: [], handoffs: [], connections: [], notes: [], rules: {} },
    });
  });

  it('accepts a touchpoint with only its required fields, and every stage phase and team role', () => {
    const doc = minimalDocument() as { map: Record<string, unknown> };
    const phases = ['awareness', 'interest', 'consideration', 'intent', 'purchase', 'retention', 'growth', 'other'];
    doc.map.stages = phases.map((phase) => ({ id: `s-${phase}`, name: phase, phase }));
    doc.map.teams = ['marketing', 'sales', 'other'].map((role) => ({ id: `t-${role}`, name: role, role }));
    doc.map.touchpoints = [{ id: 'tp', stageId: 's-intent', title: 'Demo' }];
    const result = parseDocument(doc);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.map.touchpoints[0]).toEqual({ id: 'tp', stageId: 's-intent', title: 'Demo', ownerTeamIds: [], supportTeamIds: [], promises: [] });
  });

  it('normalises: trims labels, drops blank optional text, lower-cases colours', () => {
    const doc = fullDocument();
    doc.map.name = '  Spaced name  ';
    doc.map.stages[0]!.goal = '   ';
    doc.map.teams[0]!.color = '#ABCDEF';
    const result = parseDocument(doc);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.map.name).toBe('Spaced name');
    expect(result.map.stages[0]).not.toHaveProperty('goal');
    expect(result.map.teams[0]!.color).toBe('#abcdef');
  });
});

describe('format v1: rejected input names the path and the problem', () => {
  it('refuses something that is not a Throughline map', () => {
    expect(firstProblem({ ...minimalDocument(), format: 'other/thing' })).toMatchObject({ path: 'format', message: expect.stringContaining('not a Throughline journey map') });
    expect(firstProblem([1, 2])).toMatchObject({ path: '(document)', message: 'is not a JSON object' });
    expect(firstProblem({ map: {} })).toMatchObject({ path: 'format' });
  });

  it('refuses a newer version with a message that says to update', () => {
    expect(firstProblem({ ...minimalDocument(), version: 2 })).toMatchObject({ path: 'version', message: expect.stringContaining('newer') });
  });

  it('refuses invalid JSON text without throwing', () => {
    const result = parseDocumentText('{"format": "throughline/journey-map",');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]!.message).toMatch(/^is not valid JSON/);
  });

  it('names a dangling stage reference', () => {
    const doc = fullDocument();
    doc.map.touchpoints[3]!.stageId = 'nowhere';
    expect(firstProblem(doc)).toEqual({ path: 'map.touchpoints[3].stageId', message: 'refers to stage "nowhere", which is not in the map' });
  });

  it('names dangling team, handoff, connection and note references', () => {
    const doc = fullDocument();
    doc.map.touchpoints[0]!.ownerTeamIds = ['ghost'];
    doc.map.handoffs[1]!.toTeamId = 'ghost';
    doc.map.connections[2]!.target = 'ghost';
    doc.map.notes[0]!.stageId = 'ghost';
    expect(problemPaths(doc)).toEqual([
      'map.touchpoints[0].ownerTeamIds[0]',
      'map.handoffs[1].toTeamId',
      'map.connections[2].target',
      'map.notes[0].stageId',
    ]);
  });

  it('names a duplicate id, even across element kinds', () => {
    const doc = fullDocument();
    doc.map.touchpoints[1]!.id = 'tp-webinar';
    expect(firstProblem(doc)).toEqual({ path: 'map.touchpoints[1].id', message: 'duplicate id "tp-webinar" (already used by map.touchpoints[0])' });
    const crossKind = fullDocument();
    crossKind.map.notes[0]!.id = 'mkt';
    expect(firstProblem(crossKind)).toMatchObject({ path: 'map.notes[0].id', message: expect.stringContaining('map.teams[0]') });
  });

  it('refuses a team that both leads and supports a touchpoint, or is listed twice', () => {
    const doc = fullDocument();
    doc.map.touchpoints[0]!.supportTeamIds = ['mkt'];
    expect(firstProblem(doc)).toMatchObject({ path: 'map.touchpoints[0].supportTeamIds[0]', message: expect.stringContaining('already leads') });
    const twice = fullDocument();
    twice.map.touchpoints[0]!.ownerTeamIds = ['mkt', 'mkt'];
    expect(firstProblem(twice)).toMatchObject({ path: 'map.touchpoints[0].ownerTeamIds[1]', message: 'lists team "mkt" twice' });
  });

  it('refuses wrong types, missing fields and unknown enum values', () => {
    const doc = fullDocument() as unknown as { map: { stages: Record<string, unknown>[]; teams: Record<string, unknown>[]; handoffs: Record<string, unknown>[] } };
    doc.map.handoffs[0]!.slaHours = '24';
    expect(firstProblem(doc)).toMatchObject({ path: 'map.handoffs[0].slaHours' });
    const missing = fullDocument() as unknown as { map: { stages: Record<string, unknown>[] } };
    delete missing.map.stages[2]!.name;
    expect(firstProblem(missing)).toEqual({ path: 'map.stages[2].name', message: 'is missing' });
    const badRole = fullDocument() as unknown as { map: { teams: Record<string, unknown>[] } };
    badRole.map.teams[1]!.role = 'finance';
    expect(firstProblem(badRole)).toEqual({ path: 'map.teams[1].role', message: 'must be one of marketing, sales, other' });
  });

  it('refuses negative SLAs, bad colours, bad ids, unknown rules and self-connections', () => {
    const cases: [(doc: ReturnType<typeof fullDocument>) => void, string][] = [
      [(d) => (d.map.handoffs[0]!.slaHours = -1), 'map.handoffs[0].slaHours'],
      [(d) => (d.map.teams[0]!.color = 'purple'), 'map.teams[0].color'],
      [(d) => (d.map.notes[0]!.id = 'has space'), 'map.notes[0].id'],
      [(d) => ((d.map.rules as Record<string, string>)['no-such-rule'] = 'error'), 'map.rules.no-such-rule'],
      [(d) => ((d.map.rules as Record<string, string>)['handoff-dropped'] = 'loud'), 'map.rules.handoff-dropped'],
      [(d) => (d.map.connections[0]!.target = d.map.connections[0]!.source), 'map.connections[0].target'],
      [(d) => (d.map.notes[0]!.x = Number.POSITIVE_INFINITY), 'map.notes[0].x'],
    ];
    for (const [breakIt, path] of cases) {
      const doc = fullDocument();
      breakIt(doc);
      expect(problemPaths(doc)).toEqual([path]);
    }
  });

  it('refuses over-long strings and absurd sizes', () => {
    const long = fullDocument();
    long.map.touchpoints[2]!.title = 'x'.repeat(LIMITS.nameLength + 1);
    expect(firstProblem(long)).toEqual({ path: 'map.touchpoints[2].title', message: `is longer than ${LIMITS.nameLength} characters` });

    const huge = fullDocument();
    const template = huge.map.touchpoints[0]!;
    huge.map.touchpoints = Array.from({ length: LIMITS.touchpoints + 1 }, (_, i) => ({ ...template, id: `tp${i}` }));
    huge.map.connections = [];
    expect(firstProblem(huge)).toEqual({ path: 'map.touchpoints', message: `has more than ${LIMITS.touchpoints} touchpoints` });

    expect(parseDocumentText(' '.repeat(33 * 1024 * 1024)).ok).toBe(false);
  });
});
