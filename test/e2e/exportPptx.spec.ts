import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { test, expect } from './fixtures';
import { exportAs, importAndOpen } from './helpers';

const fixture = path.join(__dirname, '..', 'fixtures', 'full-map.json');

test('Export PowerPoint downloads the deck as a .pptx presentation', async ({ app, page }, testInfo) => {
  await importAndOpen(page, app.url, fixture, 'Acme Analytics — enterprise journey');

  const download = page.waitForEvent('download');
  await exportAs(page, 'Export PowerPoint');
  const file = await download;
  expect(file.suggestedFilename()).toBe('Acme Analytics — enterprise journey.pptx');
  const saved = testInfo.outputPath('deck.pptx');
  await file.saveAs(saved);
  const data = fs.readFileSync(saved);
  expect(data.subarray(0, 2).toString('latin1')).toBe('PK');
  const zip = await JSZip.loadAsync(data);
  expect(zip.file('ppt/presentation.xml')).not.toBeNull();
  expect(Object.keys(zip.files).filter((name) => /^ppt\/slides\/slide\d+\.xml$/.test(name))).toHaveLength(12);
  await expect(page.getByRole('button', { name: 'Export', exact: true })).toBeEnabled();
});
