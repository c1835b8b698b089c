import { defineCommand, CommandError } from '../command';
import { need, requireLabel } from './support';

export const addNote = defineCommand<{ id: string; x: number; y: number; text?: string; stageId?: string }>({
  name: 'addNote',
  label: () => 'Add note',
  run(draft, { id, x, y, text, stageId }) {
    if (draft.notes.has(id)) throw new CommandError(`The id "${id}" is already used.`);
    const note = { id, text: requireLabel(text ?? 'New note', 'A note'), x: Math.round(x), y: Math.round(y) };
    draft.notes.set(id, stageId && draft.stages.has(stageId) ? { ...note, stageId } : note);
  },
});

export const moveNote = defineCommand<{ id: string; x: number; y: number }>({
  name: 'moveNote',
  label: () => 'Move note',
  run(draft, { id, x, y }) {
    const note = need(draft.notes, id, 'note');
    if (note.x !== Math.round(x)) note.x = Math.round(x);
    if (note.y !== Math.round(y)) note.y = Math.round(y);
  },
});

export const updateNote = defineCommand<{ id: string; text: string }>({
  name: 'updateNote',
  label: () => 'Edit note',
  run(draft, { id, text }) {
    const note = need(draft.notes, id, 'note');
    const next = requireLabel(text, 'A note');
    if (next !== note.text) note.text = next;
  },
});
