import { defineCommand, CommandError } from '../command';
import { moveInOrder, need, requireLabel } from './support';
import { LIMITS } from '../../model/fields';
import { TEAM_ROLES, type Team } from '../../model/team';

export const addTeam = defineCommand<{ id: string; name?: string; role?: Team['role']; color?: string; index?: number }>({
  name: 'addTeam',
  label: (_doc, a) => `Add team “${a.name ?? 'New team'}”`,
  run(draft, { id, name, role, color, index }) {
    if (draft.teamOrder.length >= LIMITS.teams) throw new CommandError(`A map can have at most ${LIMITS.teams} teams.`);
    if (draft.teams.has(id)) throw new CommandError(`The id "${id}" is already used.`);
    const team: Team = { id, name: requireLabel(name ?? 'New team', 'A team name'), role: role ?? 'other' };
    if (color) team.color = color;
    draft.teams.set(id, team);
    draft.teamOrder.splice(index ?? draft.teamOrder.length, 0, id);
  },
});

export const moveTeam = defineCommand<{ id: string; index: number }>({
  name: 'moveTeam',
  label: (doc, a) => `Move lane “${doc.teams.get(a.id)?.name ?? ''}”`,
  run(draft, { id, index }) {
    need(draft.teams, id, 'team');
    moveInOrder(draft.teamOrder, id, index);
  },
});

export type TeamChanges = Partial<Pick<Team, 'name' | 'role' | 'color'>>;

export const updateTeam = defineCommand<{ id: string; changes: TeamChanges }>({
  name: 'updateTeam',
  label: (doc, a) => `Edit team “${doc.teams.get(a.id)?.name ?? ''}”`,
  run(draft, { id, changes }) {
    const team = need(draft.teams, id, 'team');
    if (changes.name !== undefined) {
      const name = requireLabel(changes.name, 'A team name');
      if (name !== team.name) team.name = name;
    }
    if (changes.role !== undefined && changes.role !== team.role) {
      if (!TEAM_ROLES.includes(changes.role)) throw new CommandError(`"${changes.role}" is not a team role.`);
      team.role = changes.role;
    }
    if (changes.color !== undefined) {
      const color = changes.color.toLowerCase();
      if (!/^#[0-9a-f]{6}$/.test(color)) throw new CommandError('A colour is written as #rrggbb.');
      if (color !== team.color) team.color = color;
    }
  },
});
