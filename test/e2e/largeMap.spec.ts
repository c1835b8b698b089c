import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { canvasOf, importGeneratedMap } from './helpers';

/** Where each connection in view ends on screen, beside the left side of the card it points to. */
function connectionEnds(page: Page, targets: Record<string, string>) {
  return page.evaluate((targets) => {
    const ends: { target: string; endX: number; endY: number; sideX: number; sideMiddle: number }[] = [];
    for (const edge of document.querySelectorAll<SVGGElement>('.react-flow__edge')) {
      const target = targets[edge.dataset.id ?? ''];
      const path = edge.querySelector<SVGPathElement>('.react-flow__edge-path');
      const card = target ? document.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(target)}"]`) : null;
      const matrix = path?.getScreenCTM();
      if (!target || !path || !card || !matrix) continue;
      const end = path.getPointAtLength(path.getTotalLength()).matrixTransform(matrix);
      const side = card.getBoundingClientRect();
      ends.push({ target, endX: end.x, endY: end.y, sideX: side.left, sideMiddle: side.top + side.height / 2 });
    }
    return ends;
  }, targets);
}

test('a large map opens without putting its off-screen cards in the page, and connections meet the cards at every zoom', async ({ app, page }) => {
  test.setTimeout(60_000);
  const map = await importGeneratedMap(page, app, 1000, 'large-journey');
  const targets = Object.fromEntries(map.connections.map((c) => [c.id, c.target]));

  // Every card that enters the page, from the first frame: React Flow used to draw all 1,000 once (off screen
  // too) just to measure their connection points, which made a large map slow to appear.
  await page.addInitScript(() => {
    const entered = new Set<string>();
    (window as unknown as { __entered: Set<string> }).__entered = entered;
    new MutationObserver((records) => {
      for (const record of records)
        for (const node of record.addedNodes)
          if (node instanceof HTMLElement)
            for (const card of [node, ...node.querySelectorAll<HTMLElement>('.react-flow__node-touchpoint')])
              if (card.classList.contains('react-flow__node-touchpoint')) entered.add(card.dataset.id!);
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto(app.url);
  await page.getByRole('button', { name: `Open ${map.name}` }).click();
  const canvas = canvasOf(page);
  await expect(canvas.getByRole('article').first()).toBeVisible({ timeout: 20_000 });
  const inView = await canvas.locator('.react-flow__node-touchpoint').count();
  const entered = await page.evaluate(() => (window as unknown as { __entered: Set<string> }).__entered.size);
  expect(inView).toBeGreaterThan(10);
  expect(entered).toBeLessThan(map.touchpoints.length / 4);

  // Connections end on the middle of the target card's left side, as opened and after zooming in: the
  // connection points no longer move with the zoom the card was first drawn at.
  const meetTheirCards = async () => {
    const ends = await connectionEnds(page, targets);
    expect(ends.length).toBeGreaterThan(2);
    for (const end of ends) {
      expect(Math.abs(end.endX - end.sideX), `connection into ${end.target}`).toBeLessThan(2);
      expect(Math.abs(end.endY - end.sideMiddle), `connection into ${end.target}`).toBeLessThan(2);
    }
  };
  await meetTheirCards();
  const first = (await canvas.locator('.react-flow__node-touchpoint').first().boundingBox())!;
  await page.mouse.move(first.x + first.width / 2, first.y + first.height / 2);
  for (let i = 0; i < 4; i++) await page.mouse.wheel(0, -200);
  await expect.poll(() => page.evaluate(() => Number(document.querySelector<HTMLElement>('.canvas')?.style.getPropertyValue('--zoom')))).toBeGreaterThan(1);
  await page.waitForTimeout(300);
  await meetTheirCards();
});

test('the Problems panel of a large map lists the first findings of each kind and more on demand', async ({ app, page }) => {
  const map = await importGeneratedMap(page, app, 1000, 'large-journey');
  await page.goto(app.url);
  await page.getByRole('button', { name: `Open ${map.name}` }).click();
  const problems = page.getByRole('region', { name: 'Problems' });
  const errors = problems.locator('.problem-group').filter({ has: page.getByRole('heading', { name: /^Errors \(\d+\)$/ }) });
  const total = Number(/\((\d+)\)/.exec((await errors.getByRole('heading').textContent())!)![1]);
  expect(total).toBeGreaterThan(20);
  await expect(errors.getByRole('listitem')).toHaveCount(20);
  await errors.getByRole('button', { name: `Show ${Math.min(100, total - 20)} more (20 of ${total} shown)` }).click();
  await expect(errors.getByRole('listitem')).toHaveCount(Math.min(120, total));
  // A finding further down the list still takes the facilitator to its card.
  await errors.getByRole('listitem').last().getByRole('button').first().click();
  await expect(canvasOf(page).locator('.react-flow__node.selected')).toHaveCount(1);
});
