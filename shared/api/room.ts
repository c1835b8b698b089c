import { z } from 'zod';
import { idSchema, labelSchema } from '../model/fields';

/**
 * The room session: the facilitator shares one map with participants' browsers on the local network.
 * These are the shapes the host and every window exchange; the rules live on the host (electron/room).
 */

/** What a participant may do; the facilitator is a role of its own and cannot be changed. */
export const PARTICIPANT_ROLES = ['edit', 'view'] as const;
export type ParticipantRole = (typeof PARTICIPANT_ROLES)[number];
export const ROLE_LABELS: Record<ParticipantRole, string> = { edit: 'Can edit', view: 'Can view' };

/** A person's name as typed on the join page. */
export const personNameSchema = labelSchema(40);
/** The invite secret and a participant's own token: base64url, long enough to be unguessable. */
export const roomSecretSchema = z.string().min(20).max(100).regex(/^[A-Za-z0-9_-]+$/, 'is not an invite code');

/** How many elements one person's selection may show to the others. */
export const MAX_PRESENCE_SELECTION = 50;
export const MAX_DOTS_EACH = 10;

export const roomPersonSchema = z.object({
  id: idSchema,
  name: z.string(),
  /** A colour from the room palette, as #rrggbb: their selection and name tag are drawn in it. */
  colour: z.string(),
  role: z.enum(['facilitator', ...PARTICIPANT_ROLES]),
  /** True while the person's window is connected to the room. */
  online: z.boolean(),
  /** What the person has selected on the canvas (element ids). */
  selection: z.array(idSchema),
});
export type RoomPerson = z.output<typeof roomPersonSchema>;

export const feedEntrySchema = z.object({ id: z.number().int(), at: z.string(), personId: idSchema, name: z.string(), colour: z.string(), text: z.string() });
export type FeedEntry = z.output<typeof feedEntrySchema>;

export const presentingSchema = z.object({ stageId: idSchema, page: z.number().int().min(0).max(1000) });
export type Presenting = z.output<typeof presentingSchema>;

/** A room as one window sees it: participants are not shown the invite, the addresses or the feed. */
export const roomStateSchema = z.object({
  sharing: z.boolean(),
  /** Whether this host may open a session to the local network at all (`serve --lan`, or the desktop app). */
  lanAllowed: z.boolean(),
  mapId: idSchema.optional(),
  /** Facilitator only: the join link (with the invite secret) and the addresses the host listens on for the room. */
  inviteUrl: z.string().optional(),
  addresses: z.array(z.string()).optional(),
  /** The person this window is. */
  you: idSchema.optional(),
  people: z.array(roomPersonSchema),
  /** The stage the facilitator is presenting, for participants who follow. */
  presenting: presentingSchema.nullable(),
  /** The dot vote under way: dots each, and how many this window's person has left. */
  vote: z.object({ dotsEach: z.number().int(), left: z.number().int(), mine: z.record(z.string(), z.number().int()) }).nullable(),
  feed: z.array(feedEntrySchema),
});
export type RoomState = z.output<typeof roomStateSchema>;

/** What the room pushes to a window: its view of the room after every change, or that the session ended for it. */
export const roomEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('room'), state: roomStateSchema }),
  z.object({ type: z.literal('ended'), reason: z.string() }),
]);
export type RoomEvent = z.output<typeof roomEventSchema>;

/** The room channels of the API contract (see contract.ts). */
export const roomChannels = {
  /** Facilitator: share this map with the room (opens the host to the local network) and get the join link. */
  'room.start': { input: z.object({ mapId: idSchema }), result: roomStateSchema },
  /** Facilitator: end every participant's access at once and stop listening on the local network. */
  'room.stop': { input: z.object({}), result: roomStateSchema },
  'room.state': { input: z.object({}), result: roomStateSchema },
  /** Anyone with the join link: enter the room under a name; the token returned is this window's pass. */
  'room.join': {
    input: z.object({ invite: roomSecretSchema, name: personNameSchema }),
    result: z.object({ token: roomSecretSchema, personId: idSchema, mapId: idSchema }),
  },
  'room.setRole': { input: z.object({ personId: idSchema, role: z.enum(PARTICIPANT_ROLES) }), result: roomStateSchema },
  /** Everyone: what I have selected, shown on the others' canvases in my colour. */
  'room.presence': { input: z.object({ selection: z.array(idSchema).max(MAX_PRESENCE_SELECTION) }), result: z.object({}) },
  /** Facilitator: the stage being presented (null when not presenting); participants who follow go there. */
  'room.present': { input: z.object({ presenting: presentingSchema.nullable() }), result: z.object({}) },
  /** Facilitator: start a dot vote with N dots each; the last vote's dots are cleared. */
  'room.startVote': { input: z.object({ dotsEach: z.number().int().min(1).max(MAX_DOTS_EACH) }), result: roomStateSchema },
  'room.endVote': { input: z.object({}), result: roomStateSchema },
  /** Everyone: put one of my dots on a touchpoint or note, or take one back. */
  'room.vote': { input: z.object({ targetId: idSchema, remove: z.boolean().optional() }), result: z.object({ votes: z.number().int() }) },
} as const;
