import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { validate, RULES, findingsForJson } from '../../shared/validate/validate';
import type { Finding } from '../../shared/validate/types';
import type { JourneyMap } from '../../shared/model/journeyMap';
import type { Touchpoint } from '../../shared/model/touchpoint';
import type { StagePhase } from '../../shared/model/stage';
import type { RuleId } from '../../shared/model/rules';
import { parseDocument, parseMap } from '../../shared/format/document';
import { toMapDoc, fromMapDoc } from '../../shared/document/mapDoc';
import { execute, applyPatches, type Command } from '../../shared/document/command';
import fs from 'node:fs';
import path from 'node:path';
import { fullDocument, tempDir } from './helpers';
import { createMapFromTemplate } from '../../shared/templates';

/**
 * A healthy map to break one rule at a time: marketing leads early, sales converts with marketing's
 * support, customer success keeps the customer, one marketing → sales handoff with criteria, one voice.
 */
function healthyMap(): JourneyMap {
  const phases: StagePhase[] = ['awareness', 'interest', 'consideration', 'intent', 'purchase', 'retention'];
  const tp = (id: string, stageId: string, owner: string, support: string[], promises: string[] = []): Touchpoint => ({
    id,
    stageId,
    title: id,
    ownerTeamIds: [owner],
    supportTeamIds: support,
    promises,
  });
  return {
    id: 'healthy',
    name: 'Healthy',
    teams: [
      { id: 'mkt', name: 'Marketing', role: 'marketing' },
      { id: 'sales', name: 'Sales', role: 'sales' },
      { id: 'cs', name: 'Customer Success', role: 'other' },
    ],
    stages: phases.map((phase) => ({ id: phase, name: phase[0]!.toUpperCase() + phase.slice(1), phase })),
    touchpoints: [
      tp('Ads', 'awareness', 'mkt', [], ['fast setup']),
      tp('Webinar', 'interest', 'mkt', ['sales']),
      tp('Stories', 'consideration', 'mkt', ['sales']),
      tp('Demo', 'intent', 'sales', ['mkt'], ['fast setup']),
      tp('Close', 'purchase', 'sales', ['mkt']),
      tp('Onboarding', 'retention', 'cs', ['mkt']),
    ],
    handoffs: [{ id: 'mql', stageId: 'intent', fromTeamId: 'mkt', toTeamId: 'sales', criteria: 'Score ≥ 60' }],
    connections: [
      { id: 'c1', source: 'Ads', target: 'Webinar' },
      { id: 'c2', source: 'Webinar', target: 'Stories' },
      { id: 'c3', source: 'Stories', target: 'mql' },
      { id: 'c4', source: 'mql', target: 'Demo' },
      { id: 'c5', source: 'Demo', target: 'Close' },
      { id: 'c6', source: 'Close', target: 'Onboarding' },
    ],
    notes: [],
    rules: {},
  };
}

function findings(map: JourneyMap, ruleId?: RuleId): Finding[] {
  const checked = parseMap(map);
  if (!checked.ok) throw new Error(`test map is invalid: ${JSON.stringify(checked.problems)}`);
  const all = validate(checked.map);
  return ruleId ? all.filter((f) => f.ruleId === ruleId) : all;
}

function edit(change: (map: JourneyMap) => void): JourneyMap {
  const map = healthyMap();
  change(map);
  return map;
}
const card = (map: JourneyMap, id: string) => map.touchpoints.find((t) => t.id === id)!;

/** Applies a finding's quick fix and returns the fixed map. */
function applyFix(map: JourneyMap, finding: Finding): JourneyMap {
  if (finding.fix?.kind !== 'edit') throw new Error('no edit fix');
  let doc = toMapDoc(map);
  for (const { command, args } of finding.fix.steps()) doc = execute(doc, command, args as never)!.doc;
  return fromMapDoc(doc);
}

