import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { test, expect } from './fixtures';
import { exportAs } from './helpers';

const fixture = path.join(__dirname, '..', 'fixtures', 'full-map.json');

test('import a file through the chooser, open it, export JSON through the download: the same map comes back', async ({ app, page }, testInfo) => {
  await page.goto(app.url);
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import' }).click();
  await (await chooser).setFiles(fixture);
  await expect(page.getByRole('status')).toHaveText('Imported “Acme Analytics — enterprise journey”.');
  await page.getByRole('button', { name: 'Open Acme Analytics — enterprise journey' }).click();
  await expect(page.getByRole('article', { name: 'Tailored demo, Intent, led by Sales' })).toBeVisible();

  const download = page.waitForEvent('download');
  await exportAs(page, 'Export JSON');
  const file = await download;
  expect(file.suggestedFilename()).toBe('Acme Analytics — enterprise journey.json');
  const saved = testInfo.outputPath('exported.json');
  await file.saveAs(saved);
  const { exportedAt: _a, ...exported } = JSON.parse(fs.readFileSync(saved, 'utf8'));
  const { exportedAt: _b, ...original } = JSON.parse(fs.readFileSync(fixture, 'utf8'));
  expect(exported).toEqual(original);
});

test('Export PDF downloads the slide deck; PNG and SVG export the current view', async ({ app, page }, testInfo) => {
  await page.goto(app.url);
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import' }).click();
  await (await chooser).setFiles(fixture);
  await page.getByRole('button', { name: 'Open Acme Analytics — enterprise journey' }).click();

  const pdf = page.waitForEvent('download');
  await exportAs(page, 'Export PDF');
  const pdfPath = testInfo.outputPath('deck.pdf');
  await (await pdf).saveAs(pdfPath);
  const info = execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' });
  expect(info).toMatch(/Pages:\s+12\n/);
  expect(info).toMatch(/Page size:\s+960 x 540 pts/);
  fs.mkdirSync('test-results/screenshots', { recursive: true });
  execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '2', '-l', '2', pdfPath, 'test-results/screenshots/deck-overview']);

  const png = page.waitForEvent('download');
  await exportAs(page, 'Export PNG');
  const pngPath = testInfo.outputPath('view.png');
  await (await png).saveAs(pngPath);
  const bytes = fs.readFileSync(pngPath);
  const canvas = (await page.getByRole('region', { name: 'Canvas' }).boundingBox())!;
  // Twice the screen's pixels of the visible canvas (within rounding).
  const zoom = Number((await page.locator('.react-flow__viewport').getAttribute('style'))!.match(/scale\(([\d.]+)\)/)![1]);
  const scale = Math.min(4, Math.max(1, 2 * zoom));
  expect(Math.abs(bytes.readUInt32BE(16) - Math.round((canvas.width / zoom) * scale))).toBeLessThanOrEqual(2);

  const svg = page.waitForEvent('download');
  await exportAs(page, 'Export SVG');
  const svgPath = testInfo.outputPath('view.svg');
  await (await svg).saveAs(svgPath);
  expect(fs.readFileSync(svgPath, 'utf8')).toContain('Case study: Łódź Logistics');
});

test('a bad file is refused with the path and the problem, and nothing stored changes', async ({ app, page }, testInfo) => {
  await page.goto(app.url);
  await page.getByRole('button', { name: 'New map' }).click();
  await page.getByRole('button', { name: 'Create map' }).click();
  await page.getByRole('button', { name: 'Back to maps' }).click();
  await expect(page.getByRole('list', { name: 'Maps' }).getByRole('listitem')).toHaveCount(1);

  const doc = JSON.parse(fs.readFileSync(fixture, 'utf8'));
  doc.map.touchpoints[3].stageId = 'nowhere';
  const bad = testInfo.outputPath('bad.json');
  fs.writeFileSync(bad, JSON.stringify(doc));
  let chooser = page.waitForEvent('filechooser');
  await page.keyboard.press('Control+o');
  await (await chooser).setFiles(bad);
  // In the facilitator's words first, with the technical path beneath it, smaller.
  const refusal = page.getByRole('alert');
  await expect(refusal).toContainText('“bad.json” cannot be imported, and nothing was changed');
  await expect(refusal.getByText('Touchpoint 4, “Cold outbound sequence”, is in a stage that isn\'t in the file.')).toBeVisible();
  const technical = refusal.getByText('map.touchpoints[3].stageId: refers to stage "nowhere", which is not in the map');
  await expect(technical).toBeVisible();
  const sentenceBox = (await refusal.getByText('Touchpoint 4, “Cold outbound sequence”').boundingBox())!;
  expect((await technical.boundingBox())!.y).toBeGreaterThan(sentenceBox.y);
  fs.mkdirSync('test-results/screenshots', { recursive: true });
  await refusal.screenshot({ path: 'test-results/screenshots/import-refused.png' });

  const notJson = testInfo.outputPath('notes.json');
  fs.writeFileSync(notJson, 'meeting notes, not a map');
  chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import' }).click();
  await (await chooser).setFiles(notJson);
  await expect(page.getByRole('alert')).toContainText('“notes.json” is not valid JSON');
  await page.reload();
  await expect(page.getByRole('list', { name: 'Maps' }).getByRole('listitem')).toHaveCount(1);

  // Importing the same file twice makes a copy; the first stays as it was.
  for (const expected of ['Imported “Acme Analytics — enterprise journey”.', 'Imported as “Acme Analytics — enterprise journey (copy)”: a map with the same id is already here']) {
    chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Import' }).click();
    await (await chooser).setFiles(fixture);
    await expect(page.getByRole('status')).toContainText(expected);
  }
  await expect(page.getByRole('list', { name: 'Maps' }).getByRole('listitem')).toHaveCount(3);
});
