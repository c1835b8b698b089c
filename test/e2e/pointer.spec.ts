import { test, expect } from './fixtures';
import { canvasOf, cellCentre, centreOf, createMap, dropFromPalette, fitMap, importAndOpen, waitUntilSaved } from './helpers';

test('a dragged card shows the cell it will land in; the drop is announced with Undo; handles are easy to hit', async ({ app, page }) => {
  await createMap(page, app.url, 'Safe pointer');
  const canvas = canvasOf(page);
  await dropFromPalette(page, 'Touchpoint', await cellCentre(page, 'Interest', 'Marketing'));
  await page.getByRole('complementary', { name: 'Inspector' }).getByLabel('Title').fill('Webinar');
  await page.keyboard.press('Enter');
  await waitUntilSaved(page);
  await fitMap(page);

  // Connection handles: a target of at least 16 px on screen, centred on the card's side, even with the
  // whole map in view — a press 8 px off the side's middle, inside or outside the card, still takes the handle.
  const card = canvas.getByRole('article', { name: /^Webinar,/ });
  await card.hover();
  const missed = await page.locator('.react-flow__node-touchpoint').first().evaluate((node) => {
    const side = node.getBoundingClientRect();
    const misses: string[] = [];
    for (const [name, x] of [['left', side.left], ['right', side.right]] as const) {
      const y = side.top + side.height / 2;
      for (const [dx, dy] of [[-8, 0], [8, 0], [0, -8], [0, 8]] as const) {
        const hit = document.elementFromPoint(x + dx, y + dy)?.closest('.react-flow__handle');
        if (!hit || !node.contains(hit)) misses.push(`${name} side ${dx},${dy}`);
      }
    }
    return misses;
  });
  expect(missed).toEqual([]);

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

test('the minimap is off until asked for, then sits beside the map, never over a card', async ({ app, page }) => {
  await importAndOpen(page, app.url, `${__dirname}/../fixtures/workshop-map.json`, 'Northwind Analytics — workshop');
  const canvas = canvasOf(page);
  await expect(page.locator('.react-flow__minimap')).toHaveCount(0);
  await page.getByRole('button', { name: 'Show the minimap' }).click();
  const minimap = page.locator('.react-flow__minimap');
  await expect(minimap).toBeVisible();
  await fitMap(page);
  // What of a card shows is its box within the map's view (the rest is clipped); none of it may be under the minimap.
  const overlaps = async () => {
    const map = (await minimap.boundingBox())!;
    const view = (await canvas.locator('.react-flow').boundingBox())!;
    expect(map.x).toBeGreaterThanOrEqual(view.x + view.width);
    const hits = [];
    for (const card of await canvas.getByRole('article').all()) {
      const box = await card.boundingBox();
      if (!box) continue;
      const right = Math.min(box.x + box.width, view.x + view.width);
      if (box.x < map.x + map.width && right > map.x && box.y < map.y + map.height && box.y + box.height > map.y) hits.push(await card.getAttribute('aria-label'));
    }
    return hits;
  };
  expect(await overlaps()).toEqual([]);
  await page.screenshot({ path: 'test-results/screenshots/minimap.png' });
  // Panned so the map runs under the corner where a minimap used to lie: still nothing beneath it.
  const pane = (await canvas.boundingBox())!;
  await page.mouse.move(pane.x + 40, pane.y + 40);
  await page.mouse.down();
  await page.mouse.move(pane.x + 300, pane.y + 200, { steps: 8 });
  await page.mouse.up();
  expect(await overlaps()).toEqual([]);
  // The choice is remembered for the next map.
  await page.reload();
  await expect(page.locator('.react-flow__minimap')).toBeVisible();
  await page.getByRole('button', { name: 'Hide the minimap' }).click();
  await expect(page.locator('.react-flow__minimap')).toHaveCount(0);
});

test('a dragged card takes its connections along, and they are the canvas’s own again after the drop', async ({ app, page }) => {
  await importAndOpen(page, app.url, `${__dirname}/../fixtures/workshop-map.json`, 'Northwind Analytics — workshop');
  await fitMap(page);
  const canvas = canvasOf(page);
  const card = canvas.getByRole('article', { name: /^Webinar: dashboards without engineers,/ });
  const node = page.locator('.react-flow__node', { has: page.getByRole('article', { name: /^Webinar: dashboards without engineers,/ }) });
  // On screen: where a connection's line ends (or starts), and where the card's sides are.
  const lineEnd = (selector: string, end: 'start' | 'end') =>
    page.locator(selector).evaluate((path: SVGPathElement, end) => {
      const point = path.getPointAtLength(end === 'end' ? path.getTotalLength() : 0).matrixTransform(path.getScreenCTM()!);
      return { x: point.x, y: point.y };
    }, end);
  const sides = async () => {
    const box = (await node.boundingBox())!;
    return { left: { x: box.x, y: box.y + box.height / 2 }, right: { x: box.x + box.width, y: box.y + box.height / 2 } };
  };
  const expectNear = (a: { x: number; y: number }, b: { x: number; y: number }) => {
    expect(Math.abs(a.x - b.x)).toBeLessThan(2);
    expect(Math.abs(a.y - b.y)).toBeLessThan(2);
  };

  const from = await centreOf(card);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + 10, from.y + 10, { steps: 3 });
  await page.mouse.move(from.x + 40, from.y + 90, { steps: 8 });
  // While it moves, the card's two connections (c1 into it, c2 out of it) are drawn following it.
  await expect(page.locator('.dragged-connections [data-connection]')).toHaveCount(2);
  await expect(page.locator('.react-flow__edge[data-id="c1"], .react-flow__edge[data-id="c2"]')).toHaveCount(0);
  const moved = await sides();
  expectNear(await lineEnd('.dragged-connections [data-connection="c1"] .react-flow__edge-path', 'end'), moved.left);
  expectNear(await lineEnd('.dragged-connections [data-connection="c2"] .react-flow__edge-path', 'start'), moved.right);
  await page.screenshot({ path: 'test-results/screenshots/dragged-connections.png' });

  await page.mouse.move(from.x, from.y, { steps: 8 });
  await page.mouse.up();
  await expect(page.locator('.dragged-connections')).toHaveCount(0);
  await expect(page.locator('.react-flow__edge[data-id="c1"], .react-flow__edge[data-id="c2"]')).toHaveCount(2);
  const back = await sides();
  expectNear(await lineEnd('.react-flow__edge[data-id="c1"] .react-flow__edge-path', 'end'), back.left);
  expectNear(await lineEnd('.react-flow__edge[data-id="c2"] .react-flow__edge-path', 'start'), back.right);
});
