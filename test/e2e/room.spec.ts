import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Locator, Page } from '@playwright/test';
import { test as base, expect, startServe } from './fixtures';
import { canvasOf, cellCentre, createMap, dropFromPalette, waitUntilSaved } from './helpers';

/** `throughline serve --lan --invite-host 127.0.0.1`: the room session, contacted on loopback only. */
const test = base.extend<{ room: { url: string } }>({
  room: async ({}, use) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'throughline-e2e-room-'));
    const { child, url } = await startServe(dataDir, 0, ['--lan', '--invite-host', '127.0.0.1']);
    await use({ url });
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    fs.rmSync(dataDir, { recursive: true, force: true });
  },
});

const card = (page: Page, title: string) => canvasOf(page).getByRole('article', { name: new RegExp(`^${title},`) });
const people = (page: Page) => page.getByRole('region', { name: 'People' });

/** Opens the room through Invite and reads the join link; `look` may check the dialog before it is closed. */
async function inviteLink(page: Page, look?: (dialog: Locator) => Promise<void>) {
  await page.getByRole('button', { name: 'Invite' }).click();
  const dialog = page.getByRole('dialog', { name: 'Invite the room' });
  await expect(dialog.getByLabel('Join link')).toHaveValue(/#join=/);
  const link = await dialog.getByLabel('Join link').inputValue();
  await look?.(dialog);
  await dialog.getByRole('button', { name: 'Done' }).click();
  return link;
}

/** A participant's laptop: its own browser context, the join link, a name. */
async function joinAs(browser: Browser, link: string, name: string) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  await page.goto(link);
  await page.getByLabel('Your name').fill(name);
  await page.getByRole('button', { name: 'Join' }).click();
  await expect(canvasOf(page)).toBeVisible();
  await expect(people(page)).toContainText(name);
  return { context, page };
}

async function addCard(page: Page, stage: string, lane: string, title: string) {
  await dropFromPalette(page, 'Touchpoint', await cellCentre(page, stage, lane));
  await page.getByRole('complementary', { name: 'Inspector' }).getByLabel('Title').fill(title);
  await page.keyboard.press('Enter');
  await waitUntilSaved(page);
}

