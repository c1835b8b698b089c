import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { canvasOf, waitUntilSaved } from './helpers';

const fixture = path.join(__dirname, '..', 'fixtures', 'full-map.json');
const BUDGET = 12;

/** Opens the fixture map (Acme Analytics) with the mouse; from there on the tests use the keyboard only. */
async function openFixture(page: Page, app: { origin: string; token: string; url: string }) {
  const document = JSON.parse(fs.readFileSync(fixture, 'utf8'));
  await page.request.post(`${app.origin}/api/maps.import`, { data: { document }, headers: { 'x-throughline-token': app.token } });
  await page.goto(app.url);
  await page.getByRole('button', { name: 'Open Acme Analytics — enterprise journey' }).click();
  await expect(canvasOf(page).getByRole('article', { name: /^Tailored demo/ })).toBeVisible();
}

/** The keyboard, counting every key press (typing text is not counted). */
function countedKeyboard(page: Page) {
  let presses = 0;
  return {
    press: async (key: string) => {
      presses++;
      await page.keyboard.press(key);
    },
    type: (text: string) => page.keyboard.type(text),
    /** The presses since the last call. */
    take: () => {
      const taken = presses;
      presses = 0;
      return taken;
    },
  };
}

const card = (page: Page, title: string) => canvasOf(page).getByRole('article', { name: new RegExp(`^${title},`) });
const nodeOf = (page: Page, title: string) => canvasOf(page).locator('.react-flow__node', { has: page.getByRole('article', { name: new RegExp(`^${title},`) }) });
const notices = (page: Page) => page.getByRole('alert');