describe('validator', () => {
  it('finds nothing wrong with a healthy map', () => {
    expect(findings(healthyMap())).toEqual([]);
  });

  it('stage-without-touchpoints: a stage with no card, fixed by adding one; not for a stage with a card', () => {
    const map = edit((m) => m.stages.push({ id: 'growth', name: 'Growth', phase: 'growth' }));
    const [f] = findings(map, 'stage-without-touchpoints');
    expect(f).toMatchObject({ severity: 'error', targetIds: ['growth'], message: 'No touchpoint in “Growth”: the buyer is on their own there.' });
    expect(f!.fix!.label).toBe('Add a Customer Success touchpoint to Growth');
    expect(findings(applyFix(map, f!), 'stage-without-touchpoints')).toEqual([]);
  });

  it('stage-without-marketing: only when no marketing team leads or supports there, and only if the map has marketing', () => {
    const map = edit((m) => (card(m, 'Onboarding').supportTeamIds = []));
    expect(findings(map, 'stage-without-marketing')).toMatchObject([{ severity: 'warning', targetIds: ['retention'] }]);
    expect(findings(map, 'stage-without-marketing')[0]!.message).toBe('Marketing is absent from “Retention”: no marketing team leads or supports a touchpoint there.');
    // Near misses: marketing supports (the healthy map), or the map has no marketing team at all.
    const noMarketing = edit((m) => {
      m.teams[0]!.role = 'other';
    });
    expect(findings(noMarketing, 'stage-without-marketing')).toEqual([]);
  });

  it('touchpoint-without-owner: a card no team leads; the fix makes its supporter the lead', () => {
    const map = edit((m) => (card(m, 'Webinar').ownerTeamIds = []));
    const [f] = findings(map, 'touchpoint-without-owner');
    expect(f).toMatchObject({ severity: 'error', targetIds: ['Webinar'], message: 'No team leads “Webinar” in “Interest”.' });
    expect(f!.fix!.label).toBe('Make Sales the lead');
    expect(findings(applyFix(map, f!), 'touchpoint-without-owner')).toEqual([]);
  });

  it('touchpoint-contested: two leads; the fix keeps the lead whose role fits the stage and makes the other a supporter', () => {
    const map = edit((m) => (card(m, 'Demo').ownerTeamIds = ['mkt', 'sales']));
    card(map, 'Demo').supportTeamIds = [];
    const [f] = findings(map, 'touchpoint-contested');
    expect(f).toMatchObject({ severity: 'error', targetIds: ['Demo'], message: 'Marketing and Sales both claim to lead “Demo” in “Intent”.' });
    expect(f!.fix!.label).toBe('Make Sales the lead and Marketing a supporter');
    const fixed = applyFix(map, f!);
    expect(card(fixed, 'Demo')).toMatchObject({ ownerTeamIds: ['sales'], supportTeamIds: ['mkt'] });
    expect(findings(fixed, 'touchpoint-contested')).toEqual([]);
  });

  it('sales-leads-early-stage: sales leading in awareness or interest, not in consideration', () => {
    const map = edit((m) => (card(m, 'Webinar').ownerTeamIds = ['sales']));
    card(map, 'Webinar').supportTeamIds = [];
    const [f] = findings(map, 'sales-leads-early-stage');
    expect(f).toMatchObject({ severity: 'warning', targetIds: ['Webinar'] });
    expect(f!.fix!.label).toBe('Make Marketing the lead and Sales a supporter');
    expect(findings(applyFix(map, f!), 'sales-leads-early-stage')).toEqual([]);
    const consideration = edit((m) => {
      card(m, 'Stories').ownerTeamIds = ['sales'];
      card(m, 'Stories').supportTeamIds = ['mkt'];
    });
    expect(findings(consideration, 'sales-leads-early-stage')).toEqual([]);
  });

  it('marketing-leads-conversion: marketing leading a purchase touchpoint, not an intent one', () => {
    const map = edit((m) => {
      card(m, 'Close').ownerTeamIds = ['mkt'];
      card(m, 'Close').supportTeamIds = ['sales'];
    });
    const [f] = findings(map, 'marketing-leads-conversion');
    expect(f).toMatchObject({ severity: 'warning', targetIds: ['Close'], message: 'Marketing leads “Close” in “Purchase”: sales owns conversion.' });
    expect(card(applyFix(map, f!), 'Close')).toMatchObject({ ownerTeamIds: ['sales'], supportTeamIds: ['mkt'] });
    const intent = edit((m) => {
      card(m, 'Demo').ownerTeamIds = ['mkt'];
      card(m, 'Demo').supportTeamIds = ['sales'];
    });
    expect(findings(intent, 'marketing-leads-conversion')).toEqual([]);
  });

  it('sales-unsupported: a sales-led intent or purchase card nobody supports; not in retention, not when contested', () => {
    const map = edit((m) => (card(m, 'Close').supportTeamIds = []));
    const [f] = findings(map, 'sales-unsupported');
    expect(f).toMatchObject({ severity: 'info', targetIds: ['Close'], message: 'No team supports sales at “Close” in “Purchase”.' });
    expect(card(applyFix(map, f!), 'Close').supportTeamIds).toEqual(['mkt']);
    const retention = edit((m) => {
      card(m, 'Onboarding').ownerTeamIds = ['sales'];
      card(m, 'Onboarding').supportTeamIds = [];
    });
    expect(findings(retention, 'sales-unsupported')).toEqual([]);
  });

  it('handoff-same-team: from and to the same team; fixed by handing over to the next lane', () => {
    const map = edit((m) => (m.handoffs[0]!.toTeamId = 'mkt'));
    const [f] = findings(map, 'handoff-same-team');
    expect(f).toMatchObject({ severity: 'error', targetIds: ['mql'] });
    expect(f!.fix!.label).toBe('Hand over to Sales');
    expect(findings(applyFix(map, f!), 'handoff-same-team')).toEqual([]);
  });

  it('handoff-missing-criteria: points the user at the Criteria field', () => {
    const map = edit((m) => delete m.handoffs[0]!.criteria);
    const [f] = findings(map, 'handoff-missing-criteria');
    expect(f).toMatchObject({ severity: 'warning', targetIds: ['mql'] });
    expect(f!.fix).toEqual({ kind: 'focus', label: 'Add entry criteria…', targetId: 'mql', field: 'Criteria' });
  });

  it('handoff-dropped: the receiving team does not pick the buyer up, or the card before is not the sender’s', () => {
    const after = edit((m) => {
      card(m, 'Demo').ownerTeamIds = ['cs'];
    });
    const [f] = findings(after, 'handoff-dropped');
    expect(f).toMatchObject({
      severity: 'error',
      targetIds: ['mql', 'Demo'],
      message: 'Dropped baton: Sales does not pick the buyer up after the Marketing → Sales handoff — “Demo” is led by Customer Success.',
    });
    expect(f!.fix!.label).toBe('Make Sales the lead and Customer Success a supporter');
    expect(findings(applyFix(after, f!), 'handoff-dropped')).toEqual([]);

    const before = edit((m) => {
      card(m, 'Stories').ownerTeamIds = ['sales'];
      card(m, 'Stories').supportTeamIds = [];
    });
    expect(findings(before, 'handoff-dropped')).toMatchObject([{ targetIds: ['mql', 'Stories'] }]);
    // Near miss: a handoff with no connections around it is not judged.
    const unconnected = edit((m) => {
      m.connections = [];
      card(m, 'Demo').ownerTeamIds = ['cs'];
    });
    expect(findings(unconnected, 'handoff-dropped')).toEqual([]);
  });

  it('no-marketing-to-sales-handoff: by role, not by name; a sales → marketing handoff does not count', () => {
    const map = edit((m) => (m.handoffs = [{ id: 'back', stageId: 'intent', fromTeamId: 'sales', toTeamId: 'mkt', criteria: 'Recycle' }]));
    map.connections = map.connections.filter((c) => c.source !== 'mql' && c.target !== 'mql');
    const [f] = findings(map, 'no-marketing-to-sales-handoff');
    expect(f).toMatchObject({ severity: 'warning', targetIds: ['mkt', 'sales'] });
    expect(f!.fix!.label).toBe('Add a Marketing → Sales handoff in Intent');
    expect(findings(applyFix(map, f!), 'no-marketing-to-sales-handoff')).toEqual([]);
    // Renaming teams changes nothing: roles decide.
    const renamed = edit((m) => {
      m.teams[0]!.name = 'Growth team';
      m.teams[1]!.name = 'Account executives';
    });
    expect(findings(renamed)).toEqual([]);
  });

  it('promise-not-set-up: a sales promise marketing never made up to that stage (case-insensitive)', () => {
    const map = edit((m) => (card(m, 'Close').promises = ['Cancel any time', 'FAST SETUP']));
    expect(findings(map, 'promise-not-set-up')).toMatchObject([
      { severity: 'warning', targetIds: ['Close'], message: '“Close” promises “Cancel any time”, but no marketing touchpoint up to “Purchase” sets it up.' },
    ]);
    // Near miss: marketing makes it, but only later — still not set up.
    const late = edit((m) => {
      card(m, 'Demo').promises = ['roi in 90 days'];
      card(m, 'Onboarding').ownerTeamIds = ['mkt'];
      card(m, 'Onboarding').supportTeamIds = [];
      card(m, 'Onboarding').promises = ['roi in 90 days'];
    });
    expect(findings(late, 'promise-not-set-up')).toMatchObject([{ targetIds: ['Demo'] }]);
  });

  it('promise-not-followed-through: a marketing promise no sales card carries from that stage on', () => {
    const map = edit((m) => (card(m, 'Webinar').promises = ['free migration']));
    expect(findings(map, 'promise-not-followed-through')).toMatchObject([{ severity: 'info', targetIds: ['Webinar'] }]);
    const carried = edit((m) => {
      card(m, 'Webinar').promises = ['free migration'];
      card(m, 'Close').promises = ['free migration'];
    });
    expect(findings(carried, 'promise-not-followed-through')).toEqual([]);
  });

  it('missing-post-purchase: no retention or growth stage; fixed by adding a Retention stage at the end', () => {
    const map = edit((m) => {
      m.stages = m.stages.filter((s) => s.id !== 'retention');
      m.touchpoints = m.touchpoints.filter((t) => t.stageId !== 'retention');
      m.connections = m.connections.filter((c) => c.target !== 'Onboarding');
    });
    const [f] = findings(map, 'missing-post-purchase');
    expect(f).toMatchObject({ severity: 'info', targetIds: ['purchase'] });
    const fixed = applyFix(map, f!);
    expect(fixed.stages.at(-1)).toMatchObject({ name: 'Retention', phase: 'retention' });
    expect(findings(fixed, 'missing-post-purchase')).toEqual([]);
  });

  it('touchpoint-disconnected: only once the map has connections', () => {
    const map = edit((m) => m.touchpoints.push({ id: 'Podcast', stageId: 'awareness', title: 'Podcast', ownerTeamIds: ['mkt'], supportTeamIds: [], promises: [] }));
    expect(findings(map, 'touchpoint-disconnected')).toMatchObject([{ severity: 'info', targetIds: ['Podcast'] }]);
    const noPath = edit((m) => {
      m.touchpoints.push({ id: 'Podcast', stageId: 'awareness', title: 'Podcast', ownerTeamIds: ['mkt'], supportTeamIds: [], promises: [] });
      m.connections = [];
    });
    expect(findings(noPath, 'touchpoint-disconnected')).toEqual([]);
  });

  it('applies the map’s rule settings: off silences a rule, a severity overrides its default', () => {
    const map = edit((m) => {
      card(m, 'Close').supportTeamIds = [];
      delete m.handoffs[0]!.criteria;
      m.rules = { 'sales-unsupported': 'error', 'handoff-missing-criteria': 'off' };
    });
    expect(findings(map).map((f) => [f.ruleId, f.severity])).toEqual([
      ['stage-without-marketing', 'warning'],
      ['sales-unsupported', 'error'],
    ]);
  });

  it('is deterministic: equal maps built in different orders give the same findings, listed in rule order', () => {
    const parsed = parseDocument(fullDocument());
    if (!parsed.ok) throw new Error('fixture invalid');
    // Several cards feed and follow the handoffs, so a handoff's findings could follow the connections' order.
    const map: JourneyMap = {
      ...parsed.map,
      connections: [
        ...parsed.map.connections,
        { id: 'c-cold', source: 'tp-cold', target: 'ho-mql' },
        { id: 'c-compare', source: 'tp-compare', target: 'ho-mql' },
        { id: 'c-linkedin', source: 'ho-mql', target: 'tp-linkedin' },
        { id: 'c-after', source: 'ho-close', target: 'tp-cold' },
      ],
      notes: [...parsed.map.notes, { id: 'n2', text: 'Second', x: 1, y: 2 }, { id: 'n3', text: 'Third', stageId: 'aw', x: 3, y: 4 }],
      rules: { 'sales-unsupported': 'warning', 'touchpoint-without-owner': 'warning', 'missing-post-purchase': 'off' },
    };
    const expected = findingsForJson(validate(map));
    expect(new Set(expected.filter((f) => f.ruleId === 'handoff-dropped').map((f) => f.targetIds[0])).size).toBe(2);
    const n = (list: unknown[]) => ({ minLength: list.length, maxLength: list.length });
    fc.assert(
      fc.property(fc.shuffledSubarray(map.connections, n(map.connections)), fc.shuffledSubarray(map.notes, n(map.notes)), (connections, notes) => {
        // The same map: the connections and notes listed in another order (their order means nothing),
        // every record's fields and the rule settings written in another order, after validating another map.
        const again = withFieldsReversed({ ...map, connections, notes, rules: withFieldsReversed(map.rules) });
        validate(createMapFromTemplate('b2b-funnel', 'Another map'));
        for (const mode of ['complete', 'workshop'] as const) {
          expect(findingsForJson(validate(again, { mode }))).toEqual(findingsForJson(validate(map, { mode })));
        }
      }),
      { numRuns: 40 },
    );
    const order = RULES.map((r) => r.id);
    const positions = expected.map((f) => order.indexOf(f.ruleId));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    for (const rule of RULES) {
      expect(rule.description.length).toBeGreaterThan(20);
      expect(rule.rationale.length).toBeGreaterThan(40);
    }
  });
});

