import { describe, expect, it } from 'vitest';
import { validate, RULES, findingsForJson } from '../../shared/validate/validate';
import type { Finding } from '../../shared/validate/types';
import type { JourneyMap } from '../../shared/model/journeyMap';
import type { Touchpoint } from '../../shared/model/touchpoint';
import type { StagePhase } from '../../shared/model/stage';
import type { RuleId } from '../../shared/model/rules';
import { parseDocument, parseMap } from '../../shared/format/document';
import { toMapDoc, fromMapDoc } from '../../shared/document/mapDoc';
import { execute, applyPatches, type Command } from '../../shared/document/command';
import { fullDocument } from './helpers';

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

  it('is deterministic, lists findings in rule order, and every rule has a description and a rationale', () => {
    const parsed = parseDocument(fullDocument());
    if (!parsed.ok) throw new Error('fixture invalid');
    const first = findingsForJson(validate(parsed.map));
    expect(findingsForJson(validate(parsed.map))).toEqual(first);
    const order = RULES.map((r) => r.id);
    const positions = first.map((f) => order.indexOf(f.ruleId));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    for (const rule of RULES) {
      expect(rule.description.length).toBeGreaterThan(20);
      expect(rule.rationale.length).toBeGreaterThan(40);
    }
  });
});

describe('coverage matrix', () => {
  it('counts, per team and stage, the touchpoints each team leads and supports; empty cells are gaps', async () => {
    const { computeCoverage } = await import('../../shared/validate/coverage');
    const rows = computeCoverage(healthyMap());
    expect(rows.map((row) => row.map((c) => `${c.lead.length}/${c.support.length}`))).toEqual([
      ['1/0', '1/0', '1/0', '0/1', '0/1', '0/1'],
      ['0/0', '0/1', '0/1', '1/0', '1/0', '0/0'],
      ['0/0', '0/0', '0/0', '0/0', '0/0', '1/0'],
    ]);
    expect(rows[1]![3]).toEqual({ stageId: 'intent', teamId: 'sales', lead: ['Demo'], support: [] });
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
    const check = () => {
      const expected = findingsForJson(validate(fromMapDoc(doc)));
      expect(findingsForJson(live(doc))).toEqual(expected);
      expect(findingsForJson(hinted(doc, hint))).toEqual(expected);
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