test('keyboard authoring: add a card, a supporter and a promise, connect it, move it — each in at most 12 key presses', async ({ app, page }) => {
  await openFixture(page, app);
  const keys = countedKeyboard(page);
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  const measured: Record<string, number> = {};

  // 1. A touchpoint in Purchase × Sales, its title typed on the card.
  await keys.press('Control+k');
  await expect(palette).toBeVisible();
  await expect(palette.getByRole('combobox', { name: 'Run a command' })).toBeFocused();
  await keys.type('add touchpoint in');
  await keys.press('Enter');
  await expect(palette.getByRole('combobox', { name: 'Add touchpoint in…' })).toBeFocused();
  await keys.type('purchase sales');
  await expect(palette.getByRole('option')).toHaveText(['Add touchpoint in Purchase · Sales']);
  await keys.press('Enter');
  await expect(palette).toHaveCount(0);
  await expect(canvasOf(page).getByRole('textbox', { name: 'Title' })).toBeFocused();
  await keys.type('Security review');
  await keys.press('Enter');
  await expect(card(page, 'Security review')).toHaveAccessibleName('Security review, Purchase, led by Sales');
  await expect(nodeOf(page, 'Security review')).toBeFocused();
  measured.add = keys.take();

  // 2. A supporting team and a promise, from the palette.
  await keys.press('Control+k');
  await keys.type('supporting');
  await keys.press('Enter');
  await keys.type('marketing');
  await expect(palette.getByRole('option')).toHaveText(['Add Marketing as supporter']);
  await keys.press('Enter');
  await keys.press('Control+k');
  await keys.type('promise');
  await keys.press('Enter');
  // Promises other cards make are offered word for word (one voice); a new one is typed.
  await expect(palette.getByRole('option', { name: /live in one day/ })).toBeVisible();
  await keys.type('free security audit');
  await keys.press('Enter');
  await expect(card(page, 'Security review')).toContainText('+ Marketing');
  await expect(card(page, 'Security review')).toContainText('“free security audit”');
  measured.supportAndPromise = keys.take();

  // 3. Connect it to the onboarding programme.
  const edges = canvasOf(page).locator('.react-flow__edge');
  const edgesBefore = await edges.count();
  await keys.press('Control+k');
  await keys.type('connect');
  await keys.press('Enter');
  await keys.type('onboarding');
  await expect(palette.getByRole('option')).toHaveText(['Connect “Security review” to “Onboarding programme”, Retention · Customer Success']);
  await page.screenshot({ path: 'test-results/screenshots/command-palette-connect-1920.png' });
  await keys.press('Enter');
  await expect(edges).toHaveCount(edgesBefore + 1);
  await expect(notices(page).filter({ hasText: 'Connected “Security review” to “Onboarding programme”' })).toBeVisible();
  measured.connect = keys.take();

  // 4. One stage right: the lead stays, and the room is told.
  await keys.press('Alt+ArrowRight');
  await expect(card(page, 'Security review')).toHaveAccessibleName('Security review, Retention, led by Sales');
  await expect(notices(page).filter({ hasText: 'Moved “Security review” to Retention · Sales' })).toBeVisible();
  measured.moveStage = keys.take();

  console.log(`key presses (typing not counted): ${JSON.stringify(measured)}`);
  for (const [task, presses] of Object.entries(measured)) expect(presses, task).toBeLessThanOrEqual(BUDGET);

  // A lane up is a handover: Marketing leads, Sales stays on as a supporter. Undo takes it back as one step.
  await page.keyboard.press('Alt+ArrowUp');
  await expect(card(page, 'Security review')).toHaveAccessibleName('Security review, Retention, led by Marketing');
  const handover = notices(page).filter({ hasText: 'Moved “Security review” to Retention · Marketing — Marketing now leads, Sales supports' });
  await expect(handover).toBeVisible();
  await expect(handover.getByRole('button', { name: 'Undo' })).toBeVisible();
  // One notice for the latest move, not one per move.
  await expect(notices(page).filter({ hasText: 'Moved “Security review” to Retention · Sales' })).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(card(page, 'Security review')).toHaveAccessibleName('Security review, Retention, led by Sales');
  await expect(card(page, 'Security review')).toContainText('+ Marketing');

  // The arrows move the selection; the selected card has the keyboard. Enter edits its title in place.
  await page.keyboard.press('ArrowLeft');
  await expect(nodeOf(page, 'Proposal and negotiation')).toBeFocused();
  await expect(card(page, 'Proposal and negotiation')).toHaveClass(/selected/);
  await page.keyboard.press('ArrowRight');
  await expect(nodeOf(page, 'Security review')).toBeFocused();
  await page.keyboard.press('Enter');
  await page.keyboard.type('Security and legal review');
  await page.keyboard.press('Enter');
  await expect(card(page, 'Security and legal review')).toHaveAccessibleName('Security and legal review, Retention, led by Sales');

  await waitUntilSaved(page);
  await page.reload();
  await expect(card(page, 'Security and legal review')).toHaveAccessibleName('Security and legal review, Retention, led by Sales');
  await page.keyboard.press('Control+k');
  await page.keyboard.type('go to');
  await page.keyboard.press('Enter');
  await page.keyboard.type('legal');
  await page.keyboard.press('Enter');
  const inspector = page.getByRole('complementary', { name: 'Inspector' });
  await expect(inspector.getByLabel('Title')).toHaveValue('Security and legal review');
  await expect(inspector.getByRole('group', { name: 'Supporting teams' }).getByLabel('Marketing')).toBeChecked();
  await expect(inspector.getByRole('list', { name: 'Promises' })).toContainText('free security audit');
  await expect(edges).toHaveCount(edgesBefore + 1);
});