test('the room edits together: join by link with a name, live edits both ways, roles enforced by the host, presence, follow Present, a dot vote, an offline participant, Stop sharing', async ({ room, page, browser }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1920, height: 1080 });
  await createMap(page, room.url, 'Workshop in the room');

  // Invite: the join link (loopback here) and its QR code.
  const link = await inviteLink(page, async (dialog) => {
    await expect(dialog.getByLabel('Join link')).toHaveValue(/^http:\/\/127\.0\.0\.1:\d+\/#join=[A-Za-z0-9_-]{43}$/);
    await expect(dialog.getByRole('img', { name: 'QR code of the join link' })).toBeVisible();
    await page.screenshot({ path: 'test-results/screenshots/room-invite-dialog.png' });
  });

  const ana = await joinAs(browser, link, 'Ana');
  const ben = await joinAs(browser, link, 'Ben');
  // A participant sees this map only: no way back to the list of maps, no versions, no rule settings.
  await expect(ana.page.getByRole('button', { name: 'Back to maps' })).toHaveCount(0);
  await expect(ana.page.getByRole('button', { name: 'Versions' })).toHaveCount(0);
  await expect(ana.page.getByRole('button', { name: 'Rule settings' })).toHaveCount(0);

  // A participant who reloads the page is still in, as the same person.
  await ana.page.reload();
  await expect(canvasOf(ana.page)).toBeVisible();
  await expect(people(ana.page)).toContainText('Ana (you)');
  await expect(people(page).getByRole('listitem')).toHaveCount(3);

  // People: everyone, in their colours; the facilitator sets roles.
  for (const name of ['Facilitator', 'Ana', 'Ben']) await expect(people(page)).toContainText(name);
  await expect(people(page).getByLabel('Role of Ana')).toHaveValue('edit');

  // Edits both ways, each seen by the others within a second.
  await addCard(ana.page, 'Awareness', 'Marketing', 'Trade show booth');
  await expect(card(page, 'Trade show booth')).toBeVisible({ timeout: 1_000 });
  await expect(card(ben.page, 'Trade show booth')).toBeVisible({ timeout: 1_000 });
  await addCard(page, 'Interest', 'Marketing', 'Webinar');
  await expect(card(ana.page, 'Webinar')).toBeVisible({ timeout: 1_000 });
  await expect(people(page).getByRole('list', { name: 'Recent edits' })).toContainText('Ana added “Trade show booth”');

  // Presence: Ana's selection shows on the facilitator's canvas with her name.
  await card(ana.page, 'Trade show booth').click();
  await expect(card(page, 'Trade show booth').locator('..').locator('.presence-tag', { hasText: 'Ana' })).toBeVisible({ timeout: 2_000 });

  // One undo history per person: Ana's Undo takes back her card, not the facilitator's.
  await ana.page.getByRole('toolbar', { name: 'Edit' }).getByRole('button', { name: 'Undo' }).click();
  await expect(card(page, 'Trade show booth')).toHaveCount(0, { timeout: 2_000 });
  await expect(card(page, 'Webinar')).toBeVisible();
  await ana.page.getByRole('toolbar', { name: 'Edit' }).getByRole('button', { name: 'Redo' }).click();
  await expect(card(page, 'Trade show booth')).toBeVisible({ timeout: 2_000 });

  // Ben is set to "Can view": his window offers no editing, and the host refuses an edit sent anyway.
  await people(page).getByLabel('Role of Ben').selectOption({ label: 'Can view' });
  await expect(ben.page.getByRole('region', { name: 'Palette' })).toHaveCount(0);
  const refused = await ben.page.evaluate(async () => {
    const pass = JSON.parse(sessionStorage.getItem('throughline.roomPass')!);
    const response = await fetch('./api/maps.storeChange', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-throughline-participant': pass.token },
      body: JSON.stringify({ id: pass.mapId, clientId: 'ben-console', batchId: 'sneaky-1', ops: [{ op: 'set', path: ['name'], value: 'Renamed by Ben' }] }),
    });
    return response.json();
  });
  expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  await expect(page.locator('.map-title')).toHaveText('Workshop in the room');

  // Follow Present: participants see the stage the facilitator presents; they may leave and come back.
  const heading = (p: Page) => p.locator('.present-stage');
  await page.getByRole('button', { name: 'Present', exact: true }).click();
  const first = await heading(page).innerText();
  await expect(heading(ana.page)).toHaveText(first, { timeout: 2_000 });
  await page.keyboard.press('ArrowRight');
  await expect(heading(page)).not.toHaveText(first);
  const second = await heading(page).innerText();
  await expect(heading(ana.page)).toHaveText(second, { timeout: 2_000 });
  await expect(heading(ben.page)).toHaveText(second, { timeout: 2_000 });
  await ana.page.screenshot({ path: 'test-results/screenshots/room-participant-following.png' });
  await ana.page.getByRole('button', { name: 'Exit presentation' }).click();
  await expect(ana.page.getByRole('button', { name: 'Follow the facilitator' })).toBeVisible();
  await page.keyboard.press('ArrowRight');
  await expect(heading(page)).not.toHaveText(second);
  const third = await heading(page).innerText();
  await expect(heading(ben.page)).toHaveText(third, { timeout: 2_000 });
  await expect(heading(ana.page)).toHaveCount(0);
  await ana.page.getByRole('button', { name: 'Follow the facilitator' }).click();
  await expect(heading(ana.page)).toHaveText(third, { timeout: 2_000 });
  await page.getByRole('button', { name: 'Exit presentation' }).click();
  await expect(heading(ana.page)).toHaveCount(0, { timeout: 2_000 });

  // A dot vote: two dots each; counts are live and kept with the map.
  await people(page).getByLabel('Dots each').fill('2');
  await people(page).getByRole('button', { name: 'Start a dot vote' }).click();
  const addDot = (p: Page, title: string) => canvasOf(p).getByRole('button', { name: `Add a dot to “${title}”` });
  await addDot(ana.page, 'Trade show booth').click();
  await addDot(ana.page, 'Webinar').click();
  await expect(addDot(ana.page, 'Trade show booth')).toBeDisabled();
  await addDot(ben.page, 'Trade show booth').click();
  await expect(card(page, 'Trade show booth')).toHaveAccessibleName(/2 votes$/, { timeout: 2_000 });
  await expect(card(page, 'Webinar')).toHaveAccessibleName(/1 vote$/);
  await ana.page.screenshot({ path: 'test-results/screenshots/room-participant-laptop.png' });
  await people(page).getByRole('button', { name: 'End the vote' }).click();

  // Ana offline for 10 s: her edit waits, then merges with what the room did meanwhile.
  await ana.context.setOffline(true);
  await card(ana.page, 'Webinar').click();
  await ana.page.getByRole('complementary', { name: 'Inspector' }).getByLabel('Channel').fill('Online event');
  await ana.page.keyboard.press('Enter');
  await addCard(page, 'Awareness', 'Sales', 'Cold call');
  await ana.page.waitForTimeout(10_000);
  await expect(ana.page.getByRole('status').filter({ hasText: /^Not saved yet/ })).toBeVisible();
  await ana.context.setOffline(false);
  await expect(ana.page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible({ timeout: 15_000 });
  await expect(card(page, 'Webinar')).toHaveAccessibleName(/Webinar/);
  await card(page, 'Webinar').click();
  await expect(page.getByRole('complementary', { name: 'Inspector' }).getByLabel('Channel')).toHaveValue('Online event', { timeout: 2_000 });
  await expect(card(ana.page, 'Cold call')).toBeVisible();

  // Leaving the map does not end the session: the list of maps says which map is shared, and leads back.
  await page.getByRole('button', { name: 'Back to maps' }).click();
  const banner = page.getByRole('status').filter({ hasText: 'is shared with the room' });
  await expect(banner).toContainText('“Workshop in the room” is shared with the room — 2 people in it');
  await page.screenshot({ path: 'test-results/screenshots/room-home-banner.png' });
  await addCard(ana.page, 'Retention', 'Customer Success', 'Renewal call');
  await banner.getByRole('button', { name: 'Go to the shared map' }).click();
  await expect(card(page, 'Renewal call')).toBeVisible();

  // Stop sharing cuts both off at once.
  await people(page).getByRole('button', { name: 'Stop sharing' }).click();
  for (const participant of [ana, ben]) {
    await expect(participant.page.getByRole('heading', { name: 'The session has ended' })).toBeVisible({ timeout: 3_000 });
    await expect(canvasOf(participant.page)).toHaveCount(0);
  }
  await expect(people(page)).toHaveCount(0);
  await ana.context.close();
  await ben.context.close();
});

