import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { chromium, type CDPSession, type Page } from '@playwright/test';
import { build } from 'vite';
import react from '@vitejs/plugin-react';
import type { JourneyMap } from '../shared/model/journeyMap';
import { toDocument } from '../shared/format/document';
import { startServe, stopServe } from './serve';
import { median, percentile } from './measure';

// Run from the project root (npm run bench); the bundle itself lives in dist/.
const root = process.cwd();

/** A frame counts as quick (nothing but the frame itself) under this many ms; 60 Hz frames are 16.7 ms. */
const QUICK_FRAME_MS = 20;
/** How long a gesture's aftermath is waited for at most. */
const SETTLE_LIMIT_MS = 2000;

/**
 * Frame times (ms between animation frames) recorded in the page while `act` runs and until the page has
 * settled after it: what a gesture sets off when it ends (a dropped card placed, a panned map drawn crisp)
 * is its own cost, not the next gesture's. Settled means two quick frames in a row; they are not counted,
 * so waiting adds no idle frames to the figures.
 */
export async function frameTimes(page: Page, act: () => Promise<void>): Promise<number[]> {
  await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __recording: boolean };
    w.__frames = [];
    w.__recording = true;
    let last = performance.now();
    const tick = (now: number) => {
      w.__frames.push(now - last);
      last = now;
      if (w.__recording) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  await act();
  return page.evaluate(
    ({ quick, limit }) =>
      new Promise<number[]>((resolve) => {
        const w = window as unknown as { __frames: number[]; __recording: boolean };
        const actEnded = w.__frames.length;
        const started = performance.now();
        const check = () => {
          const frames = w.__frames;
          const n = frames.length;
          const settled = n - actEnded >= 2 && frames[n - 1]! < quick && frames[n - 2]! < quick;
          if (settled || performance.now() - started > limit) {
            w.__recording = false;
            resolve(frames.slice(1, settled ? n - 2 : n));
          } else requestAnimationFrame(check);
        };
        requestAnimationFrame(check);
      }),
    { quick: QUICK_FRAME_MS, limit: SETTLE_LIMIT_MS },
  );
}

async function drag(page: Page, from: { x: number; y: number }, by: { x: number; y: number }, steps: number) {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  for (let i = 1; i <= steps; i++) await page.mouse.move(from.x + (by.x * i) / steps, from.y + (by.y * i) / steps);
  await page.mouse.up();
}

/**
 * A point where a press lands on the empty pane (not on a card, header or panel), searched from the
 * area's bottom-right corner, so the "pan" really pans on both pages.
 */
function emptyPaneSpot(page: Page, area: { x: number; y: number; width: number; height: number }) {
  return page.evaluate((box) => {
    for (let y = box.y + box.height - 30; y > box.y + 30; y -= 12) {
      for (let x = box.x + box.width - 30; x > box.x + 30; x -= 12) {
        if (document.elementFromPoint(x, y)?.classList.contains('react-flow__pane')) return { x, y };
      }
    }
    throw new Error('no empty pane to pan on');
  }, area);
}

/** The card nearest the middle of the area: drags and pans move cards about, so it is looked for each round. */
function cardNearMiddle(page: Page, selector: string, area: { x: number; y: number; width: number; height: number }) {
  return page.evaluate(
    ({ selector, box }) => {
      const [cx, cy] = [box.x + box.width / 2, box.y + box.height / 2];
      let best: { x: number; y: number; width: number; height: number } | undefined;
      let bestDistance = Infinity;
      for (const element of document.querySelectorAll(selector)) {
        const r = element.getBoundingClientRect();
        if (r.left < box.x || r.top < box.y || r.right > box.x + box.width || r.bottom > box.y + box.height) continue;
        const distance = Math.hypot(r.left + r.width / 2 - cx, r.top + r.height / 2 - cy);
        if (distance < bestDistance) [best, bestDistance] = [{ x: r.left, y: r.top, width: r.width, height: r.height }, distance];
      }
      if (!best) throw new Error(`no ${selector} in view`);
      return best;
    },
    { selector, box: area },
  );
}

