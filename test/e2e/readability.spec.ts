import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, type ServedApp } from './fixtures';
import { canvasOf, fitMap, importAndOpen } from './helpers';

const FIXTURE = path.join(__dirname, '..', 'fixtures', 'workshop-map.json');
const SIZES = [
  { name: 'projector', width: 1920, height: 1080, editTitle: 14, presentTitle: 28 },
  { name: 'laptop', width: 1366, height: 768, editTitle: 12, presentTitle: 20 },
] as const;

const openWorkshopMap = (page: Page, app: ServedApp) => importAndOpen(page, app.url, FIXTURE, 'Northwind Analytics — workshop');

/** The size a text is drawn at on screen: its font size times every scale between it and the screen. */
async function screenFontSizes(page: Page, selector: string): Promise<number[]> {
  return page.locator(selector).evaluateAll((elements) =>
    elements.map((element) => {
      const fontSize = parseFloat(getComputedStyle(element).fontSize);
      const box = element.getBoundingClientRect();
      const scale = (element as HTMLElement).offsetWidth > 0 ? box.width / (element as HTMLElement).offsetWidth : 1;
      return fontSize * scale;
    }),
  );
}

for (const size of SIZES) {
  test.describe(`at ${size.width}×${size.height} (${size.name})`, () => {
    test.use({ viewport: { width: size.width, height: size.height } });

    test(`Present: every stage's card titles are at least ${size.presentTitle} px and every lane label is on screen beside the cards`, async ({ app, page }) => {
      await openWorkshopMap(page, app);
      await page.getByRole('button', { name: 'Present' }).click();
      const stageCount = 7;
      for (let stage = 1; stage <= stageCount; stage++) {
        await expect(page.getByText(`Stage ${stage} of ${stageCount}`)).toBeVisible();
        const sizes = await screenFontSizes(page, '.present-card-title');
        expect(sizes.length).toBeGreaterThan(0);
        for (const px of sizes) expect(px).toBeGreaterThanOrEqual(size.presentTitle);
        const labels = page.locator('.present-lane-label');
        await expect(labels).toHaveCount(3);
        for (const label of await labels.all()) {
          const box = (await label.boundingBox())!;
          expect(box.x).toBeGreaterThanOrEqual(0);
          expect(box.y).toBeGreaterThanOrEqual(0);
          expect(box.y + box.height).toBeLessThanOrEqual(size.height);
        }
        const labelsRight = Math.max(...(await Promise.all((await labels.all()).map(async (l) => { const b = (await l.boundingBox())!; return b.x + b.width; }))));
        for (const card of await page.locator('.present-card').all()) {
          const box = (await card.boundingBox())!;
          expect(box.x).toBeGreaterThanOrEqual(labelsRight);
          expect(box.x + box.width).toBeLessThanOrEqual(size.width);
          expect(box.y + box.height).toBeLessThanOrEqual(size.height);
        }
        if (stage === 4) await page.screenshot({ path: `test-results/screenshots/present-${size.name}.png` });
        await page.keyboard.press('ArrowRight');
      }
    });

    test(`edit mode: after Fit map, card titles are at least ${size.editTitle} px`, async ({ app, page }) => {
      await openWorkshopMap(page, app);
      await fitMap(page);
      const sizes = await screenFontSizes(page, '.card-title');
      expect(sizes.length).toBe(20);
      for (const px of sizes) expect(px).toBeGreaterThanOrEqual(size.editTitle);
      await page.screenshot({ path: `test-results/screenshots/edit-${size.name}.png` });
    });
  });
}

