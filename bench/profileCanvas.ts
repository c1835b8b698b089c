// Where the canvas spends its time during a gesture: a CPU profile of the page (DevTools protocol) while
// the 1,000-card map (or --cards N) is panned or a card dragged, summed by function (self time).
//   npm run build && node bench/bundle.mjs bench/profileCanvas.ts dist/bench/profileCanvas.cjs
//   node dist/bench/profileCanvas.cjs pan|drag|start [--cards 5000] [--throttle 4] [--save profile.cpuprofile]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { chromium, type Page } from '@playwright/test';
import { generateMap } from './generateMap';
import { toDocument } from '../shared/format/document';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  hitCount?: number;
  children?: number[];
}

const argument = (name: string) => {
  const index = process.argv.indexOf(name);
  return index === -1 ? undefined : process.argv[index + 1];
};

async function gesture(page: Page, kind: string) {
  const box = (await page.locator('.canvas').boundingBox())!;
  if (kind === 'pan') {
    for (let round = 0; round < 4; round++) {
      // Looked for each round: the last pan moved the cards about.
      const spot = await page.evaluate((b) => {
        for (let y = b.y + b.height - 30; y > b.y + 30; y -= 12)
          for (let x = b.x + b.width - 30; x > b.x + 30; x -= 12) if (document.elementFromPoint(x, y)?.classList.contains('react-flow__pane')) return { x, y };
        throw new Error('no empty pane');
      }, box);
      await page.mouse.move(spot.x, spot.y);
      await page.mouse.down();
      for (let i = 1; i <= 30; i++) await page.mouse.move(spot.x + ((round % 2 ? -150 : 150) * i) / 30, spot.y + (40 * i) / 30);
      await page.mouse.up();
    }
  } else {
    for (let round = 0; round < 4; round++) {
      const card = (await page.locator('.react-flow__node-touchpoint').nth(3).boundingBox())!;
      const from = { x: card.x + card.width / 2, y: card.y + card.height / 2 };
      await page.mouse.move(from.x, from.y);
      await page.mouse.down();
      for (let i = 1; i <= 30; i++) await page.mouse.move(from.x + (60 * i) / 30, from.y + (40 * i) / 30);
      await page.mouse.up();
    }
  }
}

async function main() {
  const kind = process.argv[2] ?? 'pan';
  const cards = Number(argument('--cards') ?? 1000);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'throughline-profile-'));
  // THROUGHLINE_BENCH_CLI: another build's CLI (say, one with an unminified renderer beside it).
  const cli = process.env.THROUGHLINE_BENCH_CLI || path.join(process.cwd(), 'bin', 'throughline.cjs');
  const child = spawn(process.execPath, [cli, 'serve', '--port', '0', '--data', dataDir], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /running at (\S+)/.exec(out);
      if (match) resolve(match[1]!);
    });
  });
  const origin = new URL(url).origin;
  const token = new URL(url).hash.replace('#token=', '');
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    const response = await page.request.post(`${origin}/api/maps.import`, { data: { document: toDocument(generateMap(cards)) }, headers: { 'x-throughline-token': token } });
    const mapId = ((await response.json()) as { value: { map: { id: string } } }).value.map.id;
    await page.goto(url);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    const throttle = Number(argument('--throttle') ?? 1);
    if (throttle > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
    if (kind === 'start') await cdp.send('Profiler.start');
    const started = Date.now();
    await page.goto(`${origin}/?map=${encodeURIComponent(mapId)}`);
    await page.waitForSelector('.react-flow__node-touchpoint', { timeout: 120_000 });
    console.log(`first card drawn after ${Date.now() - started} ms`);
    if (kind !== 'start') {
      await page.waitForTimeout(800);
      const first = (await page.locator('.react-flow__node-touchpoint').first().boundingBox())!;
      await page.mouse.move(first.x + first.width / 2, first.y + first.height / 2);
      for (let i = 0; i < 6; i++) await page.mouse.wheel(0, -200);
      await page.waitForTimeout(600);
      await cdp.send('Profiler.start');
      await gesture(page, kind);
    }
    const { profile } = (await cdp.send('Profiler.stop')) as { profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] } };
    const save = argument('--save');
    if (save) fs.writeFileSync(save, JSON.stringify(profile));
    // Self time per function, from the samples.
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const self = new Map<string, number>();
    profile.samples.forEach((id, i) => {
      const frame = byId.get(id)!.callFrame;
      const key = `${frame.functionName || '(anonymous)'} ${frame.url.split('/').pop()}:${frame.lineNumber}`;
      self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
    });
    const total = [...self.values()].reduce((a, b) => a + b, 0);
    console.log(`${kind}: ${total.toFixed(0)} ms sampled; top functions by self time:`);
    for (const [name, ms] of [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`${ms.toFixed(1).padStart(8)} ms  ${name}`);
    // Inclusive time: each sample counts once for every distinct function on its stack.
    const parent = new Map<number, number>();
    for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
    const inclusive = new Map<string, number>();
    profile.samples.forEach((id, i) => {
      const seen = new Set<string>();
      for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
        const frame = byId.get(at)!.callFrame;
        if (!frame.url) continue;
        const key = `${frame.functionName || '(anonymous)'} ${frame.url.split('/').pop()}:${frame.lineNumber}`;
        if (seen.has(key)) continue;
        seen.add(key);
        inclusive.set(key, (inclusive.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
      }
    });
    console.log('top functions by inclusive time:');
    for (const [name, ms] of [...inclusive.entries()].sort((a, b) => b[1] - a[1]).slice(0, Number(argument('--top') ?? 40))) console.log(`${ms.toFixed(1).padStart(8)} ms  ${name}`);
  } finally {
    await browser.close();
    child.kill('SIGTERM');
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
