import crypto from 'node:crypto';
import { ApiError } from '../../shared/api/contract';
import type { FeedEntry, ParticipantRole, Presenting, RoomEvent, RoomPerson, RoomState } from '../../shared/api/room';
import { applyOps, type MapOp } from '../../shared/document/ops';
import { toMapDoc, type MapDoc } from '../../shared/document/mapDoc';
import { describeAdded, describeRoomChange, recordOfChange } from '../../shared/room/feedText';
import type { StoredChangeMessage } from '../../shared/api/contract';
import type { MapStore } from '../store/mapStore';
import type { MapSessions } from '../api/sessions';
import { JoinLimiter } from './joinLimiter';

/** Where the room can reach the host: opened by Invite, closed by Stop sharing. */
export interface RoomNetwork {
  /** Starts listening on the local network; returns the join link's origin and the addresses listened on. */
  open(): Promise<{ origin: string; addresses: string[] }>;
  close(): Promise<void>;
}

export const FACILITATOR_ID = 'facilitator';
/** Distinct, readable on white and on the card colours; the facilitator's is the first. */
export const ROOM_COLOURS = ['#1e3a8a', '#be185d', '#047857', '#b45309', '#6d28d9', '#b91c1c', '#0e7490', '#4d7c0f', '#a21caf', '#c2410c', '#4338ca', '#0f766e'];
const MAX_PEOPLE = 100;
const FEED_LENGTH = 30;
/** Room pushes are coalesced: a burst of selections costs one snapshot per window. */
const PUSH_DELAY_MS = 15;
const ROOM_CLIENT = 'room';

interface Person {
  id: string;
  name: string;
  colour: string;
  role: RoomPerson['role'];
  token?: string;
  selection: string[];
}

interface Session {
  mapId: string;
  invite: string;
  origin: string;
  addresses: string[];
  people: Map<string, Person>;
  byToken: Map<string, Person>;
  /** The shared map as stored, kept current from its change stream: for the feed and the vote's targets. */
  doc: MapDoc;
  unwatch: () => void;
  presenting: Presenting | null;
  vote: { dotsEach: number; ballots: Map<string, Map<string, number>> } | null;
  feed: FeedEntry[];
  /** What the newest feed entry is about, when it is one record someone added: their next edits to it refine that line. */
  lastAdded?: { personId: string; recordKey: string; feedId: number };
  /** The newest revision the feed has told of. */
  feedRevision: number;
  nextPerson: number;
}

interface Subscriber {
  personId: string;
  send(event: RoomEvent): void;
}


const secret = () => crypto.randomBytes(32).toString('base64url');
const tokenMatches = (a: string, b: string) => a.length === b.length && crypto.timingSafeEqual(Buffer.from(a), Buffer.from(b));

/**
 * The room session: one map shared by the facilitator with participants' browsers. It holds who is here,
 * their roles, presence, the stage presented, the dot vote and the feed; every window is pushed its own
 * view of the room. Edits go through the store like any other window's — the service only decides who may
 * make them. State lives in memory: a restart ends the session (the map and its votes are stored).
 */
export class RoomService {
  private session: Session | undefined;
  private readonly subscribers = new Set<Subscriber>();
  private readonly revocations = new Map<string, Set<() => void>>();
  private readonly limiter = new JoinLimiter();
  private pushTimer: NodeJS.Timeout | undefined;
  private pushAudience: Set<string> | 'all' | undefined;
  private opening: Promise<RoomState> | undefined;
  private feedId = 0;
  private network: RoomNetwork | undefined;

  constructor(
    private readonly store: MapStore,
    private readonly sessions: MapSessions,
  ) {}

  /** The shell says how the room reaches this host (`serve --lan`, the desktop app); without one, Invite is refused. */
  setNetwork(network: RoomNetwork | undefined): void {
    this.network = network;
  }

  get lanAllowed(): boolean {
    return this.network !== undefined;
  }

  get sharedMapId(): string | undefined {
    return this.session?.mapId;
  }