test('stage and lane names stay in view while the map is scrolled', async ({ app, page }) => {
  await openWorkshopMap(page, app);
  await fitMap(page);
  const canvas = canvasOf(page);
  await expect(page.locator('.sticky-stage')).toHaveCount(0);
  for (let i = 0; i < 4; i++) await page.getByRole('button', { name: 'Zoom In' }).click();
  // Drag the empty pane up and to the left: the header row and the lane labels leave the canvas.
  const box = (await canvas.boundingBox())!;
  const start = { x: box.x + box.width - 40, y: box.y + box.height - 40 };
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(start.x - 400, start.y - 300, { steps: 10 });
  await page.mouse.up();
  await expect(page.locator('.sticky-stage').first()).toBeVisible();
  await expect(page.locator('.sticky-stage', { hasText: 'Awareness' })).toHaveCount(1);
  await expect(page.locator('.sticky-lane', { hasText: 'Marketing' })).toHaveCount(1);
  await page.screenshot({ path: 'test-results/screenshots/sticky-labels.png' });
});

test('a stage with more cards than fit pages with the same keys: cards 1–8 of 12, then 9–12, then the next stage', async ({ app, page }) => {
  const document = JSON.parse(fs.readFileSync(FIXTURE, 'utf8'));
  for (let i = 0; i < 9; i++) {
    document.map.touchpoints.push({ id: `extra${i}`, stageId: 'it', title: `Intent card ${i + 1}`, ownerTeamIds: [i % 2 ? 'sales' : 'mkt'] });
  }
  document.map.id = 'paged-map';
  document.map.name = 'Paged';
  const file = path.join(test.info().outputPath('paged.json'));
  fs.writeFileSync(file, JSON.stringify(document));
  await importAndOpen(page, app.url, file, 'Paged');
  await page.getByRole('button', { name: 'Present' }).click();
  const heading = page.getByRole('heading', { level: 1 });
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
  await expect(heading).toHaveText('Intent');
  await expect(page.getByText('cards 1–8 of 12')).toBeVisible();
  await expect(page.locator('.present-card')).toHaveCount(8);
  for (const px of await screenFontSizes(page, '.present-card-title')) expect(px).toBeGreaterThanOrEqual(28);
  await page.keyboard.press('PageDown');
  await expect(heading).toHaveText('Intent');
  await expect(page.getByText('cards 9–12 of 12')).toBeVisible();
  await expect(page.locator('.present-card')).toHaveCount(4);
  await page.keyboard.press('ArrowRight');
  await expect(heading).toHaveText('Purchase');
  await page.keyboard.press('ArrowLeft');
  await expect(heading).toHaveText('Intent');
  await expect(page.getByText('cards 9–12 of 12')).toBeVisible();
  // A text size set by hand holds on this stage and is back to normal on the next.
  const before = (await screenFontSizes(page, '.present-card-title'))[0]!;
  await page.getByRole('button', { name: 'Larger text' }).click();
  expect((await screenFontSizes(page, '.present-card-title'))[0]!).toBeGreaterThan(before);
  await page.keyboard.press('ArrowRight');
  await expect(heading).toHaveText('Purchase');
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByText('cards 9–12 of 12')).toBeVisible();
  expect((await screenFontSizes(page, '.present-card-title'))[0]!).toBeCloseTo(before, 0);
});

test('a map opens already fitted to the view: no frame shows it at 100 % first and then jumps', async ({ app, page }) => {
  await openWorkshopMap(page, app);
  // Every frame from the start of the page: the map's transform whenever the map is visible.
  await page.addInitScript(() => {
    const shown: string[] = ((window as unknown as { __shown: string[] }).__shown = []);
    const tick = () => {
      const viewport = document.querySelector<HTMLElement>('.react-flow__viewport');
      if (viewport && getComputedStyle(viewport).visibility === 'visible') shown.push(viewport.style.transform);
      if (shown.length < 20) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  await page.reload();
  await expect(canvasOf(page).getByRole('heading', { name: 'Awareness', level: 2 })).toBeVisible();
  await expect.poll(() => page.evaluate(() => (window as unknown as { __shown: string[] }).__shown.length)).toBeGreaterThanOrEqual(20);
  const shown = await page.evaluate(() => (window as unknown as { __shown: string[] }).__shown);
  expect(shown.filter((transform) => transform === 'translate(0px, 0px) scale(1)')).toEqual([]);
});
