import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { openSqlite } from '../../electron/store/sqlite';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { openDatabase, schemaVersion } from '../../electron/store/database';
import { MIGRATIONS, LATEST_SCHEMA_VERSION } from '../../electron/store/migrations';
import { MapStore } from '../../electron/store/mapStore';
import { exportFonts } from '../../electron/export/fonts';
import { exportMap } from '../../electron/export/exporter';
import { parseDocument, toDocument } from '../../shared/format/document';
import { recordProblem } from '../../shared/document/records';
import { explainProblems } from '../../shared/format/problemWording';
import { journeyMapJsonSchemaText } from '../../shared/format/jsonSchema';
import { buildDeck } from '../../shared/deck/buildDeck';
import type { BoxElement, Deck, TableElement, TextElement } from '../../shared/deck/model';
import { MAX_VOTED_ITEMS, rankVotedItems } from '../../shared/deck/voteSlides';
import { validate } from '../../shared/validate/validate';
import type { JourneyMap } from '../../shared/model/journeyMap';
import { ApiError } from '../../shared/api/contract';
import { fullDocument, minimalDocument, storeOps, tempDir } from './helpers';

const NOW = new Date('2026-11-23T09:00:00Z');
const root = path.join(__dirname, '..', '..');

function workshopDocument() {
  return JSON.parse(fs.readFileSync(path.join(root, 'test', 'fixtures', 'workshop-map.json'), 'utf8'));
}

function parsed(raw: unknown): JourneyMap {
  const result = parseDocument(raw);
  if (!result.ok) throw new Error(`invalid: ${JSON.stringify(result.problems)}`);
  return result.map;
}

/** The workshop map with dots on some cards and notes; ties on purpose (7 and 3 votes twice each). */
function votedWorkshopMap(): JourneyMap {
  const doc = workshopDocument();
  const votes: Record<string, number> = { tp10: 9, tp11: 7, tp4: 7, tp16: 5, tp1: 3, tp13: 2 };
  for (const t of doc.map.touchpoints) if (votes[t.id]) t.votes = votes[t.id];
  doc.map.notes = [
    { id: 'n1', text: 'Who owns the trial follow-up?', stageId: 'it', x: 0, y: 900, votes: 8 },
    { id: 'n2', text: 'Pricing page is out of date', x: 300, y: 900, votes: 3 },
    { id: 'n3', text: 'Nobody voted for this', x: 600, y: 900 },
  ];
  return parsed(doc);
}

const deckOf = (map: JourneyMap): Deck => buildDeck(map, validate(map, { mode: 'complete' }), { measure: exportFonts().measure, date: NOW });
const texts = (elements: readonly unknown[]) => (elements as TextElement[]).filter((e) => e.kind === 'text').flatMap((e) => e.text.paragraphs.flatMap((p) => p.lines));

