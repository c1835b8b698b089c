import { z } from 'zod';
import { LIMITS, idSchema, labelSchema, optionalTextSchema } from './fields';
import { teamSchema } from './team';
import { stageSchema } from './stage';
import { touchpointSchema } from './touchpoint';
import { handoffSchema } from './handoff';
import { connectionSchema } from './connection';
import { noteSchema } from './note';
import { ruleSettingsSchema, type RuleSettings } from './rules';

function listOf<T extends z.ZodType>(item: T, max: number, what: string) {
  return z.array(item).max(max, `has more than ${max} ${what}`).default([]);
}

const mapShape = z.object({
  id: idSchema,
  name: labelSchema(),
  description: optionalTextSchema(LIMITS.longTextLength),
  teams: listOf(teamSchema, LIMITS.teams, 'teams'),
  stages: listOf(stageSchema, LIMITS.stages, 'stages'),
  touchpoints: listOf(touchpointSchema, LIMITS.touchpoints, 'touchpoints'),
  handoffs: listOf(handoffSchema, LIMITS.handoffs, 'handoffs'),
  connections: listOf(connectionSchema, LIMITS.connections, 'connections'),
  notes: listOf(noteSchema, LIMITS.notes, 'notes'),
  rules: ruleSettingsSchema,
});

type ParsedMap = z.output<typeof mapShape>;
export type JourneyMap = Omit<ParsedMap, 'rules'> & { rules: RuleSettings };
export type ElementKind = 'team' | 'stage' | 'touchpoint' | 'handoff' | 'connection' | 'note';

type Path = (string | number)[];
type Report = (path: Path, message: string) => void;

/** Every id in a map shares one id space, so a connection can name a touchpoint or a handoff unambiguously. */
function checkIdsAreUnique(map: ParsedMap, report: Report) {
  const firstUse = new Map<string, string>();
  const lists = ['teams', 'stages', 'touchpoints', 'handoffs', 'connections', 'notes'] as const;
  for (const list of lists) {
    map[list].forEach((element, index) => {
      const where = `map.${list}[${index}]`;
      const earlier = firstUse.get(element.id);
      if (earlier) report([list, index, 'id'], `duplicate id "${element.id}" (already used by ${earlier})`);
      else firstUse.set(element.id, where);
    });
  }
}

function checkReferences(map: ParsedMap, report: Report) {
  const teamIds = new Set(map.teams.map((t) => t.id));
  const stageIds = new Set(map.stages.map((s) => s.id));
  const pathIds = new Set([...map.touchpoints.map((t) => t.id), ...map.handoffs.map((h) => h.id)]);
  const missing = (what: string, id: string) => `refers to ${what} "${id}", which is not in the map`;

  map.touchpoints.forEach((touchpoint, index) => {
    if (!stageIds.has(touchpoint.stageId)) report(['touchpoints', index, 'stageId'], missing('stage', touchpoint.stageId));
    const owners = new Set<string>();
    touchpoint.ownerTeamIds.forEach((teamId, i) => {
      if (!teamIds.has(teamId)) report(['touchpoints', index, 'ownerTeamIds', i], missing('team', teamId));
      else if (owners.has(teamId)) report(['touchpoints', index, 'ownerTeamIds', i], `lists team "${teamId}" twice`);
      owners.add(teamId);
    });
    const supporters = new Set<string>();
    touchpoint.supportTeamIds.forEach((teamId, i) => {
      const path = ['touchpoints', index, 'supportTeamIds', i];
      if (!teamIds.has(teamId)) report(path, missing('team', teamId));
      else if (supporters.has(teamId)) report(path, `lists team "${teamId}" twice`);
      else if (owners.has(teamId)) report(path, `lists team "${teamId}", which already leads this touchpoint`);
      supporters.add(teamId);
    });
  });
  map.handoffs.forEach((handoff, index) => {
    if (!stageIds.has(handoff.stageId)) report(['handoffs', index, 'stageId'], missing('stage', handoff.stageId));
    if (!teamIds.has(handoff.fromTeamId)) report(['handoffs', index, 'fromTeamId'], missing('team', handoff.fromTeamId));
    if (!teamIds.has(handoff.toTeamId)) report(['handoffs', index, 'toTeamId'], missing('team', handoff.toTeamId));
  });
  map.connections.forEach((connection, index) => {
    for (const end of ['source', 'target'] as const) {
      if (!pathIds.has(connection[end])) {
        report(['connections', index, end], missing('touchpoint or handoff', connection[end]));
      }
    }
    if (connection.source === connection.target) report(['connections', index, 'target'], 'connects an element to itself');
  });
  map.notes.forEach((note, index) => {
    if (note.stageId !== undefined && !stageIds.has(note.stageId)) report(['notes', index, 'stageId'], missing('stage', note.stageId));
  });
}

/** The map schema, with the cross-record checks the per-record schemas cannot see. */
export const journeyMapSchema = mapShape.superRefine((map, ctx) => {
  const report: Report = (path, message) => ctx.addIssue({ code: 'custom', path, message });
  checkIdsAreUnique(map, report);
  checkReferences(map, report);
}) as unknown as z.ZodType<JourneyMap, unknown>;