/** A drag of a card (or node) and a pan of the empty pane, repeated; frame times collected for each. */
export async function interact(page: Page, cardSelector: string, paneArea: { x: number; y: number; width: number; height: number }, rounds: number) {
  const dragFrames: number[] = [];
  const panFrames: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const card = await cardNearMiddle(page, cardSelector, paneArea);
    dragFrames.push(...(await frameTimes(page, () => drag(page, { x: card.x + card.width / 2, y: card.y + card.height / 2 }, { x: 60, y: 40 }, 30))));
    const paneSpot = await emptyPaneSpot(page, paneArea);
    panFrames.push(...(await frameTimes(page, () => drag(page, paneSpot, { x: round % 2 ? -150 : 150, y: 40 }, 30))));
  }
  return { dragFrames, panFrames };
}

function staticServer(dir: string): Promise<{ url: string; close: () => void }> {
  const server = http.createServer((req, res) => {
    const file = path.join(dir, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname).replace(/^\/+/, '') || 'index.html');
    if (!file.startsWith(dir)) return res.writeHead(404).end();
    fs.readFile(file, (error, data) => {
      if (error) return res.writeHead(404).end();
      res.writeHead(200, { 'content-type': file.endsWith('.js') ? 'text/javascript' : file.endsWith('.css') ? 'text/css' : 'text/html' }).end(data);
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${(server.address() as { port: number }).port}/`, close: () => server.close() })));
}

type Stats = { median: number; p95: number };
type Pair = { ours: Stats; bare: Stats };

export interface CanvasFigures {
  drag: Pair;
  pan: Pair;
  /** The same gestures with the CPU slowed 4× (DevTools protocol), where 60 Hz no longer hides the work. */
  throttled: { drag: Pair; pan: Pair };
  startMs: number;
  nodes: number;
  edges: number;
}

/** How many times the 1,000-card map is opened for the start-up figure (its median). */
const START_OPENINGS = 5;

/** How much the CPU is slowed for the throttled figures, as DevTools' "4× slowdown". */
export const CPU_THROTTLE = 4;

/** A fixed piece of work timed in the page, in ms: shows whether the slowdown is in effect. */
const busyWorkMs = (page: Page) =>
  page.evaluate(() => {
    const started = performance.now();
    let sum = 0;
    for (let i = 0; i < 2e7; i++) sum += i % 7;
    return sum > 0 ? performance.now() - started : 0;
  });

/**
 * Slows the page's CPU as DevTools does. The slowdown lasts only while its DevTools session is attached
 * (detaching it silently ends it, which once left these figures unthrottled), so the session is returned,
 * and the slowdown is checked with a piece of work timed before and after.
 */
async function throttle(page: Page, rate: number): Promise<CDPSession> {
  const before = Math.min(await busyWorkMs(page), await busyWorkMs(page));
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  const after = Math.min(await busyWorkMs(page), await busyWorkMs(page));
  if (after < (before * rate) / 2) throw new Error(`the CPU slowdown did not take effect (${before.toFixed(0)} ms of work before, ${after.toFixed(0)} ms after)`);
  return cdp;
}

async function unthrottle(cdp: CDPSession): Promise<void> {
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  await cdp.detach();
}

const stats = (frames: number[]): Stats => ({ median: median(frames), p95: percentile(frames, 95) });

/**
 * The canvas in Debian's Chromium: the 1,000-touchpoint map through `throughline serve` against a bare
 * @xyflow/react page with as many default nodes and edges, both driven by the same pointer gestures.
 */
export async function measureCanvas(map: JourneyMap, rounds: number, large?: JourneyMap): Promise<CanvasFigures & { large?: { dragP95: number; dragMedian: number; cards: number } }> {
  const bareDir = fs.mkdtempSync(path.join(os.tmpdir(), 'throughline-bare-'));
  await build({ root: path.join(process.cwd(), 'bench', 'bare'), base: './', plugins: [react()], logLevel: 'warn', build: { outDir: bareDir, emptyOutDir: true } });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'throughline-bench-'));
  const serve = await startServe(path.join(root, 'bin', 'throughline.cjs'), dataDir);
  const bare = await staticServer(bareDir);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    const response = await page.request.post(`${serve.origin}/api/maps.import`, { data: { document: toDocument(map) }, headers: { 'x-throughline-token': serve.token } });
    const mapId = ((await response.json()) as { value: { map: { id: string } } }).value.map.id;

    // Start: from navigation to the map drawn, timed in the page (performance.now() counts from the
    // navigation's start), so the benchmark's own round trips to the browser are not in it.
    await page.addInitScript(() => {
      const look = () => {
        const cards = document.querySelectorAll('.react-flow__node-touchpoint');
        if (cards.length > 0 && [...cards].every((card) => getComputedStyle(card).visibility !== 'hidden')) (window as unknown as { __drawnAt: number }).__drawnAt = performance.now();
        else requestAnimationFrame(look);
      };
      requestAnimationFrame(look);
    });
    await page.goto(serve.url);
    // The median of a few openings: one opening on this machine varies by a few hundred milliseconds.
    const openings: number[] = [];
    for (let opening = 0; opening < START_OPENINGS; opening++) {
      await page.goto(`${serve.origin}/?map=${encodeURIComponent(mapId)}`);
      // Drawn: the cards in view are in the page and measured (React Flow keeps a node hidden until it is).
      // A tall map does not fit the view at the smallest zoom, and only the cards in view are rendered.
      await page
        .waitForFunction(() => (window as unknown as { __drawnAt?: number }).__drawnAt !== undefined, undefined, { timeout: 120_000 })
        .catch(async (error: Error) => {
          const shot = path.join(os.tmpdir(), 'throughline-bench-start-failed.png');
          await page.screenshot({ path: shot });
          throw new Error(`the 1,000-card map was not drawn (${await page.locator('.react-flow__node-touchpoint').count()} cards in the page; screenshot ${shot}): ${error.message}`);
        });
      openings.push(await page.evaluate(() => (window as unknown as { __drawnAt: number }).__drawnAt));
    }
    const startMs = median(openings);
    // What the canvas holds (cards, handoffs, notes, two nodes per lane and per stage), whether or not all of it is in the DOM.
    const unowned = map.touchpoints.some((t) => !t.ownerTeamIds.some((id) => map.teams.some((team) => team.id === id))) ? 1 : 0;
    const nodes = map.touchpoints.length + map.handoffs.length + map.notes.length + 2 * (map.teams.length + unowned) + 2 * map.stages.length;
    const edges = map.connections.length;
    // Zoom in around the first column with the wheel, as a facilitator would, on both pages alike.
    const zoomIn = async (p: Page, selector: string) => {
      // The first card shown: right after "Fit map" some are still unmeasured, and React Flow hides those.
      const card = p.locator(selector).locator('visible=true').first();
      await card.waitFor();
      const first = (await card.boundingBox())!;
      await p.mouse.move(first.x + first.width / 2, first.y + first.height / 2);
      for (let i = 0; i < 6; i++) await p.mouse.wheel(0, -200);
      await p.waitForTimeout(600);
    };
    // A large map opens at a readable zoom; the bare page opens fitted. Fit ours too, so the same wheel
    // steps bring both to the same zoom.
    await page.getByRole('button', { name: 'Fit map' }).click();
    await page.waitForTimeout(500);
    await zoomIn(page, '.react-flow__node-touchpoint');
    const canvasBox = (await page.locator('.canvas').boundingBox())!;
    const ours = await interact(page, '.react-flow__node-touchpoint', canvasBox, rounds);

    const barePage = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await barePage.goto(`${bare.url}?nodes=${nodes}&edges=${edges}&columns=${map.stages.length}`);
    await barePage.waitForFunction((count) => document.querySelectorAll('.react-flow__node').length >= count, nodes, { timeout: 120_000 });
    await zoomIn(barePage, '.react-flow__node');
    const bareArea = { x: 0, y: 0, width: 1920, height: 1080 };
    const bareResult = await interact(barePage, '.react-flow__node', bareArea, rounds);

    // The same gestures with the CPU slowed: ours and the bare page in alternation, so both see the same machine.
    const slowedOurs = await throttle(page, CPU_THROTTLE);
    const slowedBare = await throttle(barePage, CPU_THROTTLE);
    const slowOurs = { dragFrames: [] as number[], panFrames: [] as number[] };
    const slowBare = { dragFrames: [] as number[], panFrames: [] as number[] };
    for (let round = 0; round < rounds; round++) {
      const a = await interact(page, '.react-flow__node-touchpoint', canvasBox, 1);
      const b = await interact(barePage, '.react-flow__node', bareArea, 1);
      slowOurs.dragFrames.push(...a.dragFrames);
      slowOurs.panFrames.push(...a.panFrames);
      slowBare.dragFrames.push(...b.dragFrames);
      slowBare.panFrames.push(...b.panFrames);
    }
    await unthrottle(slowedOurs);
    await unthrottle(slowedBare);
    await barePage.close();

    let largeFigures: { dragP95: number; dragMedian: number; cards: number } | undefined;
    if (large) {
      const response = await page.request.post(`${serve.origin}/api/maps.import`, { data: { document: toDocument(large) }, headers: { 'x-throughline-token': serve.token } });
      const largeId = ((await response.json()) as { value: { map: { id: string } } }).value.map.id;
      await page.goto(`${serve.origin}/?map=${encodeURIComponent(largeId)}`);
      // Large maps render what is in view only: wait for cards, then for the canvas to settle.
      await page.waitForSelector('.react-flow__node-touchpoint', { timeout: 120_000 });
      await page.waitForTimeout(1000);
      await zoomIn(page, '.react-flow__node-touchpoint');
      const dragged = await interact(page, '.react-flow__node-touchpoint', canvasBox, rounds);
      largeFigures = { dragP95: percentile(dragged.dragFrames, 95), dragMedian: median(dragged.dragFrames), cards: large.touchpoints.length };
    }

    return {
      drag: { ours: stats(ours.dragFrames), bare: stats(bareResult.dragFrames) },
      pan: { ours: stats(ours.panFrames), bare: stats(bareResult.panFrames) },
      throttled: {
        drag: { ours: stats(slowOurs.dragFrames), bare: stats(slowBare.dragFrames) },
        pan: { ours: stats(slowOurs.panFrames), bare: stats(slowBare.panFrames) },
      },
      startMs,
      nodes,
      edges,
      large: largeFigures,
    };
  } finally {
    await browser.close();
    bare.close();
    await stopServe(serve.child);
    fs.rmSync(bareDir, { recursive: true, force: true });
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The canvas figures, as npm run bench reports them. */
export function reportCanvas(canvas: Awaited<ReturnType<typeof measureCanvas>>, report: (name: string, value: number, unit: string, budget: number | null, detail?: string) => void): void {
  const detail = (pair: Pair) => `ours ${pair.ours.median.toFixed(1)}/${pair.ours.p95.toFixed(1)} ms, bare ${pair.bare.median.toFixed(1)}/${pair.bare.p95.toFixed(1)} ms (median/p95)`;
  // Frame times at 60 Hz come in whole frames with ±0.1 ms of timer jitter (33.35 and 33.45 ms are both two
  // frames), so times and ratios are taken in frames.
  const inFrames = (ms: number) => Math.max(1, Math.round(ms / (1000 / 60))) * (1000 / 60);
  const ratio = (ours: number, bare: number) => inFrames(ours) / inFrames(bare);
  report('canvas.drag_median_vs_bare', ratio(canvas.drag.ours.median, canvas.drag.bare.median), '×', 1.5, detail(canvas.drag));
  report('canvas.drag_p95_vs_bare', ratio(canvas.drag.ours.p95, canvas.drag.bare.p95), '×', 1.5);
  report('canvas.pan_median_vs_bare', ratio(canvas.pan.ours.median, canvas.pan.bare.median), '×', 1.5, detail(canvas.pan));
  report('canvas.pan_p95_vs_bare', ratio(canvas.pan.ours.p95, canvas.pan.bare.p95), '×', 1.5);
  const slow = canvas.throttled;
  report('canvas.drag_p95_throttled_vs_bare', ratio(slow.drag.ours.p95, slow.drag.bare.p95), '×', 1, `CPU ${CPU_THROTTLE}× slower: ${detail(slow.drag)}`);
  report('canvas.pan_p95_throttled_vs_bare', ratio(slow.pan.ours.p95, slow.pan.bare.p95), '×', 1, `CPU ${CPU_THROTTLE}× slower: ${detail(slow.pan)}`);
  if (canvas.large) {
    report('canvas.drag_p95_5000_ms', inFrames(canvas.large.dragP95), 'ms', 33.4, `${canvas.large.cards} cards, ${Math.round(canvas.large.dragP95 / (1000 / 60))} frames at 60 Hz (${canvas.large.dragP95.toFixed(2)} ms measured), median ${canvas.large.dragMedian.toFixed(1)} ms`);
  }
  report('start.map_1000_drawn_ms', canvas.startMs, 'ms', 500, `median of ${START_OPENINGS} openings, from navigation (timed in the page); ${canvas.nodes} nodes, ${canvas.edges} edges`);
}
