import { defineCommand, CommandError } from '../command';
import { setOptionalText, need } from './support';

export const connect = defineCommand<{ id: string; source: string; target: string; label?: string }>({
  name: 'connect',
  label: () => 'Connect',
  run(draft, { id, source, target, label }) {
    for (const end of [source, target]) {
      if (!draft.touchpoints.has(end) && !draft.handoffs.has(end)) throw new CommandError('Connections run between touchpoints and handoffs.');
    }
    if (source === target) throw new CommandError('A card cannot be connected to itself.');
    for (const c of draft.connections.values()) {
      if (c.source === source && c.target === target) throw new CommandError('These two are already connected.');
    }
    if (draft.connections.has(id)) throw new CommandError(`The id "${id}" is already used.`);
    const connection = { id, source, target };
    setOptionalText(connection, 'label' as never, label);
    draft.connections.set(id, connection);
  },
});

export const updateConnection = defineCommand<{ id: string; label: string | undefined }>({
  name: 'updateConnection',
  label: () => 'Edit connection label',
  run(draft, { id, label }) {
    const connection = need(draft.connections, id, 'connection');
    if ((label?.trim() || undefined) !== connection.label) setOptionalText(connection, 'label', label);
  },
});
