import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { test, expect } from './fixtures';
import { exportAs, importAndOpen } from './helpers';

const fixture = path.join(__dirname, '..', 'fixtures', 'full-map.json');

test('Export agreement writes the handoff agreement as an A4 PDF and as Markdown', async ({ app, page }, testInfo) => {
  await importAndOpen(page, app.url, fixture, 'Acme Analytics — enterprise journey');
  await expect(page.getByRole('article', { name: 'Tailored demo, Intent, led by Sales' })).toBeVisible();

  // Both agreement items sit in the Export menu with the other formats.
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const formats = page.getByRole('group', { name: 'Export formats' });
  await expect(formats.getByRole('button', { name: 'Export agreement (PDF)' })).toBeVisible();
  await expect(formats.getByRole('button', { name: 'Export agreement (Markdown)' })).toBeVisible();
  fs.mkdirSync('test-results/screenshots', { recursive: true });
  await page.screenshot({ path: 'test-results/screenshots/export-menu-agreement.png' });
  await page.keyboard.press('Escape');

  const pdf = page.waitForEvent('download');
  await exportAs(page, 'Export agreement (PDF)');
  const pdfFile = await pdf;
  expect(pdfFile.suggestedFilename()).toBe('Acme Analytics — enterprise journey — handoff agreement.pdf');
  const pdfPath = testInfo.outputPath('agreement.pdf');
  await pdfFile.saveAs(pdfPath);
  expect(execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' })).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
  const text = execFileSync('pdftotext', ['-raw', pdfPath, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  for (const fact of ['Marketing → Sales at Intent', 'MQL: score ≥ 60 and a buying-committee contact', 'Tailored demo (led by Sales)', 'not agreed yet', 'Page 1 of']) expect(text).toContain(fact);
  execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', pdfPath, 'test-results/screenshots/agreement']);

  const markdown = page.waitForEvent('download');
  await exportAs(page, 'Export agreement (Markdown)');
  const markdownFile = await markdown;
  expect(markdownFile.suggestedFilename()).toBe('Acme Analytics — enterprise journey — handoff agreement.md');
  const markdownPath = testInfo.outputPath('agreement.md');
  await markdownFile.saveAs(markdownPath);
  const written = fs.readFileSync(markdownPath, 'utf8');
  expect(written).toContain('### 1. Marketing → Sales at Intent');
  expect(written).toContain('| Intent | leads, supports (contested) | leads (contested) | — |');
});