  async start(mapId: string): Promise<RoomState> {
    if (this.session) {
      if (this.session.mapId === mapId) return this.stateFor(FACILITATOR_ID);
      throw new ApiError('conflict', `Another map is being shared. Stop sharing it before inviting the room to this one.`);
    }
    if (!this.network) {
      throw new ApiError('forbidden', 'This Throughline was started without --lan, so it cannot open to the local network. Restart it with `throughline serve --lan`.');
    }
    this.opening ??= this.open(mapId, this.network).finally(() => (this.opening = undefined));
    return this.opening;
  }

  private async open(mapId: string, network: RoomNetwork): Promise<RoomState> {
    const { map, revision } = this.store.open(mapId);
    const { origin, addresses } = await network.open();
    const facilitator: Person = { id: FACILITATOR_ID, name: 'Facilitator', colour: ROOM_COLOURS[0]!, role: 'facilitator', selection: [] };
    const session: Session = {
      mapId,
      invite: secret(),
      origin,
      addresses,
      people: new Map([[facilitator.id, facilitator]]),
      byToken: new Map(),
      doc: toMapDoc(map),
      unwatch: () => {},
      presenting: null,
      vote: null,
      feed: [],
      feedRevision: revision,
      nextPerson: 1,
    };
    session.unwatch = this.sessions.watch(mapId, revision, (event) => {
      if (event.type === 'change') this.applyStored(session, event.change);
      else if (event.type === 'deleted') void this.stop('The map was deleted.');
      else session.doc = toMapDoc(this.store.open(mapId).map);
    });
    this.session = session;
    this.schedulePush();
    return this.stateFor(FACILITATOR_ID);
  }

  /** Ends every participant's access at once and stops listening on the local network. */
  async stop(reason = 'The facilitator stopped sharing.'): Promise<RoomState> {
    const session = this.session;
    if (!session) return this.stateFor(FACILITATOR_ID);
    this.session = undefined;
    session.unwatch();
    for (const subscriber of [...this.subscribers]) {
      if (subscriber.personId !== FACILITATOR_ID) {
        subscriber.send({ type: 'ended', reason });
        this.subscribers.delete(subscriber);
      }
    }
    for (const person of session.people.values()) this.revoke(person.id);
    await this.network?.close();
    this.schedulePush();
    return this.stateFor(FACILITATOR_ID);
  }

  /** A window with the join link enters under a name; `from` is its address, for the rate limit. */
  join(invite: string, name: string, from: string): { token: string; personId: string; mapId: string } {
    if (!this.limiter.allow(from, Date.now())) throw new ApiError('forbidden', 'Too many attempts to join from this computer. Wait a minute and try again.');
    const session = this.session;
    if (!session || !tokenMatches(invite, session.invite)) {
      throw new ApiError('forbidden', 'This invite is not valid any more. Ask the facilitator for the current join link.');
    }
    if (session.people.size >= MAX_PEOPLE) throw new ApiError('forbidden', `The room is full (${MAX_PEOPLE} people).`);
    const id = `person-${session.nextPerson++}`;
    const person: Person = {
      id,
      name: uniqueName(name, session.people),
      colour: ROOM_COLOURS[1 + ((session.nextPerson - 2) % (ROOM_COLOURS.length - 1))]!,
      role: 'edit',
      token: secret(),
      selection: [],
    };
    session.people.set(id, person);
    session.byToken.set(person.token!, person);
    this.schedulePush();
    return { token: person.token!, personId: id, mapId: session.mapId };
  }

  /** The participant a token belongs to, while the session lasts. */
  participant(token: string): Readonly<Person> | undefined {
    return this.session?.byToken.get(token);
  }

  setRole(personId: string, role: ParticipantRole): RoomState {
    const person = this.session?.people.get(personId);
    if (!person || person.role === 'facilitator') throw new ApiError('not-found', 'There is no participant by that id in the room.');
    person.role = role;
    this.schedulePush();
    return this.stateFor(FACILITATOR_ID);
  }

  setSelection(personId: string, selection: string[]): void {
    const person = this.session?.people.get(personId);
    if (!person) return;
    if (person.selection.length === selection.length && person.selection.every((id, i) => id === selection[i])) return;
    person.selection = selection;
    this.schedulePush();
  }

  present(presenting: Presenting | null): void {
    if (!this.session) return;
    this.session.presenting = presenting;
    this.schedulePush();
  }

