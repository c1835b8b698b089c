import { defineCommand, CommandError } from '../command';
import { nameOfLane, nameOfStage, need, setOptionalText } from './support';
import { LIMITS } from '../../model/fields';
import type { Handoff } from '../../model/handoff';

export const addHandoff = defineCommand<{ id: string; stageId: string; fromTeamId: string; toTeamId: string }>({
  name: 'addHandoff',
  label: (doc, a) => `Add handoff ${nameOfLane(doc, a.fromTeamId)} → ${nameOfLane(doc, a.toTeamId)} in ${nameOfStage(doc, a.stageId)}`,
  run(draft, { id, stageId, fromTeamId, toTeamId }) {
    need(draft.stages, stageId, 'stage');
    need(draft.teams, fromTeamId, 'team');
    need(draft.teams, toTeamId, 'team');
    if (draft.handoffs.has(id)) throw new CommandError(`The id "${id}" is already used.`);
    draft.handoffs.set(id, { id, stageId, fromTeamId, toTeamId });
  },
});

export type HandoffChanges = Partial<Pick<Handoff, 'stageId' | 'fromTeamId' | 'toTeamId' | 'criteria'>> & { slaHours?: number | null };

export const updateHandoff = defineCommand<{ id: string; changes: HandoffChanges }>({
  name: 'updateHandoff',
  label: (doc, a) => {
    const h = doc.handoffs.get(a.id);
    return `Edit handoff ${h ? `${nameOfLane(doc, h.fromTeamId)} → ${nameOfLane(doc, h.toTeamId)}` : ''}`;
  },
  run(draft, { id, changes }) {
    const handoff = need(draft.handoffs, id, 'handoff');
    if (changes.stageId !== undefined && changes.stageId !== handoff.stageId) handoff.stageId = need(draft.stages, changes.stageId, 'stage').id;
    if (changes.fromTeamId !== undefined && changes.fromTeamId !== handoff.fromTeamId) handoff.fromTeamId = need(draft.teams, changes.fromTeamId, 'team').id;
    if (changes.toTeamId !== undefined && changes.toTeamId !== handoff.toTeamId) handoff.toTeamId = need(draft.teams, changes.toTeamId, 'team').id;
    if ('criteria' in changes && (changes.criteria?.trim() || undefined) !== handoff.criteria) setOptionalText(handoff, 'criteria', changes.criteria);
    if ('slaHours' in changes) {
      const sla = changes.slaHours;
      if (sla === null || sla === undefined) {
        if (handoff.slaHours !== undefined) delete handoff.slaHours;
      } else {
        if (!Number.isFinite(sla) || sla < 0) throw new CommandError('SLA hours must be zero or more.');
        if (sla > LIMITS.slaHours) throw new CommandError(`SLA hours can be at most ${LIMITS.slaHours} (a year).`);
        if (sla !== handoff.slaHours) handoff.slaHours = sla;
      }
    }
  },
});
