/**
 * The room session under load: 30 participants' windows (Node clients) each store an edit every 2 s for
 * 60 s on one shared map, and every window's map event stream records when each edit reaches it.
 *
 * The host is the real `throughline serve --lan --invite-host 127.0.0.1 --port 0`, as a child process: it
 * gets an event loop of its own, as in real use, so the clients' work (parsing 30 streams) neither slows
 * the host down nor hides its cost, and its CPU time and memory can be read per process. Only loopback
 * addresses are contacted. Each participant connects from its own loopback address (127.0.0.2, .3, …), as
 * 30 laptops would from theirs: the host allows 10 joins a minute per address.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { execFileSync, type ChildProcess } from 'node:child_process';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { percentile } from './measure';
import { postApi, startServe, stopServe, type ApiAnswer } from './serve';
import { report } from './results';

export const ROOM_PARTICIPANTS = 30;
export const ROOM_EDIT_INTERVAL_MS = 2_000;
/** How long the participants edit: the issue's 60 s, or 20 s with --quick. */
export const ROOM_DURATION_MS = 60_000;
export const ROOM_QUICK_DURATION_MS = 20_000;
/** After the last edit, how long a window may take to receive it before it counts as lost. */
export const ROOM_GRACE_MS = 5_000;
export const ROOM_BUDGET_P95_MS = 250;

const TOKEN_HEADER = 'x-throughline-token';
const PARTICIPANT_HEADER = 'x-throughline-participant';
/** No single request may hang the benchmark. */
const REQUEST_TIMEOUT_MS = 10_000;

export interface RoomLoadOptions {
  /** The project root: runs its bin/throughline.cjs (the built dist/cli) unless `cli` names another build. */
  root: string;
  cli?: string;
  /** A folder for the host's data folder; removed again at the end. */
  work: string;
  durationMs: number;
  participants?: number;
  intervalMs?: number;
}

export interface RoomLoadResult {
  participants: number;
  receiversPerEdit: number;
  durationMs: number;
  editsSent: number;
  editsStored: number;
  deliveriesExpected: number;
  deliveriesReceived: number;
  /** Edits not stored, or stored but not received by every other window within the grace period. */
  editsLost: number;
  /** Cards whose stored title or stage is not what their participant last stored (each one a lost edit). */
  cardsWrong: number;
  cardsExpected: number;
  /** Per edit: from sending it until the last other window received it (edits every window received). */
  toAll: { p50: number; p95: number; max: number; count: number };
  /** Per window and edit: from sending it until that window received it. */
  perDelivery: { p50: number; p95: number };
  /** From sending an edit until the host answered that it was stored. */
  ack: { p50: number; p95: number };
  /** Edits that were sent later than their turn because the participant's previous edit was still unanswered. */
  lateSends: number;
  duplicates: number;
  errors: string[];
  host: { cpuPercent?: number; rssMb?: number; peakRssMb?: number; errorLines: number };
  /** The benchmark process itself: if its event loop lagged, the latencies include that lag. */
  clients: { loopDelayP99Ms: number; cpuPercent: number };
  roomEvents: number;
  roomMb: number;
  loadAverage: number[];
}

type Answer = ApiAnswer;

/** One HTTP client: its own keep-alive agent and loopback source address, as one browser window. */
class Client {
  readonly agent: http.Agent;
  readonly streams: http.ClientRequest[] = [];
  /** Arrival time (performance.now()) of each change on this window's map stream, by batch id. */
  readonly arrivals = new Map<string, number>();
  duplicates = 0;
  roomEvents = 0;
  roomBytes = 0;

  constructor(
    readonly name: string,
    readonly port: number,
    readonly localAddress: string,
    readonly headers: Record<string, string>,
  ) {
    this.agent = new http.Agent({ keepAlive: true, localAddress });
  }

