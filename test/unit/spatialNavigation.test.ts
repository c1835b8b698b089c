import { describe, expect, it } from 'vitest';
import { layoutGrid } from '../../shared/layout/grid';
import { fromMapDoc } from '../../shared/document/mapDoc';
import * as commands from '../../shared/document/commands';
import { cardsInReadingOrder, firstCard, nearestCard, selectionAnchor } from '../../renderer/commands/spatialNavigation';
import { fullMapDoc, run } from './docHelpers';

// The fixture as the grid draws it (stage columns left to right; lanes Marketing, Sales, Customer Success, Unowned):
//   Awareness:     Marketing: webinar, linkedin
//   Interest:      Marketing: report · Sales: cold
//   Consideration: Marketing: case · Unowned: compare
//   Intent:        Marketing: handoff mql · Sales: demo, trial
//   Purchase:      Sales: proposal, handoff close
//   Retention:     Customer Success: onboard
const layout = layoutGrid(fromMapDoc(fullMapDoc()));

describe('arrow keys move the selection as the grid shows the cards', () => {
  it('with nothing selected, any arrow starts at the first card: the top one of the first stage', () => {
    expect(firstCard(layout)).toBe('tp-webinar');
    for (const direction of ['left', 'right', 'up', 'down'] as const) expect(nearestCard(layout, undefined, direction)).toBe('tp-webinar');
    expect(nearestCard(layout, 'a-stage-id', 'down')).toBe('tp-webinar');
  });

  it('Right and Left go to the next and previous stage, staying in the lane', () => {
    expect(nearestCard(layout, 'tp-webinar', 'right')).toBe('tp-report');
    expect(nearestCard(layout, 'tp-linkedin', 'right')).toBe('tp-report');
    expect(nearestCard(layout, 'tp-report', 'right')).toBe('tp-case');
    expect(nearestCard(layout, 'tp-case', 'right')).toBe('ho-mql');
    expect(nearestCard(layout, 'tp-demo', 'right')).toBe('tp-proposal');
  });

  it('within the lane, the card nearest in height; without the lane, the nearest card of the stage', () => {
    // The trial is the second card of its cell: the handoff beside it is nearer than the proposal.
    expect(nearestCard(layout, 'tp-trial', 'right')).toBe('ho-close');
    // Consideration has no Sales card: the Marketing case study is nearer than the unowned comparison.
    expect(nearestCard(layout, 'tp-cold', 'right')).toBe('tp-case');
    // Awareness has no Sales card either: LinkedIn, the lower of the two Marketing cards, is nearer.
    expect(nearestCard(layout, 'tp-cold', 'left')).toBe('tp-linkedin');
    // Purchase has no Customer Success card: the handoff at the bottom of Sales is nearest.
    expect(nearestCard(layout, 'tp-onboard', 'left')).toBe('ho-close');
  });

  it('Down and Up go through the cell first, then to the next lane, in the same stage', () => {
    expect(nearestCard(layout, 'tp-webinar', 'down')).toBe('tp-linkedin');
    expect(nearestCard(layout, 'tp-linkedin', 'up')).toBe('tp-webinar');
    expect(nearestCard(layout, 'tp-report', 'down')).toBe('tp-cold');
    expect(nearestCard(layout, 'ho-mql', 'down')).toBe('tp-demo');
    expect(nearestCard(layout, 'tp-demo', 'down')).toBe('tp-trial');
    expect(nearestCard(layout, 'tp-demo', 'up')).toBe('ho-mql');
    expect(nearestCard(layout, 'tp-case', 'down')).toBe('tp-compare');
  });

  it('stops at the edges of the map', () => {
    expect(nearestCard(layout, 'tp-webinar', 'left')).toBeUndefined();
    expect(nearestCard(layout, 'tp-webinar', 'up')).toBeUndefined();
    expect(nearestCard(layout, 'tp-linkedin', 'down')).toBeUndefined();
    expect(nearestCard(layout, 'tp-onboard', 'right')).toBeUndefined();
  });

  it('skips stages without cards', () => {
    const doc = run(fullMapDoc(), commands.deleteElements, { ids: ['tp-case', 'tp-compare'] }).doc;
    const emptied = layoutGrid(fromMapDoc(doc));
    expect(nearestCard(emptied, 'tp-report', 'right')).toBe('ho-mql');
    expect(nearestCard(emptied, 'ho-mql', 'left')).toBe('tp-report');
  });

  it('starts from the most recently selected card, and lists cards stage by stage', () => {
    expect(selectionAnchor(layout, new Set(['tp-demo', 'aw', 'tp-cold', 'mkt']))).toBe('tp-cold');
    expect(selectionAnchor(layout, new Set(['aw']))).toBeUndefined();
    expect(cardsInReadingOrder(layout)).toEqual([
      'tp-webinar', 'tp-linkedin', 'tp-report', 'tp-cold', 'tp-case', 'tp-compare', 'ho-mql', 'tp-demo', 'tp-trial', 'tp-proposal', 'ho-close', 'tp-onboard',
    ]);
  });
});
