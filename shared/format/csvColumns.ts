import { z } from 'zod';
import { PHASE_LABELS, STAGE_PHASES, type StagePhase } from '../model/stage';
import { TEAM_ROLES, type TeamRole } from '../model/team';

/**
 * The CSV form of a map: one row per touchpoint. Pure and free of the CSV parser, so the renderer can word
 * an import's guesses without bundling it.
 */
export const CSV_COLUMNS = [
  'stage',
  'stage phase',
  'lead teams',
  'lead team roles',
  'supporting teams',
  'supporting team roles',
  'title',
  'channel',
  'promises',
  'description',
  'KPI',
  'order',
] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];

/** Without these a row cannot become a card; every other column may be left out. */
export const REQUIRED_CSV_COLUMNS: readonly CsvColumn[] = ['stage', 'title'];

/** Separates the teams, roles and promises of one cell. */
export const LIST_SEPARATOR = '; ';

/** A value the import filled in because the file did not say: stated to the user, one by one. */
export const csvGuessSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('stage-phase'), name: z.string(), phase: z.enum(STAGE_PHASES) }),
  z.object({ kind: z.literal('team-role'), name: z.string(), role: z.enum(TEAM_ROLES) }),
]);
export type CsvGuess = z.output<typeof csvGuessSchema>;

/** “Stage “Discovery” taken as Interest”, “Team “RevOps” taken as other”. */
export function describeGuess(guess: CsvGuess): string {
  return guess.kind === 'stage-phase'
    ? `Stage “${guess.name}” taken as ${PHASE_LABELS[guess.phase]}`
    : `Team “${guess.name}” taken as ${guess.role}`;
}

/** Joins list items into one cell; a `;` or `\` inside an item is escaped with `\` so the list splits back the same. */
export function joinListCell(items: readonly string[]): string {
  return items.map((item) => item.replace(/[\\;]/g, (c) => `\\${c}`)).join(LIST_SEPARATOR);
}

/** The inverse of joinListCell: splits on unescaped `;`, trims, and drops blank items. */
export function splitListCell(cell: string): string[] {
  const items: string[] = [];
  let current = '';
  for (let i = 0; i < cell.length; i++) {
    const c = cell[i]!;
    if (c === '\\' && (cell[i + 1] === ';' || cell[i + 1] === '\\')) current += cell[++i];
    else if (c === ';') {
      items.push(current);
      current = '';
    } else current += c;
  }
  items.push(current);
  return items.map((item) => item.trim()).filter(Boolean);
}

/**
 * Words that name each phase in the stage names companies use, most specific first within a phase. The
 * earliest match in the name wins, so “Discovery & evaluation” is Interest.
 */
const PHASE_WORDS: [StagePhase, string[]][] = [
  ['awareness', ['awareness', 'aware', 'attract', 'attention', 'reach', 'prospecting']],
  ['interest', ['interest', 'discovery', 'discover', 'engagement', 'engage', 'research', 'education', 'educate', 'nurture', 'nurturing', 'lead']],
  ['consideration', ['consideration', 'consider', 'evaluation', 'evaluate', 'comparison', 'compare', 'solution']],
  ['intent', ['intent', 'intention', 'decision', 'decide', 'selection', 'shortlist', 'proposal', 'trial', 'demo', 'qualification']],
  ['purchase', ['purchase', 'buy', 'buying', 'conversion', 'convert', 'close', 'closing', 'closed', 'deal', 'contract', 'negotiation', 'negotiate', 'won', 'sale']],
  ['retention', ['retention', 'retain', 'onboarding', 'onboard', 'adoption', 'adopt', 'implementation', 'activation', 'success', 'service', 'support', 'loyalty', 'renewal', 'renew']],
  ['growth', ['growth', 'grow', 'expansion', 'expand', 'upsell', 'up-sell', 'cross-sell', 'advocacy', 'advocate', 'referral', 'refer']],
];

const ROLE_WORDS: [TeamRole, string[]][] = [
  ['marketing', ['marketing', 'marketer', 'mkt', 'mktg', 'pmm', 'demand', 'brand', 'content', 'campaign', 'campaigns', 'communications', 'comms', 'events', 'seo']],
  ['sales', ['sales', 'seller', 'sdr', 'bdr', 'ae', 'account executive', 'account executives', 'business development', 'presales', 'pre-sales', 'inside sales']],
];

/** Each listed word as a whole-word, case-insensitive pattern (the words hold only letters, spaces and hyphens). */
function compile<T>(table: [T, string[]][]): [T, RegExp][] {
  return table.flatMap(([value, words]) => words.map((word) => [value, new RegExp(`(?<![\\p{L}\\p{N}-])${word}(?![\\p{L}\\p{N}-])`, 'iu')] as [T, RegExp]));
}
const PHASE_PATTERNS = compile(PHASE_WORDS);
const ROLE_PATTERNS = compile(ROLE_WORDS);

/** The value of the earliest match in `name`. */
function earliestMatch<T>(name: string, patterns: [T, RegExp][]): T | undefined {
  let best: { value: T; at: number } | undefined;
  for (const [value, pattern] of patterns) {
    const at = pattern.exec(name)?.index;
    if (at !== undefined && (!best || at < best.at)) best = { value, at };
  }
  return best?.value;
}

/** A stage's phase from its name; `other` when no word gives it away. */
export function guessPhase(stageName: string): StagePhase {
  return earliestMatch(stageName, PHASE_PATTERNS) ?? 'other';
}

/** A team's role from its name; `other` when the name says neither marketing nor sales. */
export function guessRole(teamName: string): TeamRole {
  return earliestMatch(teamName, ROLE_PATTERNS) ?? 'other';
}

/** True when the name is the phase or role itself (“Purchase”, “Sales”): reading it so is no guess. */
export function nameIsValue(name: string, value: string): boolean {
  return name.trim().toLowerCase() === value.toLowerCase();
}

/** Reads a phase as written in the phase column: the id or its label, any case. */
export function readPhase(cell: string): StagePhase | undefined {
  const value = cell.trim().toLowerCase();
  return STAGE_PHASES.find((phase) => phase === value);
}

export function readRole(cell: string): TeamRole | undefined {
  const value = cell.trim().toLowerCase();
  return TEAM_ROLES.find((role) => role === value);
}
