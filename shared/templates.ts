import type { JourneyMap } from './model/journeyMap';
import type { StagePhase } from './model/stage';
import type { TeamRole } from './model/team';
import { newId } from './ids';

export const TEMPLATE_IDS = ['b2b-funnel', 'blank'] as const;
export type TemplateId = (typeof TEMPLATE_IDS)[number];

export interface TemplateInfo {
  id: TemplateId;
  name: string;
  summary: string;
}

export const TEMPLATES: readonly TemplateInfo[] = [
  {
    id: 'b2b-funnel',
    name: 'B2B funnel',
    summary: 'Seven stages from Awareness to Growth, with Marketing, Sales and Customer Success lanes.',
  },
  { id: 'blank', name: 'Blank', summary: 'An empty map: add your own stages and teams.' },
];

const B2B_STAGES: { name: string; phase: StagePhase; goal: string }[] = [
  { name: 'Awareness', phase: 'awareness', goal: 'The buyer learns the problem has a name, and that we exist.' },
  { name: 'Interest', phase: 'interest', goal: 'The buyer engages with our point of view.' },
  { name: 'Consideration', phase: 'consideration', goal: 'The buyer compares options and builds a shortlist.' },
  { name: 'Intent', phase: 'intent', goal: 'The buyer signals readiness: the usual handover to sales.' },
  { name: 'Purchase', phase: 'purchase', goal: 'Terms are agreed and the deal is closed.' },
  { name: 'Retention', phase: 'retention', goal: 'The customer is onboarded and gets value.' },
  { name: 'Growth', phase: 'growth', goal: 'The customer expands, renews and refers.' },
];

const B2B_TEAMS: { name: string; role: TeamRole; color: string }[] = [
  { name: 'Marketing', role: 'marketing', color: '#7c3aed' },
  { name: 'Sales', role: 'sales', color: '#0369a1' },
  { name: 'Customer Success', role: 'other', color: '#15803d' },
];

/** A new map from a template, with fresh ids throughout. */
export function createMapFromTemplate(templateId: TemplateId, name: string): JourneyMap {
  const map: JourneyMap = {
    id: newId('map-'),
    name,
    teams: [],
    stages: [],
    touchpoints: [],
    handoffs: [],
    connections: [],
    notes: [],
    rules: {},
  };
  if (templateId === 'b2b-funnel') {
    map.description = 'The buying process as one flow across marketing, sales and customer success.';
    map.stages = B2B_STAGES.map((stage) => ({ id: newId('stage-'), ...stage }));
    map.teams = B2B_TEAMS.map((team) => ({ id: newId('team-'), ...team }));
  }
  return map;
}
