import fs from 'node:fs';
import path from 'node:path';
import { test, expect } from './fixtures';

test('creates a map from the B2B template, shows its stages and lanes, and keeps it across a reload', async ({ app, page }) => {
  await page.goto(app.url);
  await expect(page.getByText('No maps yet.')).toBeVisible();

  await page.getByRole('button', { name: 'New map' }).click();
  const dialog = page.getByRole('dialog', { name: 'New map' });
  await dialog.getByLabel('Map name').fill('Q3 enterprise funnel');
  await dialog.getByRole('radio', { name: /B2B funnel/ }).check();
  await dialog.getByRole('button', { name: 'Create map' }).click();

  const canvas = page.getByRole('region', { name: 'Canvas' });
  const stages = ['Awareness', 'Interest', 'Consideration', 'Intent', 'Purchase', 'Retention', 'Growth'];
  for (const stage of stages) await expect(canvas.getByRole('heading', { name: stage, level: 2 })).toBeVisible();
  for (const team of ['Marketing', 'Sales', 'Customer Success']) {
    await expect(canvas.getByRole('heading', { name: team, level: 3 })).toBeVisible();
  }
  // Stage headers run left to right in the template's order.
  const xs = await Promise.all(stages.map(async (s) => (await canvas.getByRole('heading', { name: s, level: 2 }).boundingBox())!.x));
  expect(xs).toEqual([...xs].sort((a, b) => a - b));
  await expect(page.getByRole('heading', { name: 'Q3 enterprise funnel', level: 1 })).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/b2b-template-canvas.png' });

  await page.reload();
  await expect(canvas.getByRole('heading', { name: 'Growth', level: 2 })).toBeVisible();
  await page.getByRole('button', { name: 'Back to maps' }).click();
  await expect(page.getByRole('button', { name: 'Open Q3 enterprise funnel' })).toContainText('7 stages · 3 teams · 0 touchpoints');
  await page.reload();
  await expect(page.getByRole('button', { name: 'Open Q3 enterprise funnel' })).toBeVisible();
});

test('home screen renames, duplicates and deletes maps, naming the map in the confirmation', async ({ app, page }) => {
  await page.goto(app.url);
  await page.getByRole('button', { name: 'New map' }).click();
  await page.getByLabel('Map name').fill('Launch plan');
  await page.getByRole('radio', { name: /Blank/ }).check();
  await page.getByRole('button', { name: 'Create map' }).click();
  await page.getByRole('button', { name: 'Back to maps' }).click();

  await page.getByRole('button', { name: 'Rename Launch plan' }).click();
  const rename = page.getByRole('dialog', { name: /Rename/ });
  await rename.getByLabel('Map name').fill('   ');
  await rename.getByRole('button', { name: 'Rename' }).click();
  await expect(rename.getByText('Give the map a name.')).toBeVisible();
  await rename.getByLabel('Map name').fill('Launch plan 2027');
  await rename.getByRole('button', { name: 'Rename' }).click();
  await expect(page.getByRole('button', { name: 'Open Launch plan 2027', exact: true })).toBeVisible();

  await page.getByRole('button', { name: 'Duplicate Launch plan 2027' }).click();
  await expect(page.getByRole('button', { name: 'Open Launch plan 2027 (copy)' })).toBeVisible();

  await page.getByRole('button', { name: 'Delete Launch plan 2027 (copy)' }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete “Launch plan 2027 (copy)”?' });
  await expect(confirm).toBeVisible();
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('button', { name: 'Open Launch plan 2027 (copy)' })).toBeVisible();

  await page.getByRole('button', { name: 'Delete Launch plan 2027 (copy)' }).click();
  await page.getByRole('button', { name: 'Delete map' }).click();
  await expect(page.getByRole('button', { name: /^Open .*\(copy\)/ })).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('button', { name: 'Open Launch plan 2027', exact: true })).toHaveCount(1);
});

test('the API refuses calls without the session token, from other origins, and for other hosts', async ({ app, request }) => {
  const noToken = await request.post(`${app.origin}/api/maps.list`, { data: {} });
  expect(noToken.status()).toBe(401);
  expect(await noToken.text()).not.toContain('"ok":true');

  const wrongToken = await request.post(`${app.origin}/api/maps.list`, { data: {}, headers: { 'x-throughline-token': 'guess' } });
  expect(wrongToken.status()).toBe(401);

  const foreignOrigin = await request.post(`${app.origin}/api/maps.list`, {
    data: {},
    headers: { 'x-throughline-token': app.token, origin: 'http://evil.example' },
  });
  expect(foreignOrigin.status()).toBe(403);

  const withToken = await request.post(`${app.origin}/api/maps.list`, { data: {}, headers: { 'x-throughline-token': app.token } });
  expect(withToken.status()).toBe(200);
  expect(await withToken.json()).toEqual({ ok: true, value: [] });
});

test('renders everything the format can hold: cards in their cells, handoffs, connections, notes, unowned and contested cards', async ({ app, page, request }) => {
  const document = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'full-map.json'), 'utf8'));
  const imported = await request.post(`${app.origin}/api/maps.import`, { data: { document }, headers: { 'x-throughline-token': app.token } });
  expect((await imported.json()).ok).toBe(true);

  await page.goto(app.url);
  await page.getByRole('button', { name: 'Open Acme Analytics — enterprise journey' }).click();
  const canvas = page.getByRole('region', { name: 'Canvas' });

  // A card sits in its stage's column and its lead team's lane.
  const demo = canvas.getByRole('article', { name: /^Tailored demo, Intent, led by Sales$/ });
  const intent = (await canvas.getByRole('heading', { name: 'Intent', level: 2 }).boundingBox())!;
  const sales = (await canvas.getByRole('heading', { name: 'Sales', level: 3 }).boundingBox())!;
  const demoBox = (await demo.boundingBox())!;
  expect(demoBox.x).toBeGreaterThanOrEqual(intent.x - 30);
  expect(demoBox.x).toBeLessThan(intent.x + intent.width + 100);
  expect(Math.abs(demoBox.y + demoBox.height / 2 - (sales.y + sales.height / 2))).toBeLessThan(150);

  await expect(canvas.getByRole('article', { name: /^Free trial with guided setup, Intent, led by Sales and Marketing$/ })).toContainText('Contested');
  await expect(canvas.getByRole('article', { name: /^Comparison page, Consideration, no lead team$/ })).toContainText('No lead');
  await expect(canvas.getByRole('heading', { name: 'Unowned', level: 3 })).toBeVisible();
  await expect(canvas.getByRole('article', { name: 'Handoff from Marketing to Sales' })).toContainText('MQL: score ≥ 60');
  await expect(canvas.getByRole('article', { name: 'Handoff from Sales to Customer Success' })).toContainText('No entry criteria yet');
  await expect(canvas.getByRole('complementary', { name: 'Note' })).toContainText('who owns the comparison page?');
  await expect(canvas.locator('.react-flow__edge')).toHaveCount(7);
  await expect(canvas.getByText('scores ≥ 60')).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/full-map-canvas.png' });
});
