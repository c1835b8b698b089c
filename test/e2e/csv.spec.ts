import fs from 'node:fs';
import path from 'node:path';
import { test, expect } from './fixtures';
import { exportAs } from './helpers';

const fixture = path.join(__dirname, '..', 'fixtures', 'full-map.json');

async function importFile(page: import('@playwright/test').Page, file: string) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import' }).click();
  await (await chooser).setFiles(file);
}

test('import a CSV through the chooser: the notice states every guess and the map opens with its cards', async ({ app, page }, testInfo) => {
  const csv = testInfo.outputPath('Room 1.csv');
  // Excel's semicolon dialect with a BOM, as a spreadsheet in a comma-decimal locale saves it.
  fs.writeFileSync(csv, '\uFEFFstage;title;lead teams;supporting teams;promises\r\nDiscovery;Webinar;Demand Gen;;live in a day\r\nDecision;Tailored demo;Sales;RevOps;live in a day\r\n');
  await page.goto(app.url);
  await importFile(page, csv);
  const notice = page.getByRole('status');
  await expect(notice).toContainText('Imported “Room 1” from CSV');
  for (const guess of ['Stage “Discovery” taken as Interest', 'Stage “Decision” taken as Intent', 'Team “Demand Gen” taken as marketing', 'Team “RevOps” taken as other']) {
    await expect(notice.getByRole('listitem').filter({ hasText: guess })).toBeVisible();
  }
  await page.screenshot({ path: path.join('test-results', 'screenshots', 'csv-import-notice.png') });

  await page.getByRole('button', { name: 'Open Room 1' }).click();
  await expect(page.getByRole('article', { name: 'Webinar, Discovery, led by Demand Gen' })).toBeVisible();
  await expect(page.getByRole('article', { name: 'Tailored demo, Decision, led by Sales' })).toBeVisible();
});

test('a bad CSV is refused with the row and column of the problem, and nothing is added', async ({ app, page }, testInfo) => {
  const csv = testInfo.outputPath('broken.csv');
  fs.writeFileSync(csv, 'stage,title\nAwareness,Webinar\n,Demo\n');
  await page.goto(app.url);
  await importFile(page, csv);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('“broken.csv” cannot be imported, and nothing was changed');
  await expect(alert).toContainText('Row 3, column “stage”: is empty');
  await expect(page.getByText('No maps yet.')).toBeVisible();
});

test('Export CSV downloads one row per touchpoint that imports back as the same cards', async ({ app, page }, testInfo) => {
  await page.goto(app.url);
  await importFile(page, fixture);
  await page.getByRole('button', { name: 'Open Acme Analytics — enterprise journey' }).click();
  await expect(page.getByRole('article', { name: 'Tailored demo, Intent, led by Sales' })).toBeVisible();

  const download = page.waitForEvent('download');
  await exportAs(page, 'Export CSV');
  const file = await download;
  expect(file.suggestedFilename()).toBe('Acme Analytics — enterprise journey.csv');
  const saved = testInfo.outputPath('Acme again.csv');
  await file.saveAs(saved);
  const text = fs.readFileSync(saved, 'utf8');
  expect(text.startsWith('\uFEFFstage,stage phase,lead teams,lead team roles')).toBe(true);
  expect(text.trimEnd().split('\r\n')).toHaveLength(11);

  await page.goto(app.url);
  await importFile(page, saved);
  await expect(page.getByRole('status')).toHaveText('Imported “Acme again” from CSV.');
  await page.getByRole('button', { name: 'Open Acme again' }).click();
  await expect(page.getByRole('article', { name: 'Tailored demo, Intent, led by Sales' })).toBeVisible();
});