  /** Starts a dot vote: N dots each, the last vote's dots cleared from the map. */
  startVote(dotsEach: number): RoomState {
    const session = this.requireSession();
    const clear: MapOp[] = [];
    for (const collection of ['touchpoints', 'notes'] as const) {
      for (const record of session.doc[collection].values()) {
        const votes = (record as { votes?: number }).votes;
        if (votes) clear.push({ op: 'set', path: [collection, record.id, 'votes'], base: votes });
      }
    }
    if (clear.length > 0) this.store.storeChange(session.mapId, { clientId: ROOM_CLIENT, batchId: `vote-clear-${secret().slice(0, 16)}`, ops: clear });
    session.vote = { dotsEach, ballots: new Map() };
    this.schedulePush();
    return this.stateFor(FACILITATOR_ID);
  }

  endVote(): RoomState {
    const session = this.requireSession();
    session.vote = null;
    this.schedulePush();
    return this.stateFor(FACILITATOR_ID);
  }

  /** One of a person's dots on a touchpoint or note (or taken back); the count is stored with the map. */
  vote(personId: string, targetId: string, remove = false): { votes: number } {
    const session = this.requireSession();
    const vote = session.vote;
    if (!vote) throw new ApiError('conflict', 'No vote is open. The facilitator starts one.');
    const collection = session.doc.touchpoints.has(targetId) ? 'touchpoints' : session.doc.notes.has(targetId) ? 'notes' : undefined;
    if (!collection) throw new ApiError('not-found', 'Dots go on touchpoints and notes; that one is not on the map (any more).');
    let ballot = vote.ballots.get(personId);
    if (!ballot) vote.ballots.set(personId, (ballot = new Map()));
    const used = [...ballot.values()].reduce((sum, n) => sum + n, 0);
    const mineHere = ballot.get(targetId) ?? 0;
    if (remove && mineHere === 0) throw new ApiError('conflict', 'You have no dot on that to take back.');
    if (!remove && used >= vote.dotsEach) throw new ApiError('conflict', `You have used all ${vote.dotsEach} of your dots. Take one back to move it.`);
    const current = (session.doc[collection].get(targetId) as { votes?: number }).votes ?? 0;
    const next = Math.max(0, current + (remove ? -1 : 1));
    const op: MapOp = { op: 'set', path: [collection, targetId, 'votes'] };
    if (next > 0) op.value = next;
    if (current > 0) op.base = current;
    // storeChange is synchronous, so the count read above cannot change before this write.
    this.store.storeChange(session.mapId, { clientId: ROOM_CLIENT, batchId: `vote-${secret().slice(0, 16)}`, ops: [op] });
    if (!remove) ballot.set(targetId, mineHere + 1);
    else if (mineHere > 1) ballot.set(targetId, mineHere - 1);
    else ballot.delete(targetId);
    // The count travels with the map's change; only the voter's dots left changed in the room.
    this.schedulePush(personId);
    return { votes: next };
  }

  /** The room as one person's window sees it. */
  stateFor(personId: string): RoomState {
    const session = this.session;
    if (!session) return { sharing: false, lanAllowed: this.lanAllowed, people: [], presenting: null, vote: null, feed: [] };
    const online = new Set([...this.subscribers].map((s) => s.personId));
    const isFacilitator = personId === FACILITATOR_ID;
    const ballot = session.vote?.ballots.get(personId);
    const used = ballot ? [...ballot.values()].reduce((sum, n) => sum + n, 0) : 0;
    return {
      sharing: true,
      lanAllowed: this.lanAllowed,
      mapId: session.mapId,
      ...(isFacilitator ? { inviteUrl: `${session.origin}/#join=${session.invite}`, addresses: session.addresses } : {}),
      you: personId,
      people: [...session.people.values()].map((p) => ({
        id: p.id,
        name: p.name,
        colour: p.colour,
        role: p.role,
        online: p.role === 'facilitator' || online.has(p.id),
        selection: p.selection,
      })),
      presenting: session.presenting,
      vote: session.vote ? { dotsEach: session.vote.dotsEach, left: session.vote.dotsEach - used, mine: Object.fromEntries(ballot ?? []) } : null,
      feed: isFacilitator ? session.feed : [],
    };
  }

