import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { test, expect, startServe } from './fixtures';
import { canvasOf, cellCentre, createMap, dropFromPalette, waitUntilSaved } from './helpers';

/** A second window (its own browser context, as another tab or person would be) on the map the first has open. */
async function secondWindow(browser: Browser, first: Page, url: string) {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const page = await context.newPage();
  await page.goto(url);
  const mapUrl = new URL(first.url());
  await page.goto(`${mapUrl.origin}/${mapUrl.search}`);
  await expect(canvasOf(page)).toBeVisible();
  return { context, page };
}

const inspector = (page: Page) => page.getByRole('complementary', { name: 'Inspector' });
const card = (page: Page, title: string) => canvasOf(page).getByRole('article', { name: new RegExp(`^${title},`) });

async function addCard(page: Page, stage: string, lane: string, title: string) {
  await dropFromPalette(page, 'Touchpoint', await cellCentre(page, stage, lane));
  await inspector(page).getByLabel('Title').fill(title);
  await page.keyboard.press('Enter');
  await waitUntilSaved(page);
}

test('two windows on one map: live updates, merged fields and lists, a same-field conflict told with one click to put it back', async ({ app, page, browser }) => {
  await createMap(page, app.url, 'Shared session');
  await addCard(page, 'Interest', 'Marketing', 'Webinar');
  const other = await secondWindow(browser, page, app.url);
  const b = other.page;
  await expect(card(b, 'Webinar')).toBeVisible();

  // A change made in one window shows in the other within a second.
  await addCard(b, 'Intent', 'Sales', 'Pricing call');
  await expect(card(page, 'Pricing call')).toBeVisible({ timeout: 1_000 });

  // Different fields of one card, and one list edited in both windows at once: everything is kept.
  await card(page, 'Webinar').click();
  await card(b, 'Webinar').click();
  await inspector(b).getByRole('textbox', { name: 'Promises' }).fill('No code needed');
  await inspector(page).getByLabel('Channel').fill('Online event');
  await inspector(page).getByRole('textbox', { name: 'Promises' }).fill('Live in one day');
  await inspector(page).getByRole('textbox', { name: 'Promises' }).press('Enter');
  await inspector(b).getByRole('textbox', { name: 'Promises' }).press('Enter');
  for (const window of [page, b]) {
    await expect(inspector(window).getByRole('list', { name: 'Promises' })).toContainText('Live in one day');
    await expect(inspector(window).getByRole('list', { name: 'Promises' })).toContainText('No code needed');
    await expect(inspector(window).getByLabel('Channel')).toHaveValue('Online event');
  }

  // B goes offline and renames the card; A renames it too. When B is back, B's later value wins,
  // both windows show it, and A is told, with one click to put its own back.
  await other.context.setOffline(true);
  await inspector(b).getByLabel('Title').fill('Title from B');
  await b.keyboard.press('Enter');
  await expect(b.getByRole('status')).toHaveText('Not saved yet — retrying', { timeout: 10_000 });
  await inspector(page).getByLabel('Title').fill('Title from A');
  await page.keyboard.press('Enter');
  await waitUntilSaved(page);
  await other.context.setOffline(false);
  await expect(b.getByRole('status')).toHaveText('Saved', { timeout: 15_000 });
  await expect(card(page, 'Title from B')).toBeVisible({ timeout: 2_000 });
  const notice = page.getByRole('alert').filter({ hasText: "Another window changed the touchpoint's title" });
  await expect(notice).toContainText('from “Title from A” to “Title from B”');
  await page.screenshot({ path: 'test-results/screenshots/conflict-notice.png' });
  await notice.getByRole('button', { name: 'Put mine back' }).click();
  await expect(card(page, 'Title from A')).toBeVisible();
  await expect(card(b, 'Title from A')).toBeVisible({ timeout: 2_000 });

  // Undo in A takes back only A's own last step ("Put my value back"), not B's promise.
  await waitUntilSaved(page);
  await page.getByRole('toolbar', { name: 'Edit' }).getByRole('button', { name: 'Undo' }).click();
  await expect(card(b, 'Title from B')).toBeVisible({ timeout: 2_000 });
  await expect(inspector(b).getByRole('list', { name: 'Promises' })).toContainText('No code needed');
  await other.context.close();
});

/**
 * A host of our own that the test can kill -9 and start again on the same data folder and port; the
 * test gets the first URL, a way to kill it, and a way to start the second one.
 */
