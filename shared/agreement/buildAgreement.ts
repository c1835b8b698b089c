import type { JourneyMap } from '../model/journeyMap';
import { PHASE_LABELS } from '../model/stage';
import type { TeamRole } from '../model/team';
import { buildIndex } from '../validate/mapIndex';
import { names } from '../validate/fixes';
import { SEVERITIES, type Finding } from '../validate/types';
import { NOT_AGREED, type Agreement, type FindingGroup, type SignOffLine, type StageKpi } from './agreement';
import { handoffTerms } from './handoffTerms';
import { responsibilityTable } from './responsibilities';
import { sharedPromises } from './sharedPromises';

const ROLE_LABEL: Record<TeamRole, string> = { marketing: 'marketing team', sales: 'sales team', other: 'post-sale or other team' };

/** Plural headings for the findings section: "Errors (2)". */
const SEVERITY_HEADING = { error: 'Errors', warning: 'Warnings', info: 'For information' } as const;

export function agreementDate(date: Date): string {
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
}

function stageKpis(map: JourneyMap): StageKpi[] {
  return map.stages.map((stage) => ({ stage: stage.name, phase: PHASE_LABELS[stage.phase], kpi: stage.kpi ?? NOT_AGREED, goal: stage.goal ?? NOT_AGREED }));
}

/** The open findings by severity, most serious first; empty groups are left out. */
function groupFindings(findings: readonly Finding[]): FindingGroup[] {
  return SEVERITIES.map((severity) => ({
    severity,
    label: SEVERITY_HEADING[severity],
    findings: findings.filter((f) => f.severity === severity).map(({ message }) => ({ severity, message })),
  })).filter((group) => group.findings.length > 0);
}

const signOff = (map: JourneyMap): SignOffLine[] => map.teams.map((team) => ({ team: team.name, role: team.role, roleLabel: ROLE_LABEL[team.role] }));

/**
 * The agreement a map holds: its handoffs as terms, who leads and supports each stage, the shared
 * promises, the KPIs, what is still open, and a line for each team to sign. `findings` should be the
 * complete-mode findings: an agreement lists every open point.
 */
export function buildAgreement(map: JourneyMap, findings: readonly Finding[], options: { date: Date }): Agreement {
  const index = buildIndex(map, {}, 'complete');
  return {
    title: `${map.name} — handoff agreement`,
    mapName: map.name,
    date: agreementDate(options.date),
    description: map.description,
    parties: names(map.teams) || 'the teams',
    handoffs: map.handoffs.map((handoff) => handoffTerms(handoff, index, findings)),
    responsibilities: responsibilityTable(index),
    promises: sharedPromises(index),
    kpis: stageKpis(map),
    findings: groupFindings(findings),
    signOff: signOff(map),
  };
}