/** A copy of a map (or a record) whose objects have their fields inserted in the reverse order; lists keep their order. */
function withFieldsReversed<T>(value: T): T {
  if (Array.isArray(value)) return value.map(withFieldsReversed) as T;
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).reverse().map(([key, field]) => [key, withFieldsReversed(field)])) as T;
}

describe('coverage matrix', () => {
  it('counts, per team and stage, the touchpoints each team leads and supports', async () => {
    const { computeCoverage } = await import('../../shared/validate/coverage');
    const rows = computeCoverage(healthyMap());
    expect(rows.map((row) => row.map((c) => `${c.lead.length}/${c.support.length}`))).toEqual([
      ['1/0', '1/0', '1/0', '0/1', '0/1', '0/1'],
      ['0/0', '0/1', '0/1', '1/0', '1/0', '0/0'],
      ['0/0', '0/0', '0/0', '0/0', '0/0', '1/0'],
    ]);
    expect(rows[1]![3]).toEqual({ stageId: 'intent', teamId: 'sales', lead: ['Demo'], support: [], gap: false });
  });

  it('marks a gap only where the model expects the team: marketing in every stage, sales in intent and purchase', async () => {
    const { computeCoverage } = await import('../../shared/validate/coverage');
    const map = edit((m) => {
      m.touchpoints = m.touchpoints.filter((t) => t.id !== 'Close' && t.id !== 'Ads');
    });
    const gaps = computeCoverage(map).map((row) => row.map((c) => (c.gap ? 'Gap' : c.lead.length + c.support.length > 0 ? 'x' : '-')));
    expect(gaps).toEqual([
      // Marketing: expected everywhere, so Awareness (its card removed) and Purchase (Close removed) are gaps.
      ['Gap', 'x', 'x', 'x', 'Gap', 'x'],
      // Sales: expected in intent and purchase only; empty Awareness and Retention are just empty.
      ['-', 'x', 'x', 'x', 'Gap', '-'],
      // Customer Success: expected nowhere; its empty cells are never gaps.
      ['-', '-', '-', '-', '-', 'x'],
    ]);
  });

  it('a role is covered in a stage when any of its teams is there: a second marketing team’s empty cell is no gap', async () => {
    const { computeCoverage } = await import('../../shared/validate/coverage');
    const map = edit((m) => m.teams.push({ id: 'brand', name: 'Brand', role: 'marketing' }));
    const brand = computeCoverage(map)[3]!;
    expect(brand.every((cell) => !cell.gap && cell.lead.length === 0)).toBe(true);
  });
});

