import type { Touchpoint } from '../model/touchpoint';
import type { MapIndex } from '../validate/mapIndex';
import { computeCoverage } from '../validate/coverage';
import { names, quote } from '../validate/fixes';
import type { Responsibility, ResponsibilityCell, ResponsibilityRow, ResponsibilityTable } from './agreement';

/** A stage with hundreds of problem cards still gets a readable cell: the first few, then a count. */
const NAMED_PER_PROBLEM = 3;

function listed(cards: Touchpoint[]): string {
  const shown = cards.slice(0, NAMED_PER_PROBLEM).map((card) => quote(card.title));
  const more = cards.length - shown.length;
  return more > 0 ? `${shown.join(', ')} and ${more} more` : shown.length > 1 ? `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}` : shown[0]!;
}

/**
 * Like a RACI's single "A": every touchpoint should have exactly one lead team. Says in words which cards
 * two teams fight over and which nobody leads, so the room can settle them before signing.
 */
function ownershipWords(cards: Touchpoint[], index: MapIndex): { ownership: string; healthy: boolean } {
  if (cards.length === 0) return { ownership: 'no touchpoint yet: the buyer is on their own here', healthy: false };
  const contested = cards.filter((card) => index.leads(card).length > 1);
  const unowned = cards.filter((card) => index.leads(card).length === 0);
  const problems: string[] = [];
  if (contested.length === 1) {
    problems.push(`contested: ${names(index.leads(contested[0]!))} both claim the lead of ${quote(contested[0]!.title)}`);
  } else if (contested.length > 1) problems.push(`contested: more than one team claims the lead of ${listed(contested)}`);
  if (unowned.length > 0) problems.push(`unowned: no team leads ${listed(unowned)}`);
  return problems.length === 0 ? { ownership: 'one lead for every touchpoint', healthy: true } : { ownership: problems.join('; '), healthy: false };
}

/** The workshop's "who leads, who supports" exercise as a table: stages down, teams across. */
export function responsibilityTable(index: MapIndex): ResponsibilityTable {
  const { map } = index;
  const coverage = computeCoverage(map);
  const cardsByStage = new Map<string, Touchpoint[]>(map.stages.map((stage) => [stage.id, []]));
  for (const card of map.touchpoints) cardsByStage.get(card.stageId)?.push(card);
  const rows = map.stages.map((stage, column): ResponsibilityRow => {
    const cards = cardsByStage.get(stage.id)!;
    const cells = map.teams.map((team, row): ResponsibilityCell => {
      const cell = coverage[row]![column]!;
      const responsibility: Responsibility = cell.lead.length > 0 ? (cell.support.length > 0 ? 'leads, supports' : 'leads') : cell.support.length > 0 ? 'supports' : '—';
      const contested = cell.lead.some((id) => index.leads(index.touchpoints.get(id)!).length > 1);
      return { responsibility, gap: cell.gap, contested };
    });
    return { stage: stage.name, cells, ...ownershipWords(cards, index) };
  });
  return { teams: map.teams.map((team) => team.name), rows };
}