  post(channel: string, body: unknown): Promise<Answer> {
    return postApi({ port: this.port, agent: this.agent, localAddress: this.localAddress, headers: this.headers, timeoutMs: REQUEST_TIMEOUT_MS }, channel, body);
  }

  /** Opens a server-sent event stream; resolves once the host answered 200, then hands each event to `onEvent`. */
  openStream(streamPath: string, onEvent: (event: any, at: number, bytes: number) => void): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => (req.destroy(), reject(new Error(`${this.name}: ${streamPath} did not open`))), REQUEST_TIMEOUT_MS);
      const req = http.get({ host: '127.0.0.1', port: this.port, localAddress: this.localAddress, agent: this.agent, path: streamPath, headers: this.headers }, (res) => {
        clearTimeout(timer);
        if (res.statusCode !== 200) {
          res.resume();
          return reject(new Error(`${this.name}: ${streamPath} answered ${res.statusCode}`));
        }
        resolve();
        let buffer = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          const at = performance.now();
          buffer += chunk;
          for (let end = buffer.indexOf('\n\n'); end !== -1; end = buffer.indexOf('\n\n')) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            if (block.startsWith('data: ')) onEvent(JSON.parse(block.slice(6)), at, block.length);
          }
        });
        res.on('error', () => {});
      });
      req.on('error', (error) => (clearTimeout(timer), reject(error)));
      this.streams.push(req);
    });
  }

  openMapStream(mapId: string, since: number): Promise<void> {
    return this.openStream(`/api/events/${encodeURIComponent(mapId)}?since=${since}`, (event, at) => {
      if (event.type !== 'change') return;
      const batchId = event.change.batchId as string;
      if (this.arrivals.has(batchId)) this.duplicates++;
      else this.arrivals.set(batchId, at);
    });
  }

  openRoomStream(): Promise<void> {
    return this.openStream('/api/room/events', (_event, _at, bytes) => {
      this.roomEvents++;
      this.roomBytes += bytes;
    });
  }

  close(): void {
    for (const stream of this.streams) stream.destroy();
    this.agent.destroy();
  }
}

interface Edit {
  from: number;
  batchId: string;
  sentAt: number;
  answeredAt?: number;
  stored: boolean;
}

/** CPU seconds (user + system) and memory of a process, from /proc (Linux); undefined elsewhere. */
function processStats(pid: number): { cpuSeconds: number; rssMb: number; peakRssMb: number } | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { cpuSeconds: ticks / clockTicks(), rssMb: kb('VmRSS') / 1024, peakRssMb: kb('VmHWM') / 1024 };
  } catch {
    return undefined;
  }
}

let ticksPerSecond: number | undefined;
function clockTicks(): number {
  if (ticksPerSecond === undefined) {
    try {
      ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  return ticksPerSecond;
}

const sleepUntil = (at: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, at - performance.now())));

function answerError(channel: string, answer: Answer): string {
  return `${channel}: ${answer.status} ${JSON.stringify(answer.body).slice(0, 300)}`;
}

/** The ops of participant `i`'s k-th edit: add a card, rename it, move it to another stage, and again. */
function editOps(k: number, i: number, stageIds: string[], card: { id: string; title: string; stageId: string }) {
  const n = Math.floor(k / 3);
  switch (k % 3) {
    case 0: {
      card.id = `tp-room-${i}-${n}`;
      card.title = `Participant ${i + 1}, card ${n + 1}`;
      card.stageId = stageIds[(i + n) % stageIds.length]!;
      const value = { id: card.id, stageId: card.stageId, title: card.title, ownerTeamIds: [], supportTeamIds: [], promises: [], order: 1000 + i * 100 + n };
      return [{ op: 'add', path: ['touchpoints', card.id], value }];
    }
    case 1: {
      const base = card.title;
      card.title = `${base} (renamed)`;
      return [{ op: 'set', path: ['touchpoints', card.id, 'title'], value: card.title, base }];
    }
    default: {
      const base = card.stageId;
      card.stageId = stageIds[(stageIds.indexOf(base) + 1) % stageIds.length]!;
      return [{ op: 'set', path: ['touchpoints', card.id, 'stageId'], value: card.stageId, base }];
    }
  }
}

