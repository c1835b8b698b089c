import type { Team } from '../model/team';

/** Colours for teams without one: distinct, dark enough for white text, readable on a projector. */
const PALETTE = ['#7c3aed', '#0369a1', '#15803d', '#c2410c', '#be185d', '#4d7c0f', '#0e7490', '#a16207', '#4338ca', '#b91c1c'];

export function teamColor(team: Team, index: number): string {
  return team.color ?? PALETTE[index % PALETTE.length]!;
}

/** A colour for a new team: the first palette colour no team uses yet. */
export function nextTeamColor(used: Iterable<string | undefined>): string {
  const taken = new Set([...used].filter(Boolean).map((c) => c!.toLowerCase()));
  return PALETTE.find((c) => !taken.has(c)) ?? PALETTE[taken.size % PALETTE.length]!;
}

export const UNOWNED_COLOR = '#64748b';
