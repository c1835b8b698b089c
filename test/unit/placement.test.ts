import { describe, expect, it } from 'vitest';
import { placeAt, firstTouchpointPoint } from '../../renderer/editor/placement';
import { createdElement } from '../../renderer/editor/createdElement';
import { defaultHandoffTeams } from '../../shared/validate/roleModel';
import { createMapFromTemplate } from '../../shared/templates';
import { fromMapDoc, toMapDoc, type MapDoc } from '../../shared/document/mapDoc';
import { layoutGrid } from '../../shared/layout/grid';
import { execute } from '../../shared/document/command';
import { addHandoff, addTouchpoint } from '../../shared/document/commands';
import type { Team } from '../../shared/model/team';

/** The B2B template with readable ids: stages by phase, teams by role. */
function template(): { doc: MapDoc; stage: (phase: string) => string; team: (role: string) => string } {
  const map = createMapFromTemplate('b2b-funnel', 'Placement');
  const doc = toMapDoc(map);
  return {
    doc,
    stage: (phase) => map.stages.find((s) => s.phase === phase)!.id,
    team: (role) => map.teams.find((t) => t.role === role)!.id,
  };
}

/** The canvas point in the middle of a stage's cell in a team's lane. */
function cell(doc: MapDoc, stageId: string, teamId: string) {
  const layout = layoutGrid(fromMapDoc(doc));
  const column = layout.columns.find((c) => c.stageId === stageId)!;
  const lane = layout.lanes.find((l) => l.teamId === teamId)!;
  return { x: column.x + column.width / 2, y: lane.y + lane.height / 2 };
}

function droppedHandoff(doc: MapDoc, stageId: string, teamId: string) {
  const point = cell(doc, stageId, teamId);
  const placement = placeAt(doc, 'handoff', point.x, point.y);
  if (typeof placement === 'string') throw new Error(placement);
  return { args: placement.invocation.args as { fromTeamId: string; toTeamId: string; stageId: string }, focusField: placement.focusField };
}

describe('a handoff dropped from the palette', () => {
  it('goes marketing → sales up to intent, whichever of the two lanes it lands in', () => {
    const { doc, stage, team } = template();
    for (const phase of ['awareness', 'consideration', 'intent']) {
      for (const lane of ['marketing', 'sales']) {
        expect(droppedHandoff(doc, stage(phase), team(lane)).args).toMatchObject({ stageId: stage(phase), fromTeamId: team('marketing'), toTeamId: team('sales') });
      }
    }
  });

  it('goes sales → the post-sale team at the purchase and after it, even from the Sales lane', () => {
    const { doc, stage, team } = template();
    for (const phase of ['purchase', 'retention', 'growth']) {
      expect(droppedHandoff(doc, stage(phase), team('sales')).args).toMatchObject({ fromTeamId: team('sales'), toTeamId: team('other') });
      expect(droppedHandoff(doc, stage(phase), team('other')).args).toMatchObject({ fromTeamId: team('sales'), toTeamId: team('other') });
    }
  });

  it('asks the Inspector to focus its Criteria: what makes the buyer ready is what a new handoff needs first', () => {
    const { doc, stage, team } = template();
    expect(droppedHandoff(doc, stage('intent'), team('sales')).focusField).toBe('Criteria');
  });

  it('without a team for the usual direction, or in a company-specific stage, hands over from the lane to the next lane', () => {
    const teams: Team[] = [
      { id: 'a', name: 'Brand', role: 'marketing' },
      { id: 'b', name: 'Partners', role: 'other' },
      { id: 'c', name: 'Support', role: 'other' },
    ];
    expect(defaultHandoffTeams(teams, 'intent', 'b')).toEqual({ fromTeamId: 'b', toTeamId: 'c' });
    expect(defaultHandoffTeams(teams, 'intent', 'c')).toEqual({ fromTeamId: 'c', toTeamId: 'b' });
    const withSales: Team[] = [...teams, { id: 's', name: 'Sales', role: 'sales' }];
    expect(defaultHandoffTeams(withSales, 'other', 'a')).toEqual({ fromTeamId: 'a', toTeamId: 'b' });
    expect(defaultHandoffTeams(withSales, 'interest', 'c')).toEqual({ fromTeamId: 'a', toTeamId: 's' });
    expect(defaultHandoffTeams(teams.slice(0, 1), 'intent', 'a')).toBeUndefined();
  });
});

describe('the first touchpoint of an empty stage', () => {
  it('lands in the stage’s marketing lane, or the first lane when the map has no marketing team', () => {
    const { doc, stage, team } = template();
    const point = firstTouchpointPoint(doc, stage('purchase'))!;
    const placement = placeAt(doc, 'touchpoint', point.x, point.y);
    expect(typeof placement !== 'string' && placement.invocation.args).toMatchObject({ stageId: stage('purchase'), laneTeamId: team('marketing') });
    const noMarketing = toMapDoc({ ...fromMapDoc(doc), teams: fromMapDoc(doc).teams.map((t) => ({ ...t, role: t.role === 'marketing' ? ('other' as const) : t.role })) });
    const fallback = firstTouchpointPoint(noMarketing, stage('purchase'))!;
    const first = placeAt(noMarketing, 'touchpoint', fallback.x, fallback.y);
    expect(typeof first !== 'string' && first.invocation.args).toMatchObject({ laneTeamId: doc.teamOrder[0] });
    expect(firstTouchpointPoint(doc, 'no-such-stage')).toBeUndefined();
  });
});

describe('what an edit created', () => {
  it('is the first id an add command was given that is new in the map; a handoff asks for its Criteria', () => {
    const { doc, stage } = template();
    const args = { id: 'tp-new', stageId: stage('awareness'), laneTeamId: null, title: 'New' };
    const after = execute(doc, addTouchpoint, args)!.doc;
    expect(createdElement([{ args }], doc, after)).toEqual({ id: 'tp-new' });
    // An edit of something that exists already created nothing.
    expect(createdElement([{ args: { id: stage('awareness') } }], doc, after)).toBeUndefined();
    expect(createdElement([{ args: { id: 'tp-new' } }], after, after)).toBeUndefined();
    const handoff = { id: 'ho-new', stageId: stage('intent'), fromTeamId: doc.teamOrder[0]!, toTeamId: doc.teamOrder[1]! };
    const withHandoff = execute(doc, addHandoff, handoff)!.doc;
    expect(createdElement([{ args: handoff }], doc, withHandoff)).toEqual({ id: 'ho-new', field: 'Criteria' });
  });
});
