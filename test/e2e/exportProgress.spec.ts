import fs from 'node:fs';
import { execFileSync } from 'node:child_process';
import { test, expect } from './fixtures';
import { exportAs, importGeneratedMap } from './helpers';

test('a slow PDF export shows its progress, keeps the host answering, and then downloads', async ({ app, page }, testInfo) => {
  test.setTimeout(120_000);
  // A map big enough that its deck takes seconds to draw (12,000 cards: about 3 s on a 2-core machine since
  // the export got faster); imported through the API to keep the test short.
  const map = await importGeneratedMap(page, app, 12_000, 'big-journey');

  await page.goto(app.url);
  await page.getByRole('button', { name: `Open ${map.name}` }).click();
  // Opening 12,000 cards while the other test worker runs can take longer than the usual 5 s; this test is about the export.
  await expect(page.getByRole('region', { name: 'Canvas' })).toBeVisible({ timeout: 30_000 });

  const download = page.waitForEvent('download', { timeout: 90_000 });
  await exportAs(page, 'Export PDF');
  const bar = page.getByRole('progressbar', { name: 'Exporting PDF' });
  await expect(bar).toBeVisible({ timeout: 10_000 });

  // The bar is determinate and moves forward, with words for what is happening.
  const seen: number[] = [];
  const readProgress = () => page.evaluate(() => document.querySelector('[role="progressbar"]')?.getAttribute('aria-valuenow') ?? null);
  for (let i = 0, now = await readProgress(); i < 60 && now !== null; i++, now = await readProgress()) {
    seen.push(Number(now));
    if (seen.length === 2) {
      fs.mkdirSync('test-results/screenshots', { recursive: true });
      await page.screenshot({ path: 'test-results/screenshots/export-progress.png' });
      await page.locator('.export-progress').screenshot({ path: 'test-results/screenshots/export-progress-card.png' });
    }
    // While the deck is drawn, the host still answers at once.
    const started = Date.now();
    const list = await page.request.post(`${app.origin}/api/maps.list`, { headers: { 'x-throughline-token': app.token }, data: {}, timeout: 5_000 });
    expect(list.status()).toBe(200);
    expect(Date.now() - started).toBeLessThan(1_000);
    await page.waitForTimeout(150);
  }
  expect(seen.length).toBeGreaterThan(2);
  expect(seen).toEqual([...seen].sort((a, b) => a - b));
  expect(seen[seen.length - 1]!).toBeGreaterThan(seen[0]!);

  const file = await download;
  expect(file.suggestedFilename()).toBe(`${map.name}.pdf`);
  const saved = testInfo.outputPath('big-deck.pdf');
  await file.saveAs(saved);
  await expect(bar).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Export', exact: true })).toBeEnabled();
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [saved], { encoding: 'utf8' }))![1]);
  expect(pages).toBeGreaterThan(100);
});