describe('workshop and complete modes', () => {
  const template = () => {
    const map = createMapFromTemplate('b2b-funnel', 'Fresh');
    const ids = {
      stage: Object.fromEntries(map.stages.map((s) => [s.phase, s.id])) as Record<string, string>,
      team: Object.fromEntries(map.teams.map((t) => [t.role, t.id])) as Record<string, string>,
    };
    const addCard = (phase: string, role: string, id = `tp-${phase}`) =>
      map.touchpoints.push({ id, stageId: ids.stage[phase]!, title: id, ownerTeamIds: [ids.team[role]!], supportTeamIds: [], promises: [] });
    return { map, ids, addCard };
  };
  const ruleIds = (list: Finding[]) => list.map((f) => f.ruleId);

  it('a fresh template is not wrong in workshop mode; complete mode (CLI, exports, Present) still reports every rule', () => {
    const { map } = template();
    expect(validate(map, { mode: 'workshop' })).toEqual([]);
    expect(ruleIds(validate(map, { mode: 'complete' }))).toEqual([...new Array(7).fill('stage-without-touchpoints'), 'no-marketing-to-sales-handoff']);
    expect(findingsForJson(validate(map))).toEqual(findingsForJson(validate(map, { mode: 'complete' })));
  });

  it('the command line always reports every rule: a fresh template has seven errors there', async () => {
    const { runCli } = await import('../../electron/cli/main');
    const { toDocument } = await import('../../shared/format/document');
    const file = path.join(tempDir(), 'fresh.json');
    fs.writeFileSync(file, JSON.stringify(toDocument(template().map)));
    const out: string[] = [];
    expect(await runCli(['validate', file, '--json'], { out: (line) => out.push(line), err: () => {} })).toBe(1);
    const reported = JSON.parse(out.join('\n')) as { ruleId: string }[];
    expect(reported.filter((f) => f.ruleId === 'stage-without-touchpoints')).toHaveLength(7);
  });

  it('stage-without-touchpoints: a stage counts as started once it or a later stage has a card', () => {
    const { map, ids, addCard } = template();
    addCard('awareness', 'marketing');
    expect(validate(map, { mode: 'workshop' })).toEqual([]);
    // A card in Intent: Interest and Consideration were skipped (the room has been past them); Purchase on is still ahead.
    addCard('intent', 'sales');
    const found = validate(map, { mode: 'workshop' }).filter((f) => f.ruleId === 'stage-without-touchpoints');
    expect(found.map((f) => f.targetIds[0])).toEqual([ids.stage.interest, ids.stage.consideration]);
    expect(validate(map, { mode: 'complete' }).filter((f) => f.ruleId === 'stage-without-touchpoints')).toHaveLength(5);
  });

  it('no-marketing-to-sales-handoff waits until the room has reached the stage where the handover belongs', () => {
    const { map, addCard } = template();
    addCard('consideration', 'marketing');
    expect(ruleIds(validate(map, { mode: 'workshop' }))).not.toContain('no-marketing-to-sales-handoff');
    addCard('intent', 'sales');
    expect(ruleIds(validate(map, { mode: 'workshop' }))).toContain('no-marketing-to-sales-handoff');
  });

  it('missing-post-purchase waits until the last stage has a card: until then the journey has not ended anywhere', () => {
    const { map, addCard } = template();
    map.stages = map.stages.filter((s) => s.phase !== 'retention' && s.phase !== 'growth');
    addCard('intent', 'sales');
    expect(ruleIds(validate(map, { mode: 'workshop' }))).not.toContain('missing-post-purchase');
    expect(ruleIds(validate(map, { mode: 'complete' }))).toContain('missing-post-purchase');
    addCard('purchase', 'sales');
    expect(ruleIds(validate(map, { mode: 'workshop' }))).toContain('missing-post-purchase');
  });

  it('changes nothing else: rules about cards, handoffs and promises, and stage-without-marketing, are the same in both modes', () => {
    const { map, addCard } = template();
    addCard('awareness', 'sales'); // sales leads early, and marketing is absent from Awareness
    map.touchpoints.push({ ...map.touchpoints[0]!, id: 'orphan', ownerTeamIds: [] });
    const cardFindings = (list: Finding[]) => findingsForJson(list.filter((f) => f.ruleId !== 'stage-without-touchpoints' && f.ruleId !== 'no-marketing-to-sales-handoff'));
    expect(cardFindings(validate(map, { mode: 'workshop' }))).toEqual(cardFindings(validate(map, { mode: 'complete' })));
    expect(ruleIds(validate(map, { mode: 'workshop' }))).toEqual(['stage-without-marketing', 'touchpoint-without-owner', 'sales-leads-early-stage']);
    expect(findingsForJson(validate(healthyMap(), { mode: 'workshop' }))).toEqual([]);
  });
});

