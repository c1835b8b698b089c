import type { Team } from '../model/team';
import type { Stage, StagePhase } from '../model/stage';
import type { Touchpoint } from '../model/touchpoint';
import { addTouchpoint, updateTouchpoint, addStage, addHandoff, updateHandoff } from '../document/commands';
import { newId } from '../ids';
import { LIMITS, truncateText } from '../model/fields';
import type { MapIndex } from './mapIndex';
import { step, type QuickFix } from './types';
import { names } from './wording';

// The wording helpers live in ./wording; the agreement still reaches them through here.
export { names, quote } from './wording';

/** Hands a touchpoint's lead to `lead`; every other current lead becomes a supporter. */
export function makeLeadFix(touchpoint: Touchpoint, lead: Team, index: MapIndex): QuickFix {
  const others = index.leads(touchpoint).filter((t) => t.id !== lead.id);
  return {
    kind: 'edit',
    label: others.length ? `Make ${lead.name} the lead and ${names(others)} ${others.length === 1 ? 'a supporter' : 'supporters'}` : `Make ${lead.name} the lead`,
    steps: () => {
      const supporters = [...new Set([...touchpoint.supportTeamIds.filter((id) => id !== lead.id), ...others.map((t) => t.id)])];
      return [step(updateTouchpoint, { id: touchpoint.id, changes: { ownerTeamIds: [lead.id], supportTeamIds: supporters } })];
    },
  };
}

export function addSupporterFix(touchpoint: Touchpoint, supporter: Team): QuickFix {
  return {
    kind: 'edit',
    label: `Add ${supporter.name} as a supporter`,
    steps: () => [step(updateTouchpoint, { id: touchpoint.id, changes: { supportTeamIds: [...touchpoint.supportTeamIds, supporter.id] } })],
  };
}

export function addTouchpointFix(stage: Stage, team: Team | undefined): QuickFix {
  return {
    kind: 'edit',
    label: `Add a ${team ? `${team.name} ` : ''}touchpoint to ${stage.name}`,
    // Team and stage names may each be 200 characters: the title is shortened to fit, with "…".
    steps: () => [
      step(addTouchpoint, {
        id: newId('tp-'),
        stageId: stage.id,
        laneTeamId: team?.id ?? null,
        title: truncateText(`${team ? `${team.name} ` : ''}touchpoint in ${stage.name}`, LIMITS.nameLength),
      }),
    ],
  };
}

export function addStageFix(label: string, name: string, phase: StagePhase, index: number): QuickFix {
  return { kind: 'edit', label, steps: () => [step(addStage, { id: newId('stage-'), index, name, phase })] };
}

export function addHandoffFix(stage: Stage, from: Team, to: Team): QuickFix {
  return {
    kind: 'edit',
    label: `Add a ${from.name} → ${to.name} handoff in ${stage.name}`,
    steps: () => [step(addHandoff, { id: newId('ho-'), stageId: stage.id, fromTeamId: from.id, toTeamId: to.id })],
  };
}

export function retargetHandoffFix(handoffId: string, to: Team): QuickFix {
  return { kind: 'edit', label: `Hand over to ${to.name}`, steps: () => [step(updateHandoff, { id: handoffId, changes: { toTeamId: to.id } })] };
}
