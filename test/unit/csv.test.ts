import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mapToCsv, csvField } from '../../shared/format/csvExport';
import { detectDelimiter, mapNameFromFileName, parseCsvMap } from '../../shared/format/csvImport';
import { CSV_COLUMNS, describeGuess, guessPhase, guessRole, joinListCell, splitListCell } from '../../shared/format/csvColumns';
import { parseDocument } from '../../shared/format/document';
import { LIMITS } from '../../shared/model/fields';
import type { JourneyMap } from '../../shared/model/journeyMap';
import { validate } from '../../shared/validate/validate';
import { startBackend } from '../../electron/api/backend';
import { createApiClient } from '../../shared/api/contract';
import { tempDir } from './helpers';

const fixture = (name: string): JourneyMap => {
  const parsed = parseDocument(JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'fixtures', name), 'utf8')));
  if (!parsed.ok) throw new Error(`fixture ${name} is not valid`);
  return parsed.map;
};

const HEADER = CSV_COLUMNS.join(',');

function imported(text: string) {
  const result = parseCsvMap(text, { mapName: 'Workshop' });
  if (!result.ok) throw new Error(`expected the CSV to import, got ${JSON.stringify(result.problems)}`);
  return result;
}

function refused(text: string) {
  const result = parseCsvMap(text, { mapName: 'Workshop' });
  if (result.ok) throw new Error('expected the CSV to be refused');
  return result.problems.map((p) => `${p.path}: ${p.message}`);
}

/** Rules about touchpoints and their teams, stages and promises: what a CSV carries. */
const TOUCHPOINT_RULES = new Set([
  'touchpoint-without-owner',
  'touchpoint-contested',
  'sales-leads-early-stage',
  'marketing-leads-conversion',
  'sales-unsupported',
  'promise-not-set-up',
  'promise-not-followed-through',
  'stage-without-marketing',
]);

describe('CSV export', () => {
  it('writes a BOM, a header and one row per touchpoint in stage order, quoting only where needed', () => {
    const map = fixture('full-map.json');
    const csv = mapToCsv(map);
    expect(csv.startsWith('\uFEFFstage,stage phase,lead teams,lead team roles,supporting teams,supporting team roles,title,channel,promises,description,KPI,order\r\n')).toBe(true);
    const rows = csv.slice(1).trimEnd().split('\r\n');
    expect(rows).toHaveLength(map.touchpoints.length + 1);
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
  });

  it('escapes a ; inside a promise so the list splits back the same', () => {
    const items = ['live in a day; no IT', 'back\\slash', 'plain'];
    expect(splitListCell(joinListCell(items))).toEqual(items);
    expect(splitListCell(' a ;b;; ')).toEqual(['a', 'b']);
  });
});

describe('CSV round trip', () => {
  for (const name of ['full-map.json', 'workshop-map.json']) {
    it(`${name}: keeps every touchpoint field and gives the same touchpoint findings`, () => {
      const original = fixture(name);
      const back = imported(mapToCsv(original)).map;

      const stageName = (map: JourneyMap, id: string) => map.stages.find((s) => s.id === id)?.name;
      const teamNames = (map: JourneyMap, ids: string[]) => ids.map((id) => map.teams.find((t) => t.id === id)?.name);
      const comparable = (map: JourneyMap) =>
        map.touchpoints.map((t) => ({
          stage: stageName(map, t.stageId),
          title: t.title,
          channel: t.channel,
          leads: teamNames(map, t.ownerTeamIds),
          supporters: teamNames(map, t.supportTeamIds),
          promises: t.promises,
          description: t.description,
          kpi: t.kpi,
          order: t.order,
        }));
      const byTitle = (a: { title: string; stage?: string }, b: { title: string; stage?: string }) => `${a.stage}/${a.title}`.localeCompare(`${b.stage}/${b.title}`);
      expect(comparable(back).sort(byTitle)).toEqual(comparable(original).sort(byTitle));
      // Phases and roles travel in their columns: nothing is guessed.
      expect(imported(mapToCsv(original)).guesses).toEqual([]);

      // Rule settings are the map's, not a touchpoint's: compare both under the default settings.
      const findings = (map: JourneyMap) =>
        validate({ ...map, rules: {} }, { mode: 'complete' })
          .filter((f) => TOUCHPOINT_RULES.has(f.ruleId))
          .map((f) => `${f.ruleId} ${f.severity} ${f.message}`)
          .sort();
      expect(findings(back)).toEqual(findings(original));
      expect(findings(original).length).toBeGreaterThan(0);
    });
  }
});

