import fs from 'node:fs';
import path from 'node:path';
import { test, expect } from './fixtures';
import { fitMap, importAndOpen } from './helpers';

/** The workshop map with dot votes on three cards and one of two notes. */
function votedMapFile(file: string): string {
  const doc = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'workshop-map.json'), 'utf8'));
  const votes: Record<string, number> = { tp10: 9, tp4: 7, tp1: 1 };
  for (const t of doc.map.touchpoints) if (votes[t.id]) t.votes = votes[t.id];
  doc.map.notes = [
    { id: 'n1', text: 'Who owns the trial follow-up? Nobody calls within a week, and nobody knows whose job it is.', x: 400, y: 900, votes: 8 },
    { id: 'n2', text: 'No dots on this one', x: 700, y: 900 },
  ];
  fs.writeFileSync(file, JSON.stringify(doc));
  return file;
}

test('cards and notes with dot votes show the count, read as “N votes”; the rest show none', async ({ app, page }, testInfo) => {
  await importAndOpen(page, app.url, votedMapFile(testInfo.outputPath('voted.json')), 'Northwind Analytics — workshop');
  await fitMap(page);
  const canvas = page.getByRole('region', { name: 'Canvas' });

  const demo = canvas.getByRole('article', { name: 'Tailored demo, Intent, led by Sales, 9 votes' });
  await expect(demo.getByRole('img', { name: '9 votes', exact: true })).toBeVisible();
  await expect(demo.getByRole('img', { name: '9 votes' })).toHaveText('● 9');
  await expect(canvas.getByRole('article', { name: /^LinkedIn thought-leadership posts, .*, 1 vote$/ }).getByRole('img', { name: '1 vote', exact: true })).toBeVisible();
  await expect(canvas.getByRole('article', { name: /^ROI calculator/ }).getByRole('img', { name: /votes?$/ })).toHaveCount(0);
  await expect(canvas.getByRole('img', { name: /^\d+ votes?$/ })).toHaveCount(4);

  const notes = canvas.getByRole('complementary', { name: 'Note' });
  await expect(notes).toHaveCount(2);
  const voted = notes.filter({ hasText: 'Who owns the trial follow-up?' });
  const badge = voted.getByRole('img', { name: '8 votes', exact: true });
  await expect(badge).toBeVisible();
  await expect(notes.filter({ hasText: 'No dots on this one' }).getByRole('img')).toHaveCount(0);
  // The long note's text is cut above the count, never under it.
  const noteBox = (await voted.boundingBox())!;
  const badgeBox = (await badge.boundingBox())!;
  expect(badgeBox.y + badgeBox.height).toBeLessThanOrEqual(noteBox.y + noteBox.height);
  const textBox = (await voted.locator('.note-text').boundingBox())!;
  expect(textBox.y + textBox.height).toBeLessThanOrEqual(badgeBox.y + 1);

  await page.screenshot({ path: testInfo.outputPath('votes.png') });
});
