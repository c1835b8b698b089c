import type { Locator, Page } from '@playwright/test';
import { expect, type ServedApp } from './fixtures';
import { generateMap } from '../../bench/generateMap';

/** Creates a map from a template through the home screen and waits for its canvas. */
export async function createMap(page: Page, url: string, name: string, template: 'B2B funnel' | 'Blank' = 'B2B funnel') {
  await page.goto(url);
  await page.getByRole('button', { name: 'New map' }).click();
  await page.getByLabel('Map name').fill(name);
  await page.getByRole('radio', { name: new RegExp(template) }).check();
  await page.getByRole('button', { name: 'Create map' }).click();
  await expect(page.getByRole('region', { name: 'Canvas' })).toBeVisible();
}

export const canvasOf = (page: Page) => page.getByRole('region', { name: 'Canvas' });

/** The screen point at the middle of the cell of a stage (column header) and a team (lane label). */
export async function cellCentre(page: Page, stage: string, lane: string) {
  const canvas = canvasOf(page);
  const column = (await canvas.getByRole('heading', { name: stage, level: 2 }).boundingBox())!;
  const row = (await canvas.locator('.lane-label', { has: page.getByRole('heading', { name: lane, level: 3 }) }).boundingBox())!;
  return { x: column.x + column.width / 2, y: row.y + row.height / 2 };
}

/** A pointer drag with intermediate moves, as a hand would make it. */
export async function dragBy(page: Page, from: { x: number; y: number }, to: { x: number; y: number }) {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + 10, from.y + 10, { steps: 3 });
  await page.mouse.move(to.x, to.y, { steps: 12 });
  await page.mouse.up();
}

/**
 * The middle of an element once it stays put: right after a map opens, React Flow may still be fitting
 * the view, and a press aimed at where a card was a moment ago lands on the empty pane.
 */
export async function centreOf(locator: Locator) {
  await waitUntilStill(async () => JSON.stringify(await locator.boundingBox()));
  const box = (await locator.boundingBox())!;
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Waits until what `read` returns is the same twice in a row, a moment apart (a view done moving). */
async function waitUntilStill(read: () => Promise<string>) {
  let last: string | undefined;
  await expect
    .poll(async () => {
      const now = await read();
      const still = now === last;
      last = now;
      return still;
    }, { intervals: [100, 100, 100, 100, 200, 200, 500] })
    .toBe(true);
}

/** Drags a palette item onto the canvas at a screen point (HTML drag and drop). */
export async function dropFromPalette(page: Page, item: string, at: { x: number; y: number }) {
  const canvas = canvasOf(page);
  const box = (await canvas.boundingBox())!;
  const source = page.getByRole('region', { name: 'Palette' }).getByRole('button', { name: item, exact: true });
  await expect(source).toBeVisible();
  // The palette never moves, so Playwright's stability wait (two animation frames with the same box) adds
  // nothing here; on a busy machine it once waited out a whole test. What the drop does is asserted by callers.
  await source.dragTo(canvas, { force: true, targetPosition: { x: at.x - box.x, y: at.y - box.y } });
}

export async function waitUntilSaved(page: Page) {
  await expect(page.getByRole('status')).toHaveText('Saved');
}

/** Fits the whole map in view and waits for the zoom animation to finish. */
export async function fitMap(page: Page) {
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Fit map' }).click();
  const viewport = page.locator('.react-flow__viewport');
  await waitUntilStill(async () => (await viewport.getAttribute('style')) ?? '');
}

/** Exports through the bar's Export menu, as a user would: open it, pick the format. */
export async function exportAs(page: Page, item: 'Export agreement (PDF)' | 'Export agreement (Markdown)' | 'Export PDF' | 'Export PowerPoint' | 'Export JSON' | 'Export PNG' | 'Export SVG' | 'Export CSV') {
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await page.getByRole('group', { name: 'Export formats' }).getByRole('button', { name: item }).click();
}

/** Imports a file through the home screen's Import button and its file chooser. */
export async function importFile(page: Page, file: string) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import' }).click();
  await (await chooser).setFiles(file);
}

/** From the home screen: imports a map file, opens it, and waits for its cards. */
export async function importAndOpen(page: Page, url: string, file: string, mapName: string) {
  await page.goto(url);
  await importFile(page, file);
  await page.getByRole('button', { name: `Open ${mapName}` }).click();
  await expect(canvasOf(page).getByRole('article').first()).toBeVisible();
}

/** The benchmarks' generated map of `cards` touchpoints, imported through the API (quicker than the file picker for big maps). */
export async function importGeneratedMap(page: Page, app: ServedApp, cards: number, id: string) {
  const map = generateMap(cards, id);
  const imported = await page.request.post(`${app.origin}/api/maps.import`, {
    headers: { 'x-throughline-token': app.token, 'content-type': 'application/json' },
    data: { document: { format: 'throughline/journey-map', version: 1, map } },
    timeout: 60_000,
  });
  expect((await imported.json()).ok).toBe(true);
  return map;
}