describe('CSV import', () => {
  it('creates stages and teams by name in first-seen order, with unique ids', () => {
    const { map } = imported(`${HEADER}\nAwareness,,Marketing,,,,Webinar,,,,,\nIntent,,Sales,,Marketing,,Demo,,,,,\nAwareness,,Marketing,,,,Ad,,,,,\n`);
    expect(map.stages.map((s) => [s.name, s.phase])).toEqual([['Awareness', 'awareness'], ['Intent', 'intent']]);
    expect(map.teams.map((t) => [t.name, t.role])).toEqual([['Marketing', 'marketing'], ['Sales', 'sales']]);
    expect(new Set([...map.stages, ...map.teams, ...map.touchpoints].map((r) => r.id)).size).toBe(7);
    expect(map.name).toBe('Workshop');
  });

  it('guesses phases and roles from names when the columns are blank or absent, and says so', () => {
    const result = imported('stage,title,lead teams\nDiscovery,Blog,Demand Gen\nEvaluation,Case study,RevOps\nOnboarding,Kickoff,Customer Success\nExpansion,QBR,Account Executives\nBrainstorm,Idea,Sales\n');
    expect(result.map.stages.map((s) => s.phase)).toEqual(['interest', 'consideration', 'retention', 'growth', 'other']);
    expect(result.map.teams.map((t) => t.role)).toEqual(['marketing', 'other', 'other', 'sales', 'sales']);
    expect(result.guesses.map(describeGuess)).toEqual([
      'Stage “Discovery” taken as Interest',
      'Stage “Evaluation” taken as Consideration',
      'Stage “Onboarding” taken as Retention',
      'Stage “Expansion” taken as Growth',
      'Stage “Brainstorm” taken as Other',
      'Team “Demand Gen” taken as marketing',
      'Team “RevOps” taken as other',
      'Team “Customer Success” taken as other',
      'Team “Account Executives” taken as sales',
    ]);
  });

  it('knows the common stage synonyms', () => {
    expect(['Awareness', 'Interest', 'Consideration', 'Intent', 'Purchase', 'Retention', 'Growth'].map(guessPhase)).toEqual([
      'awareness',
      'interest',
      'consideration',
      'intent',
      'purchase',
      'retention',
      'growth',
    ]);
    expect(['Decision', 'Adoption', 'Renewal', 'Advocacy', 'Closed won', 'Discovery & evaluation'].map(guessPhase)).toEqual(['intent', 'retention', 'retention', 'growth', 'purchase', 'interest']);
    expect(['Product Marketing', 'Inside Sales', 'SDR team', 'Finance'].map(guessRole)).toEqual(['marketing', 'sales', 'sales', 'other']);
  });

  it('reads phases and roles from their columns', () => {
    const { map, guesses } = imported(`${HEADER}\nKickoff,intent,Growth Team; Partners,sales; other,,,Call,,,,,\n`);
    expect(map.stages[0]!.phase).toBe('intent');
    expect(map.teams.map((t) => t.role)).toEqual(['sales', 'other']);
    expect(guesses).toEqual([]);
  });

  it("reads Excel's semicolon dialect, with or without a BOM, and quoted values with commas, quotes and line breaks", () => {
    const text = 'stage;title;promises;description\r\nAwareness;"Webinar; live";one, two;"He said ""go""\r\nnext line"\r\n';
    expect(detectDelimiter(text)).toBe(';');
    for (const variant of [text, `\uFEFF${text}`]) {
      const { map } = imported(variant);
      expect(map.touchpoints[0]).toMatchObject({ title: 'Webinar; live', promises: ['one, two'], description: 'He said "go"\r\nnext line' });
      expect(map.stages[0]!.name).toBe('Awareness');
    }
  });

  it('accepts column names in any case and order, skips blank rows, and reports columns it ignores', () => {
    const result = imported('Title,Stage,Owner\nWebinar,Awareness,Marketing\n,,\n');
    expect(result.map.touchpoints).toHaveLength(1);
    expect(result.ignoredColumns).toEqual(['Owner']);
  });

  it('names the map after the file', () => {
    expect(mapNameFromFileName('/tmp/exports/Q3 journey.CSV')).toBe('Q3 journey');
    expect(mapNameFromFileName('C:\\maps\\Acme.csv')).toBe('Acme');
  });
});

