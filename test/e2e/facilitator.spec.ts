import fs from 'node:fs';
import path from 'node:path';
import { test, expect } from './fixtures';
import { canvasOf } from './helpers';

const fixture = path.join(__dirname, '..', 'fixtures', 'full-map.json');

async function openFixture(page: import('@playwright/test').Page, app: { origin: string; token: string; url: string }) {
  const document = JSON.parse(fs.readFileSync(fixture, 'utf8'));
  await page.request.post(`${app.origin}/api/maps.import`, { data: { document }, headers: { 'x-throughline-token': app.token } });
  await page.goto(app.url);
  await page.getByRole('button', { name: 'Open Acme Analytics — enterprise journey' }).click();
  await expect(canvasOf(page).getByRole('article', { name: /^Tailored demo/ })).toBeVisible();
}

test('Present steps through the stages with the arrows and clicker keys; Escape returns to editing', async ({ app, page }) => {
  await openFixture(page, app);
  await page.getByRole('button', { name: 'Present' }).click();
  const heading = page.getByRole('heading', { level: 1 });
  await expect(heading).toHaveText('Awareness');
  await expect(page.getByText('Stage 1 of 6')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Palette' })).toHaveCount(0);
  await expect(page.getByRole('complementary', { name: 'Inspector' })).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Problems' })).toHaveCount(0);

  await page.keyboard.press('ArrowRight');
  await expect(heading).toHaveText('Interest');
  await page.keyboard.press('PageDown');
  await page.keyboard.press('PageDown');
  await expect(heading).toHaveText('Intent');
  // Findings stay visible as badges; only the spotlit stage is on screen.
  const trial = canvasOf(page).getByRole('article', { name: /^Free trial with guided setup/ });
  await expect(trial).toHaveClass(/issue-outline-error/);
  await expect(canvasOf(page).getByRole('article', { name: /^Cold outbound sequence/ })).toHaveCount(0);
  await page.waitForTimeout(500); // the camera glides to the stage; let it settle for the screenshot
  await page.screenshot({ path: 'test-results/screenshots/present-intent.png' });

  // Editing a title in place still works while presenting.
  await trial.dblclick();
  const title = canvasOf(page).getByRole('textbox', { name: 'Title' });
  await title.fill('Guided trial');
  await title.press('Enter');
  await expect(canvasOf(page).getByRole('article', { name: /^Guided trial, Intent/ })).toBeVisible();

  await page.keyboard.press('PageUp');
  await expect(heading).toHaveText('Consideration');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('region', { name: 'Palette' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Acme Analytics — enterprise journey');
  // F5 presents from the selected card's stage (the trial card is still selected).
  await page.keyboard.press('F5');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Intent');
  await page.getByRole('button', { name: 'Exit presentation' }).click();
  await expect(page.getByRole('region', { name: 'Palette' })).toBeVisible();
});

test('save a version, change the map, restore the version: the change is gone, and undo brings it back', async ({ app, page }) => {
  await openFixture(page, app);
  const canvas = canvasOf(page);
  await page.getByRole('button', { name: 'Versions' }).click();
  const dialog = page.getByRole('dialog', { name: 'Versions' });
  await dialog.getByLabel('Version name').fill('after workshop 1');
  await dialog.getByRole('button', { name: 'Save version' }).click();
  await expect(dialog.getByRole('list', { name: 'Saved versions' })).toContainText('after workshop 1');
  await expect(dialog.getByRole('list', { name: 'Saved versions' })).toContainText('6 stages · 10 touchpoints · 2 handoffs');
  await dialog.getByRole('button', { name: 'Close' }).click();

  // Change the map: delete a card.
  await canvas.getByRole('article', { name: /^Cold outbound sequence/ }).click();
  await page.keyboard.press('Delete');
  await expect(canvas.getByRole('article', { name: /^Cold outbound sequence/ })).toHaveCount(0);

  await page.getByRole('button', { name: 'Versions' }).click();
  await dialog.getByRole('button', { name: 'Compare after workshop 1 with now' }).click();
  await expect(dialog.getByRole('list', { name: 'Changes since this version' })).toContainText('Removed “Cold outbound sequence”');
  await dialog.getByRole('button', { name: 'Open after workshop 1' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Viewing version' })).toContainText('“after workshop 1”');
  await expect(canvas.getByRole('article', { name: /^Cold outbound sequence/ })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Palette' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Back to the current map' }).click();
  await expect(canvas.getByRole('article', { name: /^Cold outbound sequence/ })).toHaveCount(0);

  await page.getByRole('button', { name: 'Versions' }).click();
  await dialog.getByRole('button', { name: 'Restore after workshop 1' }).click();
  await expect(canvas.getByRole('article', { name: /^Cold outbound sequence/ })).toBeVisible();
  await expect(page.getByRole('toolbar', { name: 'Edit' }).getByRole('button', { name: 'Undo' })).toHaveAttribute('title', 'Undo: Restore version “after workshop 1” (Ctrl+Z)');

  await page.getByRole('toolbar', { name: 'Edit' }).getByRole('button', { name: 'Undo' }).click();
  await expect(canvas.getByRole('article', { name: /^Cold outbound sequence/ })).toHaveCount(0);
  await page.getByRole('button', { name: 'Versions' }).click();
  await expect(dialog.getByRole('list', { name: 'Saved versions' })).toContainText('Before restoring “after workshop 1”');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();
  await page.reload();
  await expect(canvas.getByRole('article', { name: /^Cold outbound sequence/ })).toHaveCount(0);
});

test('focus a team, run the session timer, and open the shortcut sheet', async ({ app, page }) => {
  await openFixture(page, app);
  await page.getByLabel('Focus team').selectOption({ label: 'Focus: Customer Success' });
  const nodeOf = (name: RegExp) => page.locator('.react-flow__node', { has: page.getByRole('article', { name }) });
  await expect(nodeOf(/^Onboarding programme/)).not.toHaveClass(/dimmed/);
  await expect(nodeOf(/^Tailored demo/)).toHaveClass(/dimmed/);
  await page.getByLabel('Focus team').selectOption({ label: 'All teams' });
  await expect(nodeOf(/^Tailored demo/)).not.toHaveClass(/dimmed/);

  const timer = page.getByRole('group', { name: 'Session timer' });
  await expect(timer.getByRole('timer')).toHaveText('00:00');
  await timer.getByRole('button', { name: 'Start timer' }).click();
  await expect(timer.getByRole('timer')).not.toHaveText('00:00', { timeout: 3000 });
  await timer.getByRole('button', { name: 'Pause timer' }).click();
  const paused = await timer.getByRole('timer').textContent();
  await page.waitForTimeout(1100);
  await expect(timer.getByRole('timer')).toHaveText(paused!);
  await timer.getByRole('button', { name: 'Reset timer' }).click();
  await expect(timer.getByRole('timer')).toHaveText('00:00');

  await page.keyboard.press('?');
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(sheet).toContainText('Next stage (slide clickers send Page Down)');
  await page.keyboard.press('Escape');
  await expect(sheet).toHaveCount(0);
});
