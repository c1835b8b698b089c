import type { Command } from '../document/command';
import type { RuleId } from '../model/rules';
import type { JourneyMap } from '../model/journeyMap';
import type { Touchpoint } from '../model/touchpoint';
import type { MapIndex, ValidationMode } from './mapIndex';
import type { PromiseInfo, PromiseSpans } from './promiseSpans';

export type Severity = 'error' | 'warning' | 'info';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/** See MapIndex.mode: the index decides what "not started yet" means, so the mode is defined beside it. */
export type { ValidationMode } from './mapIndex';

export interface ValidateOptions {
  /** Default `complete`. */
  mode?: ValidationMode;
}

/** A quick fix: either edits (one undoable step of commands) or a pointer to the field the user must fill. */
export type QuickFix =
  | { kind: 'edit'; label: string; steps: () => FixStep[] }
  | { kind: 'focus'; label: string; targetId: string; field: string };

export interface Finding {
  ruleId: RuleId;
  severity: Severity;
  /** Plain language, naming the element: what is wrong and why it matters to the buyer. */
  message: string;
  /** The elements concerned (touchpoints, handoffs, stages, teams), most specific first. */
  targetIds: string[];
  fix?: QuickFix;
}

export interface FixStep {
  command: Command<never>;
  args: unknown;
}

export type Emit = (finding: Omit<Finding, 'ruleId' | 'severity'>) => void;

export interface Rule {
  id: RuleId;
  defaultSeverity: Severity;
  /** A short title for rule settings. */
  title: string;
  /** What the rule flags. */
  description: string;
  /** Why it matters, for the facilitator explaining it to the room. */
  rationale: string;
  /**
   * Rules about one touchpoint at a time implement this instead of `check`: their findings may read the
   * card, the teams, the stages, the connections and the rule settings — never another card — so the live
   * validator reuses them while those are unchanged.
   */
  checkTouchpoint?(touchpoint: Touchpoint, index: MapIndex, emit: Emit): void;
  /**
   * Rules about one promise-making card against where the map makes its promises: the live validator
   * reuses their findings while the card and the promise spans are unchanged.
   */
  checkPromiseCard?(touchpoint: Touchpoint, info: PromiseInfo, spans: PromiseSpans, index: MapIndex, emit: Emit): void;
  check?(index: MapIndex, emit: Emit, map: JourneyMap): void;
}

export function step<A>(command: Command<A>, args: A): FixStep {
  return { command: command as unknown as Command<never>, args };
}
