import type { JourneyMap } from '../shared/model/journeyMap';
import type { StagePhase } from '../shared/model/stage';

/**
 * A realistic large map: 7 stages, 4 teams, touchpoints spread over the cells (mostly one lead, some
 * contested or unowned, supporters and shared promises), a handoff per stage between neighbouring
 * lanes, and a path of connections through most cards. Deterministic for a given size.
 */
export function generateMap(touchpointCount: number, id = `bench-${touchpointCount}`): JourneyMap {
  let seed = touchpointCount;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const phases: StagePhase[] = ['awareness', 'interest', 'consideration', 'intent', 'purchase', 'retention', 'growth'];
  const teams = [
    { id: 'mkt', name: 'Marketing', role: 'marketing' as const },
    { id: 'sales', name: 'Sales', role: 'sales' as const },
    { id: 'cs', name: 'Customer Success', role: 'other' as const },
    { id: 'partners', name: 'Partners', role: 'other' as const },
  ];
  const stages = phases.map((phase, i) => ({ id: `s${i}`, name: phase[0]!.toUpperCase() + phase.slice(1), phase, goal: `Goal of ${phase}` }));
  const promises = ['live in one day', 'no data engineers needed', 'cancel any time', 'SOC 2 certified', 'free migration'];
  const touchpoints = Array.from({ length: touchpointCount }, (_, i) => {
    const stage = Math.floor((i / touchpointCount) * stages.length);
    const lead = teams[Math.floor(random() * teams.length)]!.id;
    const roll = random();
    const owners = roll < 0.05 ? [] : roll < 0.1 ? [lead, lead === 'mkt' ? 'sales' : 'mkt'] : [lead];
    const support = teams.map((t) => t.id).filter((t) => !owners.includes(t) && random() < 0.25);
    return {
      id: `tp${i}`,
      stageId: stages[stage]!.id,
      title: `Touchpoint ${i} — ${['webinar', 'demo', 'e-mail', 'case study', 'call'][i % 5]}`,
      channel: ['Web', 'E-mail', 'Event', 'Phone'][i % 4],
      ownerTeamIds: owners,
      supportTeamIds: support,
      promises: random() < 0.3 ? [promises[i % promises.length]!] : [],
      description: i % 10 === 0 ? 'A longer description of what happens here and why it matters to the buyer.' : undefined,
      kpi: i % 7 === 0 ? 'Conversion rate' : undefined,
    };
  });
  const handoffs = stages.slice(1, 6).map((stage, i) => ({
    id: `h${i}`,
    stageId: stage.id,
    fromTeamId: teams[i % 3]!.id,
    toTeamId: teams[(i % 3) + 1]!.id,
    criteria: i % 2 === 0 ? 'Lead score at least 60' : undefined,
    slaHours: i % 2 === 0 ? 24 : undefined,
  }));
  const connections = [];
  for (let i = 0; i + 1 < touchpointCount; i += 1) {
    if (random() < 0.8) connections.push({ id: `c${i}`, source: `tp${i}`, target: `tp${i + 1}` });
  }
  return {
    id,
    name: `Generated journey (${touchpointCount} touchpoints)`,
    description: 'Generated for benchmarks.',
    teams,
    stages,
    touchpoints: touchpoints.map((t) => Object.fromEntries(Object.entries(t).filter(([, v]) => v !== undefined)) as typeof t),
    handoffs: handoffs.map((h) => Object.fromEntries(Object.entries(h).filter(([, v]) => v !== undefined)) as typeof h),
    connections,
    notes: [{ id: 'n1', text: 'Parking lot', x: 0, y: -200 }],
    rules: {},
  } as JourneyMap;
}