describe('bad CSV: the row and column of the problem', () => {
  it('an empty stage or title', () => {
    expect(refused('stage,title\nAwareness,Webinar\n,Demo\nIntent,\n')).toEqual([
      'Row 3, column “stage”: is empty; every row needs the stage its touchpoint is in',
      'Row 4, column “title”: is empty; every touchpoint needs a title',
    ]);
  });

  it('unbalanced quotes', () => {
    expect(refused('stage,title\nAwareness,Webinar\nIntent,"Demo\n')).toEqual(['Row 3, column “title”: a quoted value is never closed (a " without its closing ")']);
  });

  it('a missing required column', () => {
    expect(refused('stage,channel\nAwareness,Email\n')).toEqual(['Row 1, column “title”: is missing; the first row must name the columns, at least “stage” and “title”']);
  });

  it('an unknown phase or role, roles that do not match the teams, a bad order, conflicting phases', () => {
    expect(refused(`${HEADER}\nA,later,,,,,T1,,,,,\nB,,Sales,sales; marketing,,,T2,,,,,\nC,,,,,,T3,,,,,soon\nD,intent,,,,,T4,,,,,\nD,purchase,,,,,T5,,,,,\n`)).toEqual([
      'Row 2, column “stage phase”: is “later”; a phase is one of awareness, interest, consideration, intent, purchase, retention, growth, other',
      'Row 3, column “lead team roles”: lists 2 roles for 1 team; give one role per team, in the same order',
      'Row 4, column “order”: is “soon”, not a number',
      'Row 6, column “stage phase”: gives “D” the phase purchase, but row 5 gave it intent',
    ]);
  });

  it("the format's limits, named by row and column: an over-long title, a team that both leads and supports", () => {
    expect(refused(`stage,title,lead teams,supporting teams\nA,${'x'.repeat(LIMITS.nameLength + 1)},M,\nB,Demo,Sales,Sales\n`)).toEqual([
      `Row 2, column “title”: is longer than ${LIMITS.nameLength} characters`,
      'Row 3, column “supporting teams”: lists team "team-sales", which already leads this touchpoint',
    ]);
  });

  it('too many rows, too many stages', () => {
    const rows = Array.from({ length: LIMITS.touchpoints + 1 }, (_, i) => `S,T${i}`).join('\n');
    expect(refused(`stage,title\n${rows}\n`)).toEqual([`(file): has more than ${LIMITS.touchpoints} rows; a map holds at most ${LIMITS.touchpoints} touchpoints`]);
    const stages = Array.from({ length: LIMITS.stages + 1 }, (_, i) => `S${i},T`).join('\n');
    expect(refused(`stage,title\n${stages}\n`)).toEqual([`(file): has more than ${LIMITS.stages} stages`]);
  });

  it('an empty file, or one with only the header', () => {
    expect(refused('')).toEqual(['(file): is empty; the first row must name the columns']);
    expect(refused('stage,title\n')).toEqual(['(file): has no rows below the column names; each row is one touchpoint']);
  });
});

describe("the host's CSV import ('maps.importCsv')", () => {
  it('stores the map and returns what it guessed; a bad file is refused by row and column and changes nothing', async () => {
    const { dispatch, close, databaseFile } = await startBackend(tempDir(), { checkResults: true, logError: () => {} });
    const api = createApiClient(dispatch);
    const result = await api['maps.importCsv']({ csv: 'stage,title,lead teams\nDiscovery,Blog,RevOps\n', fileName: 'Room 1.csv' });
    expect(result.map).toMatchObject({ name: 'Room 1', stageCount: 1, teamCount: 1, touchpointCount: 1 });
    expect(result.guesses.map(describeGuess)).toEqual(['Stage “Discovery” taken as Interest', 'Team “RevOps” taken as other']);
    expect((await api['maps.get']({ id: result.map.id })).touchpoints[0]!.title).toBe('Blog');

    const before = fs.readFileSync(databaseFile);
    expect(await dispatch('maps.importCsv', { csv: 'stage,title\nA,\n', fileName: 'bad.csv' })).toEqual({
      ok: false,
      error: { code: 'invalid-document', message: 'This file cannot be imported:\nRow 2, column “title”: is empty; every touchpoint needs a title' },
    });
    expect(fs.readFileSync(databaseFile).equals(before)).toBe(true);
    expect(await api['maps.list']({})).toHaveLength(1);
    close();
  });
});