describe('dot votes in the format', () => {
  it('keeps votes on touchpoints and notes through parse and export', () => {
    const doc = minimalDocument() as { map: Record<string, unknown> };
    doc.map = {
      ...doc.map,
      stages: [{ id: 's1', name: 'Awareness', phase: 'awareness' }],
      touchpoints: [{ id: 't1', stageId: 's1', title: 'Webinar', votes: 4 }],
      notes: [{ id: 'n1', text: 'Parking lot', x: 0, y: 0, votes: 10000 }],
    };
    const map = parsed(doc);
    expect(map.touchpoints[0]!.votes).toBe(4);
    expect(map.notes[0]!.votes).toBe(10000);
    const again = parsed(JSON.parse(JSON.stringify(toDocument(map))));
    expect(again).toEqual(map);
  });

  it('reads 0 votes as none, so a map never holds votes: 0', () => {
    const doc = minimalDocument() as { map: Record<string, unknown> };
    doc.map = { ...doc.map, stages: [{ id: 's1', name: 'A', phase: 'other' }], touchpoints: [{ id: 't1', stageId: 's1', title: 'T', votes: 0 }], notes: [{ id: 'n1', text: 'N', x: 0, y: 0, votes: 0 }] };
    const map = parsed(doc);
    expect('votes' in map.touchpoints[0]!).toBe(false);
    expect('votes' in map.notes[0]!).toBe(false);
    expect(JSON.stringify(toDocument(map))).not.toContain('votes');
  });

  it.each([
    [-1, 'must be 0 or more'],
    [2.5, 'must be a whole number'],
    [10001, 'must be at most 10000'],
    // The gate words any wrong type as "is missing" (it reads zod's issue input, which zod 4 leaves out).
    ['3', undefined],
  ])('refuses %j votes, naming the path', (votes, message) => {
    const doc = minimalDocument() as { map: Record<string, unknown> };
    doc.map = { ...doc.map, stages: [{ id: 's1', name: 'A', phase: 'other' }], touchpoints: [{ id: 't1', stageId: 's1', title: 'T' }], notes: [{ id: 'n1', text: 'N', x: 0, y: 0, votes }] };
    const result = parseDocument(doc);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems).toContainEqual({ path: 'map.notes[0].votes', message: message ?? expect.any(String) });
  });

  it('leaves maps without votes exactly as they were (no new keys on export)', () => {
    const raw = fullDocument();
    const { exportedAt: _, ...expected } = raw;
    const { exportedAt: __, ...actual } = toDocument(parsed(raw));
    expect(actual).toEqual(expected);
    expect(JSON.stringify(toDocument(parsed(workshopDocument())))).not.toContain('"votes"');
  });

  it('explains a refused vote count in the facilitator’s words', () => {
    const doc = { ...minimalDocument(), map: { id: 'm1', name: 'M', notes: [{ id: 'n1', text: 'Ask legal', x: 0, y: 0, votes: 2.5 }] } };
    const result = parseDocument(doc);
    if (result.ok) throw new Error('accepted 2.5 votes');
    expect(explainProblems(result.problems, doc)[0]).toEqual({ sentence: 'Note 1, “Ask legal”: its dot votes must be a whole number.', technical: 'map.notes[0].votes: must be a whole number' });
  });

  it('names the field "dot votes" when a record is refused', () => {
    expect(recordProblem('touchpoints', { id: 't1', stageId: 's1', title: 'T', votes: 20000 })).toBe("The touchpoint's dot votes must be at most 10000.");
    expect(recordProblem('notes', { id: 'n1', text: 'N', x: 0, y: 0, votes: 1.5 })).toBe("The note's dot votes must be a whole number.");
  });

  it('publishes votes in the JSON Schema as a whole number from 0 to 10000', () => {
    const schema = JSON.parse(journeyMapJsonSchemaText());
    const items = (list: string) => schema.properties.map.properties[list].items.properties;
    for (const list of ['touchpoints', 'notes']) expect(items(list).votes).toMatchObject({ type: 'integer', minimum: 0, maximum: 10000 });
  });
});

async function storeWith(map: JourneyMap) {
  const db = await openDatabase(path.join(tempDir(), 'throughline.db'));
  const store = new MapStore(db);
  store.importMap(map);
  return { db, store };
}

