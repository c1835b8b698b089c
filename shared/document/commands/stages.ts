import { defineCommand, CommandError } from '../command';
import { moveInOrder, need, requireLabel, setOptionalText } from './support';
import { LIMITS } from '../../model/fields';
import { STAGE_PHASES, type Stage } from '../../model/stage';

export const addStage = defineCommand<{ id: string; index: number; name?: string; phase?: Stage['phase'] }>({
  name: 'addStage',
  label: (_doc, a) => `Add stage “${a.name ?? 'New stage'}”`,
  run(draft, { id, index, name, phase }) {
    if (draft.stageOrder.length >= LIMITS.stages) throw new CommandError(`A map can have at most ${LIMITS.stages} stages.`);
    if (draft.stages.has(id)) throw new CommandError(`The id "${id}" is already used.`);
    draft.stages.set(id, { id, name: requireLabel(name ?? 'New stage', 'A stage name'), phase: phase ?? 'other' });
    draft.stageOrder.splice(Math.max(0, Math.min(index, draft.stageOrder.length)), 0, id);
  },
});

export const moveStage = defineCommand<{ id: string; index: number }>({
  name: 'moveStage',
  label: (doc, a) => `Move stage “${doc.stages.get(a.id)?.name ?? ''}”`,
  run(draft, { id, index }) {
    need(draft.stages, id, 'stage');
    moveInOrder(draft.stageOrder, id, index);
  },
});

export type StageChanges = Partial<Pick<Stage, 'name' | 'phase' | 'goal' | 'kpi'>>;

export const updateStage = defineCommand<{ id: string; changes: StageChanges }>({
  name: 'updateStage',
  label: (doc, a) => `Edit stage “${doc.stages.get(a.id)?.name ?? ''}”`,
  run(draft, { id, changes }) {
    const stage = need(draft.stages, id, 'stage');
    if (changes.name !== undefined) {
      const name = requireLabel(changes.name, 'A stage name');
      if (name !== stage.name) stage.name = name;
    }
    if (changes.phase !== undefined && changes.phase !== stage.phase) {
      if (!STAGE_PHASES.includes(changes.phase)) throw new CommandError(`"${changes.phase}" is not a stage phase.`);
      stage.phase = changes.phase;
    }
    for (const key of ['goal', 'kpi'] as const) {
      if (key in changes && (changes[key]?.trim() || undefined) !== stage[key]) setOptionalText(stage, key, changes[key]);
    }
  },
});