export async function measureRoomLoad(options: RoomLoadOptions): Promise<RoomLoadResult> {
  const participantCount = options.participants ?? ROOM_PARTICIPANTS;
  const interval = options.intervalMs ?? ROOM_EDIT_INTERVAL_MS;
  const editsEach = Math.max(1, Math.floor(options.durationMs / interval));
  if (participantCount > 250) throw new Error('one loopback address each: at most 250 participants');
  const dataDir = fs.mkdtempSync(path.join(options.work, 'room-'));
  const hostLog: string[] = [];
  const clients: Client[] = [];
  const errors: string[] = [];
  let child: ChildProcess | undefined;
  try {
    const served = await startServe(options.cli ?? path.join(options.root, 'bin', 'throughline.cjs'), dataDir, ['--lan', '--invite-host', '127.0.0.1'], (text) => hostLog.push(text));
    child = served.child;
    const port = served.port;

    // The facilitator's window: creates the map and shares it; its streams are open like any window's.
    const facilitator = new Client('facilitator', port, '127.0.0.1', { [TOKEN_HEADER]: served.token });
    clients.push(facilitator);
    const created = await facilitator.post('maps.create', { name: 'Room load', template: 'b2b-funnel' });
    if (!created.body?.ok) throw new Error(answerError('maps.create', created));
    const mapId = created.body.value.id as string;
    const started = await facilitator.post('room.start', { mapId });
    if (!started.body?.ok) throw new Error(answerError('room.start', started));
    const invite = /#join=([A-Za-z0-9_-]+)$/.exec(started.body.value.inviteUrl)?.[1];
    if (!invite) throw new Error(`room.start gave no join link: ${JSON.stringify(started.body.value).slice(0, 300)}`);
    const facilitatorOpened = await facilitator.post('maps.open', { id: mapId });
    if (!facilitatorOpened.body?.ok) throw new Error(answerError('maps.open', facilitatorOpened));
    await facilitator.openMapStream(mapId, facilitatorOpened.body.value.revision);
    await facilitator.openRoomStream();

    // Participants join one after another, each from its own loopback address, then open the map and both streams.
    const participants: Client[] = [];
    let stageIds: string[] = [];
    for (let i = 0; i < participantCount; i++) {
      const address = `127.0.0.${i + 2}`;
      const guest = new Client(`participant ${i + 1}`, port, address, {});
      clients.push(guest);
      const joined = await guest.post('room.join', { invite, name: `Participant ${i + 1}` });
      if (!joined.body?.ok) throw new Error(answerError(`room.join (${address})`, joined));
      guest.headers[PARTICIPANT_HEADER] = joined.body.value.token;
      const opened = await guest.post('maps.open', { id: mapId });
      if (!opened.body?.ok) throw new Error(answerError('maps.open', opened));
      stageIds = (opened.body.value.map.stages as { id: string }[]).map((s) => s.id);
      await guest.openMapStream(mapId, opened.body.value.revision);
      await guest.openRoomStream();
      participants.push(guest);
    }
    if (stageIds.length < 2) throw new Error(`the b2b-funnel map has ${stageIds.length} stages; the load moves cards between two or more`);

    // The load: participant i's k-th edit is due at start + i × interval / n + k × interval (staggered).
    const loop = monitorEventLoopDelay({ resolution: 10 });
    loop.enable();
    const before = processStats(child.pid!);
    const clientCpu = process.cpuUsage();
    const start = performance.now() + 200;
    const edits: Edit[] = [];
    let lateSends = 0;
    /** Each card as its participant last stored it. */
    const lastSeen = new Map<string, { title: string; stageId: string }>();
    await Promise.all(
      participants.map(async (client, i) => {
        const card = { id: '', title: '', stageId: '' };
        for (let k = 0; k < editsEach; k++) {
          const due = start + (i * interval) / participantCount + k * interval;
          if (performance.now() > due + 50) lateSends++;
          await sleepUntil(due);
          const ops = editOps(k, i, stageIds, card);
          const edit: Edit = { from: i, batchId: `room-${i}-${k}`, sentAt: performance.now(), stored: false };
          edits.push(edit);
          const body = { id: mapId, clientId: `bench-${i}`, batchId: edit.batchId, ops };
          let answer: Answer | undefined;
          // One re-send after a network failure, with the same batch id, as a window does: never stored twice.
          for (let attempt = 0; attempt < 2 && !answer; attempt++) {
            try {
              answer = await client.post('maps.storeChange', body);
            } catch (error) {
              if (errors.length < 20) errors.push(`${edit.batchId}: ${(error as Error).message}`);
            }
          }
          edit.answeredAt = performance.now();
          if (answer?.body?.ok) {
            edit.stored = true;
            lastSeen.set(card.id, { title: card.title, stageId: card.stageId });
          }
          else if (answer && errors.length < 20) errors.push(`${edit.batchId}: ${answerError('maps.storeChange', answer)}`);
        }
      }),
    );
    const endedAt = performance.now();
    const after = processStats(child.pid!);
    const clientCpuUsed = process.cpuUsage(clientCpu);

    // Every other window (the other participants and the facilitator) must receive every stored edit.
    const receiversOf = (edit: Edit) => [facilitator, ...participants.filter((_, j) => j !== edit.from)];
    const everyoneHas = () => edits.every((edit) => !edit.stored || receiversOf(edit).every((c) => c.arrivals.has(edit.batchId)));
    for (let waited = 0; waited < ROOM_GRACE_MS && !everyoneHas(); waited += 50) await sleepUntil(performance.now() + 50);
    loop.disable();
    const deadline = endedAt + ROOM_GRACE_MS;

    // The stored map holds every participant's cards as they last edited them (nobody else touches them).
    const finalMap = await facilitator.post('maps.get', { id: mapId });
    if (!finalMap.body?.ok) throw new Error(answerError('maps.get', finalMap));
    const stored = new Map((finalMap.body.value.touchpoints as { id: string; title: string; stageId: string }[]).map((t) => [t.id, t]));
    let cardsWrong = 0;
    for (const [id, expected] of lastSeen) {
      const card = stored.get(id);
      if (!card || card.title !== expected.title || card.stageId !== expected.stageId) {
        cardsWrong++;
        if (errors.length < 20) errors.push(`${id}: stored as ${JSON.stringify(card ?? null)}, last edited to ${JSON.stringify(expected)}`);
      }
    }

    const toAll: number[] = [];
    const perDelivery: number[] = [];
    let received = 0;
    let lost = 0;
    for (const edit of edits) {
      let latest = 0;
      let missing = 0;
      for (const receiver of receiversOf(edit)) {
        const at = receiver.arrivals.get(edit.batchId);
        if (at === undefined || at > deadline) {
          missing++;
          continue;
        }
        received++;
        perDelivery.push(at - edit.sentAt);
        latest = Math.max(latest, at - edit.sentAt);
      }
      if (!edit.stored || missing > 0) lost++;
      else toAll.push(latest);
    }
    const acks = edits.filter((e) => e.stored).map((e) => e.answeredAt! - e.sentAt);
    const wall = (endedAt - start) / 1000;
    const final = processStats(child.pid!);
    return {
      participants: participantCount,
      receiversPerEdit: participantCount,
      durationMs: options.durationMs,
      editsSent: edits.length,
      editsStored: edits.filter((e) => e.stored).length,
      deliveriesExpected: edits.length * participantCount,
      deliveriesReceived: received,
      editsLost: lost + cardsWrong,
      cardsWrong,
      cardsExpected: lastSeen.size,
      toAll: { p50: percentile(toAll, 50), p95: percentile(toAll, 95), max: toAll.length ? Math.max(...toAll) : NaN, count: toAll.length },
      perDelivery: { p50: percentile(perDelivery, 50), p95: percentile(perDelivery, 95) },
      ack: { p50: percentile(acks, 50), p95: percentile(acks, 95) },
      lateSends,
      duplicates: clients.reduce((sum, c) => sum + c.duplicates, 0),
      errors,
      host: {
        cpuPercent: before && after ? ((after.cpuSeconds - before.cpuSeconds) / wall) * 100 : undefined,
        rssMb: final?.rssMb,
        peakRssMb: final?.peakRssMb,
        errorLines: hostLog.join('').split('\n').filter((line) => line.includes('[throughline]')).length,
      },
      clients: { loopDelayP99Ms: loop.percentile(99) / 1e6, cpuPercent: ((clientCpuUsed.user + clientCpuUsed.system) / 1e6 / wall) * 100 },
      roomEvents: clients.reduce((sum, c) => sum + c.roomEvents, 0),
      roomMb: clients.reduce((sum, c) => sum + c.roomBytes, 0) / 1e6,
      loadAverage: (await import('node:os')).loadavg(),
    };
  } finally {
    for (const client of clients) client.close();
    if (child) await stopServe(child);
    const hostErrors = hostLog.join('').split('\n').filter((line) => /error|failed/i.test(line));
    if (hostErrors.length) console.error(`host output:\n${hostErrors.slice(0, 20).join('\n')}`);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The room figures, one line each (see bench/results.ts). */
export function reportRoomLoad(r: RoomLoadResult): void {
  const ms = (value: number) => `${value.toFixed(0)} ms`;
  report('room.edit_to_all_p95_ms', r.toAll.p95, 'ms', ROOM_BUDGET_P95_MS,
    `${r.participants} participants, an edit each every ${ROOM_EDIT_INTERVAL_MS / 1000} s for ${r.durationMs / 1000} s; until all ${r.receiversPerEdit} other windows have it (each window: p50 ${ms(r.perDelivery.p50)}, p95 ${ms(r.perDelivery.p95)}; stored answer p50 ${ms(r.ack.p50)}, p95 ${ms(r.ack.p95)})`);
  report('room.edit_to_all_p50_ms', r.toAll.p50, 'ms', null);
  report('room.edit_to_all_max_ms', r.toAll.max, 'ms', null);
  report('room.edits_lost', r.editsLost, 'edits', 0,
    `${r.editsSent} sent, ${r.editsStored} stored; ${r.deliveriesReceived} of ${r.deliveriesExpected} deliveries received; ${r.cardsExpected - r.cardsWrong} of ${r.cardsExpected} cards stored as last edited${r.duplicates ? `, ${r.duplicates} twice` : ''}${r.lateSends ? `; ${r.lateSends} sends late (previous edit unanswered)` : ''}`);
  report('room.edits_sent', r.editsSent, 'edits', null);
  report('room.deliveries_received', r.deliveriesReceived, 'deliveries', null, `of ${r.deliveriesExpected} expected`);
  if (r.host.cpuPercent !== undefined) report('room.host_cpu_percent', r.host.cpuPercent, '% of a core', null, `bench clients ${r.clients.cpuPercent.toFixed(0)}%, their event-loop delay p99 ${r.clients.loopDelayP99Ms.toFixed(0)} ms; ${r.roomEvents} room-state pushes (${r.roomMb.toFixed(0)} MB); load average ${r.loadAverage.map((l) => l.toFixed(1)).join(' ')}`);
  if (r.host.peakRssMb !== undefined) report('room.host_peak_rss_mb', r.host.peakRssMb, 'MB', null, `${r.host.rssMb?.toFixed(0)} MB at the end`);
  for (const error of r.errors.slice(0, 5)) console.log(`  ${error}`);
}