describe('live (incremental) validation', () => {
  it('gives exactly the findings of a full validation after every kind of edit', async () => {
    const { createIncrementalValidator, changedCardIds } = await import('../../shared/validate/incremental');
    const commands = await import('../../shared/document/commands');
    const parsed = parseDocument(fullDocument());
    if (!parsed.ok) throw new Error('fixture invalid');
    const live = createIncrementalValidator();
    const hinted = createIncrementalValidator();
    let doc = toMapDoc(parsed.map);
    let hint: { from: typeof doc; cardIds: Set<string> } | undefined;
    // Each document in both modes, as the canvas (workshop) and Present (complete) ask for them, in turn.
    const check = () => {
      for (const mode of ['workshop', 'complete'] as const) {
        const expected = findingsForJson(validate(fromMapDoc(doc), { mode }));
        expect(findingsForJson(live(doc, undefined, mode))).toEqual(expected);
        expect(findingsForJson(hinted(doc, hint, mode))).toEqual(expected);
      }
    };
    check();
    const steps: [Command<never>, unknown][] = [
      [commands.updateTouchpoint as Command<never>, { id: 'tp-demo', changes: { ownerTeamIds: ['mkt', 'sales'] } }],
      [commands.moveTouchpoint as Command<never>, { id: 'tp-cold', stageId: 'aw', laneTeamId: 'sales', index: 0 }],
      [commands.updateTeam as Command<never>, { id: 'cs', changes: { role: 'marketing' } }],
      [commands.setRuleSetting as Command<never>, { ruleId: 'touchpoint-contested', setting: 'off' }],
      [commands.deleteElements as Command<never>, { ids: ['re'] }],
      [commands.addTouchpoint as Command<never>, { id: 'tp-x', stageId: 'pu', laneTeamId: null, title: 'Unowned card' }],
      [commands.updateTouchpoint as Command<never>, { id: 'tp-proposal', changes: { promises: ['free migration'] } }],
      [commands.connect as Command<never>, { id: 'c-x', source: 'tp-x', target: 'ho-close' }],
      [commands.updateTouchpoint as Command<never>, { id: 'tp-case', changes: { promises: ['never fails'], ownerTeamIds: ['sales'] } }],
      [commands.moveTouchpoint as Command<never>, { id: 'tp-demo', stageId: 'aw', laneTeamId: 'mkt', index: 0 }],
      [commands.updateTouchpoint as Command<never>, { id: 'tp-report', changes: { ownerTeamIds: [] } }],
    ];
    for (const [command, args] of steps) {
      const change = execute(doc, command, args as never)!;
      const cardIds = changedCardIds(change.patches);
      hint = cardIds ? { from: doc, cardIds } : undefined;
      doc = change.doc;
      check();
    }
    // Undo and redo arrive as patches too, and a deleted card comes back at the end of the card order.
    const deletion = execute(doc, commands.deleteElements, { ids: ['tp-webinar'] })!;
    const undo = applyPatches(deletion.doc, deletion.inversePatches);
    for (const [from, to, patches] of [
      [doc, deletion.doc, deletion.patches],
      [deletion.doc, undo, deletion.inversePatches],
    ] as const) {
      const cardIds = changedCardIds(patches);
      hint = cardIds ? { from, cardIds } : undefined;
      doc = to;
      check();
    }
  });
});

