import type { Severity } from '../validate/types';
import type { TeamRole } from '../model/team';

/**
 * The handoff agreement: what a revenue-operations workshop takes home, as plain content. Every fact
 * comes from the map and its findings; the Markdown and PDF renderers only decide how it looks.
 */
export interface Agreement {
  title: string;
  /** The map's name, for footers. */
  mapName: string;
  /** "22 November 2026": the day the agreement was drawn up. */
  date: string;
  description?: string;
  /** "Marketing, Sales and Customer Success": the teams that sign. */
  parties: string;
  handoffs: HandoffTerms[];
  responsibilities: ResponsibilityTable;
  promises: SharedPromise[];
  kpis: StageKpi[];
  findings: FindingGroup[];
  signOff: SignOffLine[];
}

/** One handoff, as the terms both teams agree to. Missing facts are spelled out, never left blank. */
export interface HandoffTerms {
  id: string;
  fromTeam: string;
  toTeam: string;
  stage: string;
  /** The lead definition (MQL/SQL), or NOT_AGREED. */
  criteria: string;
  criteriaAgreed: boolean;
  /** "24 hours", or NOT_AGREED. */
  responseTime: string;
  responseTimeAgreed: boolean;
  /** The touchpoints that hand the buyer over, by the buyer's path. */
  handedOverAfter: PathStep[];
  /** What the receiving team does first: the next touchpoints on the buyer's path. */
  firstSteps: PathStep[];
  /** Findings that name this handoff. */
  findings: AgreementFinding[];
}

export interface PathStep {
  title: string;
  /** "Sales", "Sales and Marketing (contested)" or "no team". */
  ledBy: string;
}

export type Responsibility = 'leads' | 'supports' | 'leads, supports' | '—';

export interface ResponsibilityTable {
  teams: string[];
  rows: ResponsibilityRow[];
}

export interface ResponsibilityRow {
  stage: string;
  /** One cell per team, in `teams` order. */
  cells: ResponsibilityCell[];
  /** In words: which touchpoints are contested or unowned; "one lead for every touchpoint" when healthy. */
  ownership: string;
  healthy: boolean;
}

export interface ResponsibilityCell {
  responsibility: Responsibility;
  /** The model expects this team here and nobody of its role is: an empty cell that is a gap. */
  gap: boolean;
  /** The team claims the lead of a touchpoint another team claims too. */
  contested: boolean;
}

/** "One voice": a promise, who makes it and who carries it. */
export interface SharedPromise {
  promise: string;
  /** Marketing-led touchpoints that make it. */
  madeBy: string[];
  /** Sales-led touchpoints that carry it. */
  carriedBy: string[];
  /** Touchpoints led by other teams (or none) that make it too. */
  alsoBy: string[];
  /** Undefined when both sides make it; otherwise which side is alone. */
  onlyOneSide?: 'marketing' | 'sales' | 'neither';
}

export interface StageKpi {
  stage: string;
  phase: string;
  kpi: string;
  goal: string;
}

export interface AgreementFinding {
  severity: Severity;
  message: string;
}

export interface FindingGroup {
  severity: Severity;
  label: string;
  findings: AgreementFinding[];
}

export interface SignOffLine {
  team: string;
  role: TeamRole;
  roleLabel: string;
}

/** Said wherever the map lacks a fact the agreement needs: an open point for the room, not an empty cell. */
export const NOT_AGREED = 'not agreed yet';
/** Said when a handoff leads nowhere on the map. */
export const NOT_ON_PATH = "not on the buyer's path yet";

/** The agreement's export formats: a PDF to sign and Markdown for a wiki. */
export const AGREEMENT_FORMATS = ['agreement-pdf', 'agreement-md'] as const;
export type AgreementFormat = (typeof AGREEMENT_FORMATS)[number];

export const isAgreementFormat = (format: string): format is AgreementFormat => (AGREEMENT_FORMATS as readonly string[]).includes(format);

/** How menus, progress bars and messages name an agreement format. */
export const AGREEMENT_FORMAT_NAME: Record<AgreementFormat, string> = { 'agreement-pdf': 'agreement (PDF)', 'agreement-md': 'agreement (Markdown)' };
