import { describe, expect, it } from 'vitest';
import { fromMapDoc } from '../../shared/document/mapDoc';
import { CommandError, execute } from '../../shared/document/command';
import * as commands from '../../shared/document/commands';
import { parseMap } from '../../shared/format/document';
import { layoutGrid } from '../../shared/layout/grid';
import { fullMapDoc, run, undoRedoRoundTrip } from './docHelpers';

/** Every command must leave a map that passes the format's own gate. */
function expectValid(doc: ReturnType<typeof fullMapDoc>) {
  const result = parseMap(fromMapDoc(doc));
  expect(result.ok ? [] : result.problems).toEqual([]);
}

/**
 * The document with each collection sorted by id. An undone deletion re-inserts records at the end of
 * their collection, so only stage and team order (compared as given) and the drawn grid depend on order.
 */
function byId(doc: ReturnType<typeof fullMapDoc>) {
  const map = fromMapDoc(doc);
  const sort = <T extends { id: string }>(list: T[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));
  return { ...map, touchpoints: sort(map.touchpoints), handoffs: sort(map.handoffs), connections: sort(map.connections), notes: sort(map.notes) };
}

describe('commands and their inverses', () => {
  const cases: [string, (doc: ReturnType<typeof fullMapDoc>) => ReturnType<typeof run>][] = [
    ['addTouchpoint', (d) => run(d, commands.addTouchpoint, { id: 'tp-new', stageId: 'it', laneTeamId: 'sales' })],
    ['moveTouchpoint', (d) => run(d, commands.moveTouchpoint, { id: 'tp-demo', stageId: 'in', laneTeamId: 'mkt', index: 0 })],
    ['updateTouchpoint', (d) => run(d, commands.updateTouchpoint, { id: 'tp-demo', changes: { title: 'Live demo', channel: '', promises: ['fast'] } })],
    ['addStage', (d) => run(d, commands.addStage, { id: 'st-new', index: 2, name: 'Evaluation', phase: 'consideration' })],
    ['moveStage', (d) => run(d, commands.moveStage, { id: 're', index: 0 })],
    ['updateStage', (d) => run(d, commands.updateStage, { id: 'aw', changes: { name: 'Discover', goal: '' } })],
    ['addTeam', (d) => run(d, commands.addTeam, { id: 'tm-new', name: 'Partners', role: 'other', color: '#123456' })],
    ['moveTeam', (d) => run(d, commands.moveTeam, { id: 'cs', index: 0 })],
    ['updateTeam', (d) => run(d, commands.updateTeam, { id: 'cs', changes: { name: 'Success', role: 'sales', color: '#ABCDEF' } })],
    ['addHandoff', (d) => run(d, commands.addHandoff, { id: 'ho-new', stageId: 'co', fromTeamId: 'mkt', toTeamId: 'sales' })],
    ['updateHandoff', (d) => run(d, commands.updateHandoff, { id: 'ho-mql', changes: { criteria: 'SQL', slaHours: null } })],
    ['addNote', (d) => run(d, commands.addNote, { id: 'n-new', x: 10.4, y: 20.6, text: 'Ask legal' })],
    ['moveNote', (d) => run(d, commands.moveNote, { id: 'n1', x: 0, y: 0 })],
    ['updateNote', (d) => run(d, commands.updateNote, { id: 'n1', text: 'Decided: marketing' })],
    ['connect', (d) => run(d, commands.connect, { id: 'c-new', source: 'tp-cold', target: 'tp-demo', label: 'replies' })],
    ['updateConnection', (d) => run(d, commands.updateConnection, { id: 'c3', label: undefined })],
    ['deleteElements', (d) => run(d, commands.deleteElements, { ids: ['it', 'cs', 'n1'] })],
    ['updateMapInfo', (d) => run(d, commands.updateMapInfo, { name: 'Renamed', description: '' })],
  ];

  for (const [name, act] of cases) {
    it(`${name}: its ops replay it; undo and redo restore each document`, () => {
      const before = fullMapDoc();
      const change = act(before);
      expect(change.name).toBe(name);
      expectValid(change.doc);
      const { replayed, undone, redone } = undoRedoRoundTrip(change, before);
      expect(byId(replayed)).toEqual(byId(change.doc));
      expect(byId(undone)).toEqual(byId(before));
      expect(layoutGrid(fromMapDoc(undone))).toEqual(layoutGrid(fromMapDoc(before)));
      expect(byId(redone)).toEqual(byId(change.doc));
    });
  }

  it('an edit that changes nothing makes no history step', () => {
    const doc = fullMapDoc();
    expect(execute(doc, commands.updateTouchpoint, { id: 'tp-demo', changes: { title: 'Tailored demo', ownerTeamIds: ['sales'] } })).toBeUndefined();
    expect(execute(doc, commands.moveStage, { id: 'aw', index: 0 })).toBeUndefined();
  });
});