describe('live (incremental) validation: property', () => {
  /** Edits that move the boundary between started and not-started stages: cards added, moved, re-led and removed. */
  const editOf = (stages: number, teams: number) =>
    fc.oneof(
      fc.record({ kind: fc.constant('add' as const), stage: fc.nat(stages - 1), team: fc.nat(teams) }),
      fc.record({ kind: fc.constant('move' as const), card: fc.nat(30), stage: fc.nat(stages - 1), team: fc.nat(teams) }),
      fc.record({ kind: fc.constant('lead' as const), card: fc.nat(30), team: fc.nat(teams) }),
      fc.record({ kind: fc.constant('promise' as const), card: fc.nat(30), promise: fc.constantFrom('fast setup', 'free migration') }),
      fc.record({ kind: fc.constant('delete' as const), card: fc.nat(30) }),
      fc.record({ kind: fc.constant('handoff' as const), stage: fc.nat(stages - 1) }),
      fc.record({ kind: fc.constant('undo' as const) }),
    );

  it('equals a full validation in both modes after any sequence of edits to a fresh template', async () => {
    const { createIncrementalValidator, changedCardIds } = await import('../../shared/validate/incremental');
    const commands = await import('../../shared/document/commands');
    const start = createMapFromTemplate('b2b-funnel', 'Property');
    fc.assert(
      fc.property(fc.array(editOf(start.stages.length, start.teams.length), { maxLength: 25 }), fc.boolean(), (edits, workshopFirst) => {
        const live = createIncrementalValidator();
        let doc = toMapDoc(start);
        let hint: { from: typeof doc; cardIds: Set<string> } | undefined;
        const done: { before: typeof doc; inverse: Parameters<typeof applyPatches>[1] }[] = [];
        const modes = workshopFirst ? (['workshop', 'complete'] as const) : (['complete', 'workshop'] as const);
        const check = () => {
          for (const mode of modes) expect(findingsForJson(live(doc, hint, mode))).toEqual(findingsForJson(validate(fromMapDoc(doc), { mode })));
        };
        check();
        let n = 0;
        for (const e of edits) {
          const cards = [...doc.touchpoints.keys()];
          const card = 'card' in e ? cards[e.card % Math.max(1, cards.length)] : undefined;
          const stageId = 'stage' in e ? doc.stageOrder[e.stage]! : undefined;
          const teamId = 'team' in e ? (doc.teamOrder[e.team] ?? null) : null;
          let change;
          if (e.kind === 'undo') {
            const last = done.pop();
            if (!last) continue;
            const undone = applyPatches(doc, last.inverse);
            const cardIds = changedCardIds(last.inverse);
            hint = cardIds ? { from: doc, cardIds } : undefined;
            doc = undone;
            check();
            continue;
          }
          if (e.kind === 'add') change = execute(doc, commands.addTouchpoint, { id: `tp-${n++}`, stageId: stageId!, laneTeamId: teamId, title: 'Card' });
          else if (e.kind === 'handoff') change = execute(doc, commands.addHandoff, { id: `ho-${n++}`, stageId: stageId!, fromTeamId: doc.teamOrder[0]!, toTeamId: doc.teamOrder[1]! });
          else if (!card) continue;
          else if (e.kind === 'move') change = execute(doc, commands.moveTouchpoint, { id: card, stageId: stageId!, laneTeamId: teamId, index: 0 });
          else if (e.kind === 'lead') change = execute(doc, commands.updateTouchpoint, { id: card, changes: { ownerTeamIds: teamId ? [teamId] : [] } });
          else if (e.kind === 'promise') change = execute(doc, commands.updateTouchpoint, { id: card, changes: { promises: [e.promise] } });
          else change = execute(doc, commands.deleteElements, { ids: [card] });
          if (!change) continue;
          const cardIds = changedCardIds(change.patches);
          hint = cardIds ? { from: doc, cardIds } : undefined;
          done.push({ before: doc, inverse: change.inversePatches });
          doc = change.doc;
          check();
        }
      }),
      { numRuns: 60 },
    );
  });
});
