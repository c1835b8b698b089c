import type { Team } from '../model/team';

/** Colours for teams without one: distinct, dark enough for white text, readable on a projector. */
const PALETTE = ['#7c3aed', '#0369a1', '#15803d', '#c2410c', '#be185d', '#4d7c0f', '#0e7490', '#a16207', '#4338ca', '#b91c1c'];

export function teamColor(team: Team, index: number): string {
  return team.color ?? PALETTE[index % PALETTE.length]!;
}

export const UNOWNED_COLOR = '#64748b';