describe('dot votes in the store', () => {
  it('upgrades a schema-3 database with maps to schema 4, backing it up first and keeping everything', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'throughline.db');
    const old = await openDatabase(file, { migrations: MIGRATIONS.slice(0, 3) });
    expect(schemaVersion(old)).toBe(3);
    // Rows as schema 3 holds them: a map at revision 2, with its change log and a named version.
    const version = JSON.stringify(toDocument(parsed(minimalDocument())));
    old.exec(`
      INSERT INTO maps (id, name, description, rules, created_at, updated_at, revision) VALUES ('m3', 'Made before votes', 'kept', '{"touchpoint-disconnected":"off"}', '2026-10-01T00:00:00Z', '2026-10-02T00:00:00Z', 2);
      INSERT INTO elements (map_id, id, kind) VALUES ('m3', 'mkt', 'team'), ('m3', 'aw', 'stage'), ('m3', 'tp1', 'touchpoint'), ('m3', 'tp2', 'touchpoint'), ('m3', 'n1', 'note');
      INSERT INTO teams (map_id, id, position, name, role, color) VALUES ('m3', 'mkt', 0, 'Marketing', 'marketing', '#7c3aed');
      INSERT INTO stages (map_id, id, position, name, phase, goal) VALUES ('m3', 'aw', 0, 'Awareness', 'awareness', 'Be found');
      INSERT INTO touchpoints (map_id, id, position, stage_id, title, channel, promises, sort_order, owner_ids, support_ids) VALUES
        ('m3', 'tp1', 0, 'aw', 'Webinar', 'Online', '["live in one day"]', 1, '["mkt"]', '[]'),
        ('m3', 'tp2', 1, 'aw', 'Report', NULL, '[]', NULL, '[]', '["mkt"]');
      INSERT INTO notes (map_id, id, position, text, stage_id, x, y) VALUES ('m3', 'n1', 0, 'Ask legal', 'aw', 10, 20);
      INSERT INTO map_changes (map_id, revision, client_id, batch_id, ops, created_at) VALUES ('m3', 2, 'w1', 'b1', '[]', '2026-10-02T00:00:00Z');
    `);
    old.prepare("INSERT INTO versions (id, map_id, name, created_at, document, stage_count, touchpoint_count, handoff_count) VALUES ('v1', 'm3', 'after workshop 1', '2026-10-02T00:00:00Z', ?, 0, 0, 0)").run(version);
    old.close();

    const upgraded = await openDatabase(file, { now: () => new Date('2026-11-23T08:00:00Z') });
    expect(schemaVersion(upgraded)).toBe(4);
    expect(LATEST_SCHEMA_VERSION).toBe(4);
    for (const table of ['touchpoints', 'notes']) {
      const columns = upgraded.prepare<[], { name: string; type: string; notnull: number }>(`PRAGMA table_info(${table})`).all();
      expect(columns.find((c) => c.name === 'votes')).toMatchObject({ type: 'INTEGER', notnull: 0 });
    }
    const store = new MapStore(upgraded);
    expect(store.open('m3')).toEqual({
      revision: 2,
      map: {
        id: 'm3',
        name: 'Made before votes',
        description: 'kept',
        teams: [{ id: 'mkt', name: 'Marketing', role: 'marketing', color: '#7c3aed' }],
        stages: [{ id: 'aw', name: 'Awareness', phase: 'awareness', goal: 'Be found' }],
        touchpoints: [
          { id: 'tp1', stageId: 'aw', title: 'Webinar', channel: 'Online', ownerTeamIds: ['mkt'], supportTeamIds: [], promises: ['live in one day'], order: 1 },
          { id: 'tp2', stageId: 'aw', title: 'Report', ownerTeamIds: [], supportTeamIds: ['mkt'], promises: [] },
        ],
        handoffs: [],
        connections: [],
        notes: [{ id: 'n1', text: 'Ask legal', stageId: 'aw', x: 10, y: 20 }],
        rules: { 'touchpoint-disconnected': 'off' },
      },
    });
    expect(upgraded.prepare('SELECT name FROM versions').pluck().all()).toEqual(['after workshop 1']);
    expect(store.changesSince('m3', 1)).toHaveLength(1);
    // The upgraded map takes votes like any other.
    storeOps(store, 'm3', [{ op: 'set', path: ['touchpoints', 'tp2', 'votes'], value: 3 }]);
    expect(store.get('m3').touchpoints[1]!.votes).toBe(3);
    upgraded.close();

    const backups = fs.readdirSync(dir).filter((f) => f.startsWith('throughline.db.schema-3.') && f.endsWith('.bak'));
    expect(backups).toHaveLength(1);
    const backup = openSqlite(path.join(dir, backups[0]!), { readonly: true });
    expect(schemaVersion(backup)).toBe(3);
    expect(backup.prepare("SELECT count(*) FROM pragma_table_info('touchpoints') WHERE name = 'votes'").pluck().get()).toBe(0);
    expect(backup.prepare('SELECT title FROM touchpoints ORDER BY position').pluck().all()).toEqual(['Webinar', 'Report']);
    backup.close();
  });

  it('round-trips votes through import and export', async () => {
    const map = votedWorkshopMap();
    const { store, db } = await storeWith(map);
    const exported = store.exportDocument(map.id);
    expect(exported.map).toEqual(toDocument(map).map);
    expect(exported.map.touchpoints.find((t) => t.id === 'tp10')!.votes).toBe(9);
    expect(exported.map.notes.map((n) => n.votes)).toEqual([8, 3, undefined]);
    expect(db.prepare("SELECT votes FROM notes WHERE map_id = ? ORDER BY position").pluck().all(map.id)).toEqual([8, 3, null]);

    const { store: second } = await storeWith(parsed(JSON.parse(JSON.stringify(exported))));
    expect(second.exportDocument(map.id).map).toEqual(exported.map);
  });

  it('stores votes set on a touchpoint and a note, as the room session sends them', async () => {
    const map = votedWorkshopMap();
    const { store, db } = await storeWith(map);
    const change = store.storeChange(map.id, {
      clientId: 'room',
      batchId: 'vote-1',
      ops: [
        { op: 'set', path: ['touchpoints', 'tp2', 'votes'], value: 4 },
        { op: 'set', path: ['touchpoints', 'tp10', 'votes'], value: 10, base: 9 },
        { op: 'set', path: ['notes', 'n3', 'votes'], value: 1 },
      ],
    });
    expect(change.ops.map((op) => op.value)).toEqual([4, 10, 1]);
    const back = store.get(map.id);
    expect(back.touchpoints.find((t) => t.id === 'tp2')!.votes).toBe(4);
    expect(back.touchpoints.find((t) => t.id === 'tp10')!.votes).toBe(10);
    expect(back.notes.find((n) => n.id === 'n3')!.votes).toBe(1);
    // Other fields of those records are untouched.
    expect(back.touchpoints.find((t) => t.id === 'tp10')!.title).toBe('Tailored demo');
    expect(db.prepare("SELECT votes FROM touchpoints WHERE map_id = ? AND id = 'tp2'").pluck().get(map.id)).toBe(4);
  });

  it('drops votes set to 0 or unset, storing and sending them as absent', async () => {
    const map = votedWorkshopMap();
    const { store, db } = await storeWith(map);
    const change = storeOps(store, map.id, [
      { op: 'set', path: ['touchpoints', 'tp10', 'votes'], value: 0, base: 9 },
      { op: 'set', path: ['notes', 'n1', 'votes'], base: 8 },
    ]);
    expect(change.ops).toEqual([
      { op: 'set', path: ['touchpoints', 'tp10', 'votes'] },
      { op: 'set', path: ['notes', 'n1', 'votes'] },
    ]);
    const back = store.get(map.id);
    expect('votes' in back.touchpoints.find((t) => t.id === 'tp10')!).toBe(false);
    expect('votes' in back.notes.find((n) => n.id === 'n1')!).toBe(false);
    expect(db.prepare("SELECT votes FROM touchpoints WHERE map_id = ? AND id = 'tp10'").pluck().get(map.id)).toBeNull();
  });

  it.each([[-2], [1.5], [10001], ['5']])('refuses %j votes and changes nothing', async (value) => {
    const map = votedWorkshopMap();
    const { store } = await storeWith(map);
    const before = store.open(map.id);
    expect(() => storeOps(store, map.id, [{ op: 'set', path: ['touchpoints', 'tp10', 'votes'], value, base: 9 }])).toThrow(ApiError);
    expect(() => storeOps(store, map.id, [{ op: 'set', path: ['touchpoints', 'tp10', 'votes'], value, base: 9 }])).toThrow(/dot votes/);
    expect(store.open(map.id)).toEqual(before);
  });

  it('lets the database itself refuse a vote count out of range', async () => {
    const { db } = await storeWith(votedWorkshopMap());
    expect(() => db.prepare("UPDATE notes SET votes = 0 WHERE id = 'n1'").run()).toThrow(/CHECK constraint/);
    expect(() => db.prepare("UPDATE touchpoints SET votes = 10001 WHERE id = 'tp1'").run()).toThrow(/CHECK constraint/);
  });
});