describe('what the commands mean', () => {
  it('dropping a card in another lane hands it over: the lane’s team leads it, and the previous lead supports it', () => {
    const doc = fullMapDoc();
    // The webinar: Marketing leads, Sales supports. Handed to Sales, the two swap places.
    const { doc: after } = run(doc, commands.moveTouchpoint, { id: 'tp-webinar', stageId: 'in', laneTeamId: 'sales', index: 0 });
    const card = after.touchpoints.get('tp-webinar')!;
    expect(card.stageId).toBe('in');
    expect(card.ownerTeamIds).toEqual(['sales']);
    expect(card.supportTeamIds).toEqual(['mkt']);
    expect(layoutGrid(fromMapDoc(after)).touchpoints.get('tp-webinar')!.laneKey).toBe('sales');

    // Supporters the card already had stay; the old lead joins them.
    const onboarding = run(doc, commands.moveTouchpoint, { id: 'tp-onboard', stageId: 're', laneTeamId: 'sales', index: 0 }).doc.touchpoints.get('tp-onboard')!;
    expect(onboarding.ownerTeamIds).toEqual(['sales']);
    expect(onboarding.supportTeamIds).toEqual(['mkt', 'cs']);
  });

  it('moving a card within its lane (another stage) changes neither leads nor supporters', () => {
    const { doc } = run(fullMapDoc(), commands.moveTouchpoint, { id: 'tp-demo', stageId: 'pu', laneTeamId: 'sales', index: 0 });
    expect(doc.touchpoints.get('tp-demo')).toMatchObject({ stageId: 'pu', ownerTeamIds: ['sales'], supportTeamIds: ['mkt'] });
  });

  it('moving a contested card keeps the other claimant, so the conflict stays visible; the team whose lane it left supports it', () => {
    const { doc } = run(fullMapDoc(), commands.moveTouchpoint, { id: 'tp-trial', stageId: 'it', laneTeamId: 'cs', index: 0 });
    expect(doc.touchpoints.get('tp-trial')!.ownerTeamIds).toEqual(['cs', 'mkt']);
    expect(doc.touchpoints.get('tp-trial')!.supportTeamIds).toEqual(['sales']);
  });

  it('moving a card to Unowned clears its leads; reordering within a cell sets the stack order', () => {
    const unowned = run(fullMapDoc(), commands.moveTouchpoint, { id: 'tp-demo', stageId: 'it', laneTeamId: null, index: 0 }).doc;
    expect(unowned.touchpoints.get('tp-demo')!.ownerTeamIds).toEqual([]);
    expect(unowned.touchpoints.get('tp-demo')!.supportTeamIds).toEqual(['mkt']);
    // Out of Unowned into a lane: that team leads; there was no lead to keep as a supporter.
    const adopted = run(unowned, commands.moveTouchpoint, { id: 'tp-demo', stageId: 'it', laneTeamId: 'sales', index: 0 }).doc;
    expect(adopted.touchpoints.get('tp-demo')).toMatchObject({ ownerTeamIds: ['sales'], supportTeamIds: ['mkt'] });

    const reordered = run(fullMapDoc(), commands.moveTouchpoint, { id: 'tp-linkedin', stageId: 'aw', laneTeamId: 'mkt', index: 0 }).doc;
    const ys = ['tp-linkedin', 'tp-webinar'].map((id) => layoutGrid(fromMapDoc(reordered)).touchpoints.get(id)!.y);
    expect(ys[0]).toBeLessThan(ys[1]!);
  });

  it('a new card lands at the bottom of its cell, led by the lane’s team', () => {
    const { doc } = run(fullMapDoc(), commands.addTouchpoint, { id: 'tp-new', stageId: 'aw', laneTeamId: 'mkt', title: 'Podcast' });
    const layout = layoutGrid(fromMapDoc(doc));
    expect(doc.touchpoints.get('tp-new')!.ownerTeamIds).toEqual(['mkt']);
    expect(layout.touchpoints.get('tp-new')!.y).toBeGreaterThan(layout.touchpoints.get('tp-linkedin')!.y);
  });

  it('deleting a stage takes its cards, handoffs and their connections; deleting a team takes the cards only it leads', () => {
    const doc = fullMapDoc();
    const plan = commands.planDeletion(doc, ['it']);
    expect(plan.touchpoints.sort()).toEqual(['tp-demo', 'tp-trial']);
    expect(plan.handoffs).toEqual(['ho-mql']);
    expect(plan.connections.sort()).toEqual(['c3', 'c4', 'c5']);
    expect(commands.describeDependents(plan, ['it'])).toBe('2 touchpoints and 1 handoff');

    const teamPlan = commands.planDeletion(doc, ['mkt']);
    expect(teamPlan.touchpoints).not.toContain('tp-trial'); // Sales still claims it
    expect(teamPlan.touchpointsLosingTeams).toEqual(expect.arrayContaining(['tp-trial', 'tp-demo', 'tp-onboard']));
    const { doc: after } = run(doc, commands.deleteElements, { ids: ['mkt'] });
    expect(after.touchpoints.get('tp-trial')!.ownerTeamIds).toEqual(['sales']);
    expect(after.touchpoints.get('tp-demo')!.supportTeamIds).toEqual([]);
    expect(after.teamOrder).toEqual(['sales', 'cs']);
    expectValid(after);
  });

  it('refuses impossible edits with a message, changing nothing', () => {
    const doc = fullMapDoc();
    expect(() => execute(doc, commands.updateTouchpoint, { id: 'tp-demo', changes: { title: '  ' } })).toThrow(new CommandError('A touchpoint title cannot be empty.'));
    expect(() => execute(doc, commands.updateHandoff, { id: 'ho-mql', changes: { slaHours: -2 } })).toThrow('SLA hours must be zero or more.');
    expect(() => execute(doc, commands.connect, { id: 'x', source: 'tp-demo', target: 'tp-demo' })).toThrow('cannot be connected to itself');
    expect(() => execute(doc, commands.connect, { id: 'x', source: 'tp-webinar', target: 'tp-report' })).toThrow('already connected');
    expect(() => execute(doc, commands.connect, { id: 'x', source: 'n1', target: 'tp-report' })).toThrow('between touchpoints and handoffs');
    expect(() => execute(doc, commands.moveTouchpoint, { id: 'ghost', stageId: 'aw', laneTeamId: null, index: 0 })).toThrow('no touchpoint with id "ghost"');
    expect(fromMapDoc(doc)).toEqual(fromMapDoc(fullMapDoc()));
  });

  it('copy and paste into another map finds stages and teams by name, with fresh ids and inner connections', () => {
    const source = fullMapDoc();
    const clip = commands.copyToClip(source, ['tp-case', 'ho-mql', 'tp-demo', 'n1'])!;
    expect(clip.connections.map((c) => c.id).sort()).toEqual(['c3', 'c4']);

    let target = run(fullMapDoc(), commands.deleteElements, { ids: ['co', 'it', 'pu', 're', 'aw', 'in'] }).doc;
    target = run(target, commands.addStage, { id: 'other-intent', index: 0, name: 'intent', phase: 'intent' }).doc;
    const { clip: fresh, ids } = commands.assignFreshIds(clip);
    const { doc: pasted } = run(target, commands.pasteClip, { clip: fresh, target: { stageId: 'other-intent', noteOffset: 24 } });
    expect(ids).toHaveLength(4);
    for (const id of ids) expect(source.touchpoints.has(id) || source.handoffs.has(id) || source.notes.has(id)).toBe(false);
    const demo = [...pasted.touchpoints.values()].find((t) => t.title === 'Tailored demo')!;
    expect(demo.stageId).toBe('other-intent'); // matched "Intent" by name, case-insensitively
    expect(demo.ownerTeamIds).toEqual(['sales']);
    expect([...pasted.connections.values()]).toHaveLength(2);
    expect([...pasted.notes.values()].find((n) => n.id !== 'n1')).toMatchObject({ x: 924, y: -166 });
    expectValid(pasted);
  });
});