  /** Pushes this person's view of the room to `send` now and after every change; returns the way to stop. */
  subscribe(personId: string, send: (event: RoomEvent) => void): () => void {
    const subscriber: Subscriber = { personId, send };
    this.subscribers.add(subscriber);
    send({ type: 'room', state: this.stateFor(personId) });
    this.schedulePush();
    return () => {
      if (this.subscribers.delete(subscriber)) this.schedulePush();
    };
  }

  /** Calls `close` when this person's access ends (Stop sharing); returns the way to stop listening. */
  onRevoked(personId: string, close: () => void): () => void {
    let set = this.revocations.get(personId);
    if (!set) this.revocations.set(personId, (set = new Set()));
    set.add(close);
    return () => set.delete(close);
  }

  /** The shared map as the room knows it now: taken before a participant's change, for the feed's words. */
  snapshot(): MapDoc | undefined {
    return this.session?.doc;
  }

  /** A participant's stored change, for the facilitator's feed; `before` is the map just before it. */
  noteChange(personId: string, change: StoredChangeMessage, before: MapDoc | undefined): void {
    const session = this.session;
    const person = session?.people.get(personId);
    // A batch sent again answers with the change stored the first time: it is in the feed already.
    if (!session || !person || !before || change.mapId !== session.mapId || change.revision <= session.feedRevision) return;
    session.feedRevision = change.revision;
    // The change stream has applied the change to session.doc by now (the store publishes as it stores).
    const after = session.doc;
    const recordKey = recordOfChange(change.ops);
    const last = session.lastAdded;
    // Adding a card and then typing its title reads as one line: "added “Trade show booth”".
    if (last && recordKey === last.recordKey && last.personId === personId && session.feed[0]?.id === last.feedId && change.ops.every((op) => op.op === 'set')) {
      const text = describeAdded(recordKey, after);
      if (text) session.feed = [{ ...session.feed[0]!, text, at: change.at }, ...session.feed.slice(1)];
      this.schedulePush(FACILITATOR_ID);
      return;
    }
    const text = describeRoomChange(change.ops, before, after);
    if (!text) return;
    const entry = { id: ++this.feedId, at: change.at, personId, name: person.name, colour: person.colour, text };
    session.feed = [entry, ...session.feed].slice(0, FEED_LENGTH);
    session.lastAdded = recordKey && change.ops.some((op) => op.op === 'add') ? { personId, recordKey, feedId: entry.id } : undefined;
    this.schedulePush(FACILITATOR_ID);
  }

  private applyStored(session: Session, change: StoredChangeMessage): void {
    session.doc = applyOps(session.doc, change.ops).doc;
  }

  private revoke(personId: string): void {
    const closers = this.revocations.get(personId);
    this.revocations.delete(personId);
    for (const close of closers ?? []) close();
  }

  private requireSession(): Session {
    if (!this.session) throw new ApiError('conflict', 'The map is not shared with the room right now.');
    return this.session;
  }

  /**
   * Pushes the room to the windows whose view of it changed: everyone's by default, or one person's when
   * only their view did (the feed is the facilitator's; a dot placed changes the voter's dots left).
   */
  private schedulePush(onlyFor?: string): void {
    if (onlyFor === undefined) this.pushAudience = 'all';
    else if (this.pushAudience !== 'all') {
      this.pushAudience ??= new Set();
      this.pushAudience.add(onlyFor);
    }
    if (this.pushTimer) return;
    this.pushTimer = setTimeout(() => {
      this.pushTimer = undefined;
      const audience = this.pushAudience;
      this.pushAudience = undefined;
      for (const subscriber of [...this.subscribers]) {
        if (audience !== 'all' && !audience?.has(subscriber.personId)) continue;
        try {
          subscriber.send({ type: 'room', state: this.stateFor(subscriber.personId) });
        } catch (error) {
          console.error('A room listener failed:', error);
        }
      }
    }, PUSH_DELAY_MS);
    this.pushTimer.unref?.();
  }
}

/** "Ana", then "Ana (2)": two people who type the same name stay tell-apart-able. */
function uniqueName(name: string, people: Map<string, Person>): string {
  const taken = new Set([...people.values()].map((p) => p.name.toLowerCase()));
  if (!taken.has(name.toLowerCase())) return name;
  for (let n = 2; ; n++) if (!taken.has(`${name} (${n})`.toLowerCase())) return `${name} (${n})`;
}
