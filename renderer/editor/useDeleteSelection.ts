import { useCallback } from 'react';
import { useEditor } from './EditorContext';
import { invoke } from './editorStore';
import { deleteElements, describeDependents, planDeletion } from '../../shared/document/commands';

/**
 * Deletes the selection as one undoable step. Deleting a stage or lane that still holds cards asks first,
 * and says what goes with it.
 */
export function useDeleteSelection() {
  const editor = useEditor();
  return useCallback(() => {
    const { doc, selection } = editor.store.getState();
    const ids = [...selection];
    if (ids.length === 0) return;
    const run = () => editor.run(undefined, invoke(deleteElements, { ids }));
    const plan = planDeletion(doc, ids);
    const dependents = describeDependents(plan, ids);
    if ((plan.stages.length === 0 && plan.teams.length === 0) || !dependents) return void run();
    const names = [
      ...plan.stages.map((id) => `stage “${doc.stages.get(id)!.name}”`),
      ...plan.teams.map((id) => `lane “${doc.teams.get(id)!.name}”`),
    ];
    editor.store.setState({
      confirm: {
        title: `Delete ${names.join(' and ')}?`,
        message: `This also deletes ${dependents}${plan.touchpointsLosingTeams.length ? `, and takes the team off ${plan.touchpointsLosingTeams.length} other card${plan.touchpointsLosingTeams.length === 1 ? '' : 's'}` : ''}. Undo brings it all back.`,
        confirmLabel: 'Delete',
        onConfirm: run,
      },
    });
  }, [editor]);
}
