import { test, expect } from './fixtures';
import { canvasOf, cellCentre, centreOf, createMap, dropFromPalette, fitMap, waitUntilSaved } from './helpers';

test('a dragged card shows the cell it will land in; the drop is announced with Undo; handles are easy to hit', async ({ app, page }) => {
  await createMap(page, app.url, 'Safe pointer');
  const canvas = canvasOf(page);
  await dropFromPalette(page, 'Touchpoint', await cellCentre(page, 'Interest', 'Marketing'));
  await page.getByRole('complementary', { name: 'Inspector' }).getByLabel('Title').fill('Webinar');
  await page.keyboard.press('Enter');
  await waitUntilSaved(page);
  await fitMap(page);

  // Connection handles: a target of at least 16 px on screen, even with the whole map in view.
  const card = canvas.getByRole('article', { name: /^Webinar,/ });
  await card.hover();
  for (const handle of await page.locator('.react-flow__node-touchpoint .react-flow__handle').all()) {
    const box = (await handle.boundingBox())!;
    expect(Math.min(box.width, box.height)).toBeGreaterThanOrEqual(16);
  }

  const from = await centreOf(card);
  const to = await cellCentre(page, 'Intent', 'Sales');
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + 10, from.y + 10, { steps: 3 });
  await page.mouse.move(to.x, to.y, { steps: 12 });
  const target = page.locator('.drop-target');
  await expect(target).toBeVisible();
  await expect(target).toContainText('Intent · Sales');
  await expect(target).toHaveClass(/changes-hands/);
  await page.screenshot({ path: 'test-results/screenshots/drop-target.png' });
  await page.mouse.up();
  await expect(target).toHaveCount(0);

  const notice = page.getByRole('alert').filter({ hasText: 'Moved “Webinar” to Intent · Sales' });
  await expect(notice).toContainText('Sales now leads');
  await expect(canvas.getByRole('article', { name: 'Webinar, Intent, led by Sales' })).toBeVisible();
  await notice.getByRole('button', { name: 'Undo' }).click();
  await expect(canvas.getByRole('article', { name: 'Webinar, Interest, led by Marketing' })).toBeVisible();
});
