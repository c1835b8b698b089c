import { votesText } from './VoteBadge';

/**
 * What a touchpoint card is called for screen readers and tests, on the canvas and in Present alike:
 * "Demo, Intent, led by Sales, 3 votes".
 */
export function cardLabel(title: string, stageName: string, leadNames: readonly string[], votes: number | undefined): string {
  const lead = leadNames.length === 0 ? 'no lead team' : `led by ${leadNames.join(' and ')}`;
  return `${title}, ${stageName}, ${lead}${votes ? `, ${votesText(votes)}` : ''}`;
}
