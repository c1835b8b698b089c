import { describe, expect, it } from 'vitest';
import type { Node } from '@xyflow/react';
import { dropInvocations } from '../../renderer/canvas/dropTargets';
import { fromMapDoc } from '../../shared/document/mapDoc';
import { GRID, layoutGrid } from '../../shared/layout/grid';
import { fullMapDoc } from './docHelpers';

const doc = fullMapDoc();
const layout = layoutGrid(fromMapDoc(doc));
const column = (stageId: string) => layout.columns.find((c) => c.stageId === stageId)!;
const lane = (key: string) => layout.lanes.find((l) => l.key === key)!;

function dropped(id: string, type: string, x: number, y: number, width: number = GRID.cardWidth, height: number = GRID.cardHeight): Node {
  return { id, type, position: { x: x - width / 2, y: y - height / 2 }, width, height, data: {} };
}

describe('what a drop on the grid means', () => {
  it('a card dropped in another cell moves there, above the cards whose middle is below it', () => {
    const target = { x: column('aw').x + 150, y: lane('mkt').y + 5 + GRID.cardHeight / 2 };
    const [move] = dropInvocations(doc, layout, [dropped('tp-demo', 'touchpoint', target.x, target.y)]);
    expect(move!.command.name).toBe('moveTouchpoint');
    expect(move!.args).toEqual({ id: 'tp-demo', stageId: 'aw', laneTeamId: 'mkt', index: 0 });
  });

  it('a card dropped in the Unowned lane loses its lead; one dropped past the grid goes to the nearest cell', () => {
    const unowned = lane('__unowned__');
    const [toUnowned] = dropInvocations(doc, layout, [dropped('tp-demo', 'touchpoint', column('pu').x + 100, unowned.y + 40)]);
    expect(toUnowned!.args).toMatchObject({ stageId: 'pu', laneTeamId: null });
    const [farRight] = dropInvocations(doc, layout, [dropped('tp-demo', 'touchpoint', layout.width + 900, lane('cs').y + 40)]);
    expect(farRight!.args).toMatchObject({ stageId: 're', laneTeamId: 'cs' });
  });

  it('a stage header dropped over another column takes that slot; a lane label takes the slot under it', () => {
    const [stage] = dropInvocations(doc, layout, [dropped('stage:re', 'stageHeader', column('in').x + 10, 40, GRID.columnWidth, GRID.stageHeaderHeight)]);
    expect(stage!.args).toEqual({ id: 're', index: 1 });
    const [team] = dropInvocations(doc, layout, [dropped('lane:cs', 'laneLabel', 100, lane('mkt').y + 10, GRID.laneHeaderWidth, lane('cs').height)]);
    expect(team!.args).toEqual({ id: 'cs', index: 0 });
  });

  it('a handoff dropped in another stage and lane changes its stage and from-team, never to its own to-team', () => {
    const [handoff] = dropInvocations(doc, layout, [dropped('ho-mql', 'handoff', column('co').x + 100, lane('cs').y + 30)]);
    expect(handoff!.args).toEqual({ id: 'ho-mql', changes: { stageId: 'co', fromTeamId: 'cs' } });
    const [onToTeam] = dropInvocations(doc, layout, [dropped('ho-mql', 'handoff', column('co').x + 100, lane('sales').y + 30)]);
    expect(onToTeam!.args).toEqual({ id: 'ho-mql', changes: { stageId: 'co', fromTeamId: 'mkt' } });
  });
});
