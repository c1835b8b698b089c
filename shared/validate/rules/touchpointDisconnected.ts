import type { Rule } from '../types';
import { quote } from '../wording';

export const touchpointDisconnected: Rule = {
  id: 'touchpoint-disconnected',
  defaultSeverity: 'info',
  title: 'Touchpoint off the path',
  description: "A touchpoint that is not on the buyer's path, while the map has connections.",
  rationale: "Once the team draws the buyer's path, a touchpoint outside it is either missing a connection or not part of the journey.",
  checkTouchpoint(t, index, emit) {
    if (index.connected.size === 0 || index.connected.has(t.id)) return; // on the path, or no path drawn yet
    emit({ message: `${quote(t.title)} is not on the buyer's path: nothing leads to it or from it.`, targetIds: [t.id] });
  },
};