async function restartableHost(name: string, run: (host: { url: string; kill(): Promise<void>; restart(): Promise<string> }) => Promise<void>) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `throughline-e2e-${name}-`));
  const first = await startServe(dataDir);
  let second: Awaited<ReturnType<typeof startServe>> | undefined;
  try {
    await run({
      url: first.url,
      kill: async () => {
        first.child.kill('SIGKILL');
        await new Promise((resolve) => first.child.once('exit', resolve));
      },
      restart: async () => {
        second = await startServe(dataDir, Number(new URL(first.url).port));
        return second.url;
      },
    });
  } finally {
    if (first.child.exitCode === null && first.child.signalCode === null) first.child.kill('SIGKILL');
    second?.child.kill('SIGTERM');
    if (second) await new Promise((resolve) => second!.child.once('exit', resolve));
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

test('a card being dragged stays under the pointer while another window edits the map, and lands where it is dropped', async ({ app, page, browser }) => {
  await createMap(page, app.url, 'Dragging while others edit');
  await addCard(page, 'Interest', 'Marketing', 'Webinar');
  await addCard(page, 'Awareness', 'Marketing', 'Display ad');
  await page.keyboard.press('Escape');
  const other = await secondWindow(browser, page, app.url);
  const b = other.page;
  await expect(card(b, 'Display ad')).toBeVisible();

  const webinar = card(page, 'Webinar');
  const home = (await webinar.boundingBox())!;
  const from = { x: home.x + home.width / 2, y: home.y + home.height / 2 };
  const to = await cellCentre(page, 'Intent', 'Sales');
  const underPointer = async (point: { x: number; y: number }) => {
    const box = (await webinar.boundingBox())!;
    return point.x > box.x && point.x < box.x + box.width && point.y > box.y && point.y < box.y + box.height;
  };
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + 10, from.y + 10, { steps: 3 });
  await page.mouse.move(to.x, to.y, { steps: 12 });
  expect(await underPointer(to)).toBe(true);

  // Mid-drag, the other window renames a card: this window shows it, and the dragged card stays put.
  await card(b, 'Display ad').click();
  await inspector(b).getByLabel('Title').fill('Banner ad');
  await b.keyboard.press('Enter');
  await expect(card(page, 'Banner ad')).toBeVisible();
  expect(await underPointer(to)).toBe(true);
  await expect(page.locator('.drop-target')).toContainText('Intent · Sales');

  await page.mouse.up();
  for (const window of [page, b]) await expect(canvasOf(window).getByRole('article', { name: 'Webinar, Intent, led by Sales' })).toBeVisible();

  // A card dropped back in its own cell changes nothing and goes back to its place.
  const placed = (await webinar.boundingBox())!;
  const start = { x: placed.x + placed.width / 2, y: placed.y + placed.height / 2 };
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(start.x + 30, start.y + 20, { steps: 6 });
  await page.mouse.up();
  await expect.poll(async () => (await webinar.boundingBox())!.x).toBeCloseTo(placed.x, 0);
  expect((await webinar.boundingBox())!.y).toBeCloseTo(placed.y, 0);
  await expect(page.getByRole('alert').filter({ hasText: 'Moved “Webinar”' })).toHaveCount(1);
  await other.context.close();
});

test('the host killed under an open tab: an edit made while it is down is stored when it is back on the same port', async ({ page }) => {
  await restartableHost('restart', async (host) => {
    await createMap(page, host.url, 'Survives a crash');
    await addCard(page, 'Interest', 'Marketing', 'Before the crash');
    await host.kill();
    await card(page, 'Before the crash').click();
    await inspector(page).getByLabel('Title').fill('Typed while the host was down');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status')).toHaveText('Not saved yet — retrying');

    const again = await host.restart();
    expect(new URL(again).hash).toBe(new URL(host.url).hash);
    await expect(page.getByRole('status')).toHaveText('Saved', { timeout: 15_000 });
    await page.reload();
    await expect(card(page, 'Typed while the host was down')).toBeVisible();
  });
});

test('an edit made while the host is down survives a reload of the tab and is stored when the host is back', async ({ page }) => {
  await restartableHost('reload', async (host) => {
    await createMap(page, host.url, 'Kept in the browser');
    await addCard(page, 'Intent', 'Sales', 'Discovery call');
    await host.kill();
    await card(page, 'Discovery call').click();
    await inspector(page).getByLabel('Channel').fill('Phone');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status')).toHaveText('Not saved yet — retrying');

    await host.restart();
    await page.reload();
    await expect(page.getByRole('status')).toHaveText('Saved', { timeout: 15_000 });
    await card(page, 'Discovery call').click();
    await expect(inspector(page).getByLabel('Channel')).toHaveValue('Phone');
    await page.reload();
    await card(page, 'Discovery call').click();
    await expect(inspector(page).getByLabel('Channel')).toHaveValue('Phone');
  });
});