const votesSlideOf = (deck: Deck) => deck.slides.find((s) => s.kind === 'votes');
const tableOf = (elements: readonly unknown[]) => (elements as TableElement[]).find((e) => e.kind === 'table')!;

describe('dot votes in the deck', () => {
  it('adds no votes slide and no vote tags to a map without votes', () => {
    const deck = deckOf(parsed(workshopDocument()));
    expect(deck.slides.map((s) => s.kind)).not.toContain('votes');
    expect(deck.slides.flatMap((s) => texts(s.elements)).some((line) => line.includes('●'))).toBe(false);
  });

  it('adds "What the room voted for" right after the findings, before the parking lot', () => {
    const deck = deckOf(votedWorkshopMap());
    const kinds = deck.slides.map((s) => s.kind);
    expect(kinds.filter((k) => k === 'votes')).toHaveLength(1);
    const at = kinds.indexOf('votes');
    expect(kinds[at - 1]).toBe('findings');
    expect(kinds[at + 1]).toBe('parkingLot');
    expect(texts(deck.slides[at]!.elements)).toContain('What the room voted for');
    expect(texts(deck.slides[at]!.elements)).toContain('44 votes on 8 items');
  });

  it('ranks by votes, then stage order, then title, with each count, kind and stage in text of 12 pt or more', () => {
    const slide = votesSlideOf(deckOf(votedWorkshopMap()))!;
    const table = tableOf(slide.elements);
    expect(table.rows[0]!.map((c) => c.text)).toEqual(['#', 'Votes', 'Touchpoint or note', 'Kind', 'Stage']);
    expect(table.rows.slice(1).map((row) => row.map((c) => c.text))).toEqual([
      ['1', '● 9', 'Tailored demo', 'Touchpoint', 'Intent'],
      ['2', '● 8', 'Who owns the trial follow-up?', 'Note', 'Intent'],
      // 7 votes each: Interest comes before Intent.
      ['3', '● 7', 'Webinar: dashboards without engineers', 'Touchpoint', 'Interest'],
      ['3', '● 7', 'Free trial with guided setup', 'Touchpoint', 'Intent'],
      ['5', '● 5', 'Onboarding programme', 'Touchpoint', 'Retention'],
      // 3 votes each: a card in the first stage before a note pinned to no stage.
      ['6', '● 3', 'LinkedIn thought-leadership posts', 'Touchpoint', 'Awareness'],
      ['6', '● 3', 'Pricing page is out of date', 'Note', '—'],
      ['8', '● 2', 'Proposal and negotiation', 'Touchpoint', 'Purchase'],
    ]);
    for (const cell of table.rows.flat()) expect(cell.size).toBeGreaterThanOrEqual(12);
    expect(slide.notes).toContain('9 · Touchpoint · Tailored demo · Intent');
  });

  it('breaks ties within one stage by title', () => {
    const map = votedWorkshopMap();
    for (const t of map.touchpoints) if (t.stageId === 'aw') t.votes = 2;
    map.notes = [];
    const aw = rankVotedItems(map).filter((item) => item.votes === 2 && item.stage === 'Awareness');
    expect(aw.map((item) => item.title)).toEqual(['Industry report: state of analytics', 'LinkedIn thought-leadership posts', 'Trade show booth']);
  });

  it(`shows at most ${MAX_VOTED_ITEMS} items and says how many more there are`, () => {
    const map = votedWorkshopMap();
    map.touchpoints.forEach((t, i) => (t.votes = i + 1));
    const slide = votesSlideOf(deckOf(map))!;
    const table = tableOf(slide.elements);
    expect(table.rows).toHaveLength(1 + MAX_VOTED_ITEMS);
    expect(table.rows[1]!.map((c) => c.text).slice(0, 3)).toEqual(['1', '● 20', 'Referral programme']);
    expect(texts(slide.elements)).toContain('…and 10 more voted items, listed in the speaker notes.');
    expect(slide.notes!.split('\n')).toHaveLength(1 + 22);
    const last = table.y + table.rows.length * table.rowHeight;
    expect(last).toBeLessThanOrEqual(500);
  });

  it('puts each card’s count beside its title on the overview and stage slides, without overlapping it', () => {
    const map = votedWorkshopMap();
    const deck = deckOf(map);
    const measure = exportFonts().measure;
    for (const kind of ['overview', 'stage'] as const) {
      const slides = deck.slides.filter((s) => s.kind === kind);
      for (const t of map.touchpoints) {
        const slide = slides.find((s) => s.elements.some((e) => e.kind === 'box' && e.role === 'card' && e.text!.paragraphs[0]!.lines.join(' ').startsWith(t.title.slice(0, 8))));
        if (!slide) continue; // a crowded overview cell may not show every card
        const card = slide.elements.find((e): e is BoxElement => e.kind === 'box' && e.role === 'card' && e.text!.paragraphs[0]!.lines.join(' ').startsWith(t.title.slice(0, 8)))!;
        const tags = slide.elements.filter((e): e is TextElement => e.kind === 'text' && e.text.paragraphs[0]!.lines[0]!.startsWith('●') && e.x >= card.x && e.x + e.w <= card.x + card.w && e.y >= card.y && e.y < card.y + card.h);
        if (!t.votes) {
          expect(tags, `${kind}: ${t.title}`).toHaveLength(0);
          continue;
        }
        expect(tags.map((e) => e.text.paragraphs[0]!.lines[0]), `${kind}: ${t.title}`).toEqual([`● ${t.votes}`]);
        const tag = tags[0]!;
        const title = card.text!.paragraphs[0]!;
        expect(tag.text.paragraphs[0]!.size).toBe(title.size);
        const firstLineEnd = card.x + card.text!.inset! + measure(title.lines[0]!, title.size, title.bold);
        expect(firstLineEnd, `${kind}: ${t.title}`).toBeLessThanOrEqual(tag.x + 1);
      }
    }
  });

  it('holds the votes slide in the PowerPoint deck as in the PDF', async () => {
    const map = votedWorkshopMap();
    const [pdf, pptx] = await Promise.all([exportMap(map, 'pdf', { now: NOW }), exportMap(map, 'pptx', { now: NOW })]);
    const deck = deckOf(map);
    const at = deck.slides.findIndex((s) => s.kind === 'votes');
    const zip = await JSZip.loadAsync(pptx.data);
    const xml = await zip.file(`ppt/slides/slide${at + 1}.xml`)!.async('string');
    expect(xml).toContain('<a:t>What the room voted for</a:t>');
    expect(xml).toContain('<a:tbl>');
    for (const text of ['● 9', 'Tailored demo', 'Who owns the trial follow-up?', 'Touchpoint', 'Note', 'Retention']) expect(xml).toContain(`<a:t>${text}</a:t>`);
    const file = path.join(tempDir(), 'deck.pdf');
    fs.writeFileSync(file, pdf.data);
    const page = execFileSync('pdftotext', ['-f', String(at + 1), '-l', String(at + 1), '-layout', file, '-'], { encoding: 'utf8' });
    expect(page).toContain('What the room voted for');
    expect(page).toMatch(/Tailored demo\s+Touchpoint\s+Intent/);
    expect(page).toMatch(/Who owns the trial follow-up\?\s+Note\s+Intent/);
  });
});
