import type { Rule } from '../types';
import { quote } from '../fixes';

export const touchpointDisconnected: Rule = {
  id: 'touchpoint-disconnected',
  defaultSeverity: 'info',
  title: 'Touchpoint off the path',
  description: "A touchpoint that is not on the buyer's path, while the map has connections.",
  rationale: "Once the team draws the buyer's path, a touchpoint outside it is either missing a connection or not part of the journey.",
  readsConnections: true,
  checkTouchpoint(t, index, emit) {
    if (index.outgoing.size === 0) return; // no connections yet: no path to be off
    if (index.incoming.has(t.id) || index.outgoing.has(t.id)) return;
    emit({ message: `${quote(t.title)} is not on the buyer's path: nothing leads to it or from it.`, targetIds: [t.id] });
  },
};