test('while the facilitator presents, the room sees who has a card selected and votes on the stage on screen', async ({ room, page, browser }) => {
  test.setTimeout(60_000);
  await page.setViewportSize({ width: 1920, height: 1080 });
  await createMap(page, room.url, 'Voting while presenting');
  await addCard(page, 'Awareness', 'Marketing', 'Trade show booth');
  await page.keyboard.press('Escape');
  const ana = await joinAs(browser, await inviteLink(page), 'Ana');
  await people(page).getByLabel('Dots each').fill('3');
  await people(page).getByRole('button', { name: 'Start a dot vote' }).click();

  await page.getByRole('button', { name: 'Present', exact: true }).click();
  const presented = (p: Page) => p.locator('.present-stage-view').getByRole('article', { name: /^Trade show booth,/ });
  await expect(presented(ana.page)).toBeVisible({ timeout: 2_000 });
  // Ana picks the card on her laptop: the shared screen rings it with her name.
  await presented(ana.page).getByRole('heading', { name: 'Trade show booth' }).click();
  await expect(presented(page).locator('.presence-tag')).toHaveText('Ana', { timeout: 2_000 });
  // She puts two dots on it without leaving the presentation; the shared screen counts them.
  const addDot = presented(ana.page).getByRole('button', { name: 'Add a dot to “Trade show booth”' });
  await addDot.click();
  await expect(presented(ana.page)).toHaveAccessibleName(/1 vote$/, { timeout: 2_000 });
  await addDot.click();
  await expect(presented(page)).toHaveAccessibleName(/2 votes$/, { timeout: 2_000 });
  await expect(presented(page).getByRole('img', { name: '2 votes' })).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/room-present-vote.png' });
  await ana.page.screenshot({ path: 'test-results/screenshots/room-present-vote-participant.png' });
  await ana.context.close();
});