test('arrows, N, Enter and the existing shortcuts go through one registry; the palette returns focus; F5 presents from a text field', async ({ app, page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await openFixture(page, app);
  const palette = page.getByRole('dialog', { name: 'Command palette' });

  // Nothing selected: an arrow selects the first card; Down goes through the cell.
  await page.keyboard.press('ArrowRight');
  await expect(nodeOf(page, 'Industry webinar series')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(nodeOf(page, 'LinkedIn thought leadership')).toBeFocused();
  await expect(card(page, 'LinkedIn thought leadership')).toHaveClass(/selected/);
  await page.screenshot({ path: 'test-results/screenshots/keyboard-focus-1366.png' });

  // N adds to the selected card's cell and opens its title.
  await page.keyboard.press('n');
  await page.keyboard.type('Podcast');
  await page.keyboard.press('Enter');
  await expect(card(page, 'Podcast')).toHaveAccessibleName('Podcast, Awareness, led by Marketing');
  await expect(nodeOf(page, 'Podcast')).toBeFocused();

  // Duplicate, Delete, Undo, Select all, Escape: the keys that were there before.
  await page.keyboard.press('Control+d');
  await expect(card(page, 'Podcast')).toHaveCount(2);
  await page.keyboard.press('Control+z');
  await expect(card(page, 'Podcast')).toHaveCount(1);
  // Undo took the copy, and the selection with it; Enter selects the card that has the keyboard.
  await expect(nodeOf(page, 'Podcast')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(card(page, 'Podcast')).toHaveClass(/selected/);
  await page.keyboard.press('Delete');
  await expect(card(page, 'Podcast')).toHaveCount(0);
  await page.keyboard.press('Control+Shift+z');
  await expect(card(page, 'Podcast')).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(card(page, 'Podcast')).toHaveCount(1);
  // Select all: 11 touchpoints, 2 handoffs and the note.
  await page.keyboard.press('Control+a');
  await expect(canvasOf(page).locator('.react-flow__node.selected')).toHaveCount(14);
  await page.keyboard.press('Escape');
  await expect(canvasOf(page).locator('.react-flow__node.selected')).toHaveCount(0);

  // The palette lists what applies now, with its keys; Escape closes it and gives focus back.
  await page.keyboard.press('ArrowRight');
  await expect(nodeOf(page, 'Industry webinar series')).toBeFocused();
  await page.keyboard.press('Control+k');
  await expect(palette.getByRole('option', { name: /^Move to next stage/ })).toContainText('Alt+→');
  await expect(palette.getByRole('option', { name: /^Export PDF/ })).toBeVisible();
  await expect(palette.getByRole('option', { name: /^Next stage/ })).toHaveCount(0);
  await page.screenshot({ path: 'test-results/screenshots/command-palette-1366.png' });
  await page.keyboard.type('MOVE lane below');
  await expect(palette.getByRole('option')).toHaveText([/^Move to lane below/]);
  await page.keyboard.press('Escape');
  await expect(palette).toHaveCount(0);
  await expect(nodeOf(page, 'Industry webinar series')).toBeFocused();

  // ↑/↓ choose in the palette; Enter runs the chosen one.
  await page.keyboard.press('Control+k');
  await page.keyboard.type('fit');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+k');
  await page.keyboard.type('move stage');
  const options = palette.getByRole('option');
  await expect(options).toHaveText([/^Move to next stage/, /^Move to previous stage/]);
  await expect(options.first()).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowDown');
  await expect(options.nth(1)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowUp');
  await expect(options.first()).toHaveText(/^Move to next stage/);
  await page.keyboard.press('Enter');
  await expect(card(page, 'Industry webinar series')).toHaveAccessibleName('Industry webinar series, Interest, led by Marketing');

  // The shortcut sheet lists the registry.
  await page.keyboard.press('?');
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(sheet).toContainText('Move to lane above: its team leads, the previous lead supports');
  await expect(sheet).toContainText('Ctrl+K');
  await expect(sheet).toContainText('Next stage (slide clickers send Page Down)');
  await page.screenshot({ path: 'test-results/screenshots/shortcut-sheet-1366.png' });
  await page.keyboard.press('Escape');
  await expect(sheet).toHaveCount(0);

  // F5 from a text field presents (the typed title is kept) instead of reloading the page.
  await page.keyboard.press('Enter');
  await page.keyboard.type('Webinar series');
  await page.keyboard.press('F5');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Interest');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Consideration');
  await page.keyboard.press('Escape');
  await expect(card(page, 'Webinar series')).toHaveAccessibleName('Webinar series, Interest, led by Marketing');
});
