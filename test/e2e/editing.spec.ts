import { test, expect } from './fixtures';
import { canvasOf, cellCentre, centreOf, createMap, dragBy, dropFromPalette, waitUntilSaved } from './helpers';

test('drag a touchpoint into a cell, title it, reload; hand it over by dragging; connect; delete, undo, redo', async ({ app, page }) => {
  await createMap(page, app.url, 'Workshop 1');
  const canvas = canvasOf(page);
  const inspector = page.getByRole('complementary', { name: 'Inspector' });

  await dropFromPalette(page, 'Touchpoint', await cellCentre(page, 'Intent', 'Sales'));
  const title = inspector.getByLabel('Title');
  await expect(title).toBeFocused();
  await title.fill('Pricing workshop');
  await title.press('Enter');
  await expect(canvas.getByRole('article', { name: 'Pricing workshop, Intent, led by Sales' })).toBeVisible();
  await waitUntilSaved(page);

  await page.reload();
  const card = canvas.getByRole('article', { name: /^Pricing workshop, / });
  await expect(card).toHaveAccessibleName('Pricing workshop, Intent, led by Sales');

  // The drag is the handover: Marketing × Interest changes both the stage and the lead.
  await dragBy(page, await centreOf(card), await cellCentre(page, 'Interest', 'Marketing'));
  await expect(card).toHaveAccessibleName('Pricing workshop, Interest, led by Marketing');

  // A second card in the same cell, added from the keyboard with the first one selected.
  await card.click();
  await page.getByRole('region', { name: 'Palette' }).getByRole('button', { name: 'Touchpoint', exact: true }).press('Enter');
  await expect(inspector.getByLabel('Title')).toBeFocused();
  await inspector.getByLabel('Title').fill('Follow-up e-mail');
  await inspector.getByLabel('Title').press('Enter');
  const second = canvas.getByRole('article', { name: 'Follow-up e-mail, Interest, led by Marketing' });
  await expect(second).toBeVisible();

  // Connect: from the first card's right handle to the second card.
  const sourceHandle = page.locator('.react-flow__node', { has: page.getByRole('article', { name: /^Pricing workshop, / }) }).locator('.react-flow__handle.source');
  await card.hover();
  await dragBy(page, await centreOf(sourceHandle), await centreOf(second));
  await expect(canvas.locator('.react-flow__edge')).toHaveCount(1);

  // Delete the second card: its connection goes with it. Undo brings both back; Redo removes them again.
  await second.click();
  await page.keyboard.press('Delete');
  await expect(second).toHaveCount(0);
  await expect(canvas.locator('.react-flow__edge')).toHaveCount(0);
  await page.getByRole('toolbar', { name: 'Edit' }).getByRole('button', { name: 'Undo' }).click();
  await expect(second).toBeVisible();
  await expect(canvas.locator('.react-flow__edge')).toHaveCount(1);
  await page.getByRole('button', { name: 'Redo' }).click();
  await expect(second).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(second).toBeVisible();
  await waitUntilSaved(page);
  await page.screenshot({ path: 'test-results/screenshots/editing.png' });

  await page.reload();
  await expect(canvas.getByRole('article', { name: 'Follow-up e-mail, Interest, led by Marketing' })).toBeVisible();
  await expect(canvas.locator('.react-flow__edge')).toHaveCount(1);
});

test('the Inspector refuses bad values at the field and edits every kind of element', async ({ app, page }) => {
  await createMap(page, app.url, 'Fields');
  const canvas = canvasOf(page);
  const inspector = page.getByRole('complementary', { name: 'Inspector' });

  await dropFromPalette(page, 'Touchpoint', await cellCentre(page, 'Awareness', 'Marketing'));
  const title = inspector.getByLabel('Title');
  await title.fill('   ');
  await title.press('Enter');
  await expect(inspector.getByText('Title cannot be empty.')).toBeVisible();
  await title.fill('Trade show booth');
  await title.press('Tab');
  await inspector.getByLabel('Channel').fill('Event');
  await inspector.getByLabel('Channel').press('Enter');
  await inspector.getByRole('group', { name: 'Owner' }).getByLabel('Sales').check();
  await expect(canvas.getByRole('article', { name: 'Trade show booth, Awareness, led by Marketing and Sales' })).toContainText('Contested');
  await expect(inspector.getByText('More than one team claims to lead this')).toBeVisible();
  await inspector.getByRole('group', { name: 'Owner' }).getByLabel('Sales').uncheck();
  await inspector.getByRole('group', { name: 'Supporting teams' }).getByLabel('Customer Success').check();
  await inspector.getByRole('textbox', { name: 'Promises' }).fill('live in one day');
  await inspector.getByRole('textbox', { name: 'Promises' }).press('Enter');
  await expect(canvas.getByRole('article', { name: 'Trade show booth, Awareness, led by Marketing' })).toContainText('“live in one day”');

  // A handoff dropped in the Marketing lane goes from Marketing to the next lane, Sales.
  await dropFromPalette(page, 'Handoff', await cellCentre(page, 'Intent', 'Marketing'));
  await expect(inspector.getByLabel('From')).toHaveValue(/team-/);
  await expect(canvas.getByRole('article', { name: 'Handoff from Marketing to Sales' })).toBeVisible();
  const sla = inspector.getByLabel('SLA hours');
  await sla.fill('-4');
  await sla.press('Enter');
  await expect(inspector.getByText('SLA hours must be zero or more.')).toBeVisible();
  await sla.fill('24');
  await sla.press('Enter');
  await inspector.getByLabel('Criteria').fill('Lead score ≥ 60');
  await inspector.getByLabel('Criteria').blur();
  await expect(canvas.getByRole('article', { name: 'Handoff from Marketing to Sales' })).toContainText(/within 24 h\s*Lead score ≥ 60/);

  // Stage and team: select the header or the lane label.
  await canvas.getByRole('heading', { name: 'Growth', level: 2 }).click();
  await inspector.getByLabel('Name').fill('Expansion');
  await inspector.getByLabel('Name').press('Enter');
  await expect(canvas.getByRole('heading', { name: 'Expansion', level: 2 })).toBeVisible();
  await canvas.getByRole('heading', { name: 'Customer Success', level: 3 }).click();
  await inspector.getByLabel('Name').fill('Customer Care');
  await inspector.getByLabel('Name').press('Enter');
  await inspector.getByLabel('Role').selectOption('sales');
  await expect(canvas.getByRole('heading', { name: 'Customer Care', level: 3 })).toBeVisible();
  await expect(canvasOf(page).getByRole('heading', { name: 'Customer Care', level: 3 })).toBeVisible();
  await waitUntilSaved(page);

  await page.reload();
  await expect(canvas.getByRole('article', { name: 'Handoff from Marketing to Sales' })).toContainText(/within 24 h\s*Lead score ≥ 60/);
  await expect(canvas.getByRole('heading', { name: 'Expansion', level: 2 })).toBeVisible();
  await canvas.getByRole('heading', { name: 'Customer Care', level: 3 }).click();
  await expect(inspector.getByLabel('Role')).toHaveValue('sales');
});

test('stages reorder by dragging their header; deleting a stage with cards asks first and undoes as one step', async ({ app, page }) => {
  await createMap(page, app.url, 'Structure');
  const canvas = canvasOf(page);
  await dropFromPalette(page, 'Touchpoint', await cellCentre(page, 'Purchase', 'Sales'));
  await page.keyboard.press('Escape');

  const purchase = canvas.getByRole('heading', { name: 'Purchase', level: 2 });
  await dragBy(page, await centreOf(purchase), await centreOf(canvas.getByRole('heading', { name: 'Awareness', level: 2 })));
  // Stage names from left to right, as they appear on screen.
  const order = async () => {
    const headings = await canvas.getByRole('heading', { level: 2 }).all();
    const placed = await Promise.all(headings.map(async (h) => ({ x: (await h.boundingBox())!.x, name: await h.textContent() })));
    return placed.sort((a, b) => a.x - b.x).map((p) => p.name);
  };
  await expect.poll(order).toEqual(['Purchase', 'Awareness', 'Interest', 'Consideration', 'Intent', 'Retention', 'Growth']);
  await expect(canvas.getByRole('article', { name: 'New touchpoint, Purchase, led by Sales' })).toBeVisible();

  await purchase.click();
  await page.keyboard.press('Delete');
  const confirm = page.getByRole('dialog', { name: 'Delete stage “Purchase”?' });
  await expect(confirm).toContainText('This also deletes 1 touchpoint.');
  await confirm.getByRole('button', { name: 'Delete' }).click();
  await expect(purchase).toHaveCount(0);
  await expect(canvas.getByRole('article')).toHaveCount(0);

  await page.keyboard.press('Control+z');
  await expect(canvas.getByRole('article', { name: 'New touchpoint, Purchase, led by Sales' })).toBeVisible();
  await expect.poll(order).toEqual(['Purchase', 'Awareness', 'Interest', 'Consideration', 'Intent', 'Retention', 'Growth']);
  await waitUntilSaved(page);
  await page.reload();
  await expect.poll(order).toEqual(['Purchase', 'Awareness', 'Interest', 'Consideration', 'Intent', 'Retention', 'Growth']);
  await expect(canvas.getByRole('article', { name: 'New touchpoint, Purchase, led by Sales' })).toBeVisible();
});

test('copy cards from one map and paste them into another; select all and delete is one undo step', async ({ app, page }) => {
  await createMap(page, app.url, 'Source map');
  const canvas = canvasOf(page);
  await dropFromPalette(page, 'Touchpoint', await cellCentre(page, 'Consideration', 'Marketing'));
  await page.getByRole('complementary', { name: 'Inspector' }).getByLabel('Title').fill('Customer stories');
  await page.keyboard.press('Enter');
  await dropFromPalette(page, 'Touchpoint', await cellCentre(page, 'Intent', 'Sales'));
  await page.getByRole('complementary', { name: 'Inspector' }).getByLabel('Title').fill('Discovery call');
  await page.keyboard.press('Enter');
  await canvas.getByRole('article', { name: /^Customer stories/ }).click();
  await canvas.getByRole('article', { name: /^Discovery call/ }).click({ modifiers: ['Shift'] });
  await page.keyboard.press('Control+c');
  await waitUntilSaved(page);

  await page.getByRole('button', { name: 'Back to maps' }).click();
  await page.getByRole('button', { name: 'New map' }).click();
  await page.getByLabel('Map name').fill('Target map');
  await page.getByRole('button', { name: 'Create map' }).click();
  await expect(canvas.getByRole('heading', { name: 'Intent', level: 2 })).toBeVisible();
  await page.keyboard.press('Control+v');
  await expect(canvas.getByRole('article', { name: 'Customer stories, Consideration, led by Marketing' })).toBeVisible();
  await expect(canvas.getByRole('article', { name: 'Discovery call, Intent, led by Sales' })).toBeVisible();

  await page.keyboard.press('Control+a');
  await page.keyboard.press('Delete');
  await expect(canvas.getByRole('article')).toHaveCount(0);
  await page.getByRole('toolbar', { name: 'Edit' }).getByRole('button', { name: 'Undo' }).click();
  await expect(canvas.getByRole('article')).toHaveCount(2);
});

test('a save that cannot reach Throughline says so, keeps the edit and stores it when the connection is back', async ({ app, page }) => {
  await createMap(page, app.url, 'Flaky network');
  const canvas = canvasOf(page);
  await page.route('**/api/maps.storeChange', (route) => route.abort('connectionrefused'));
  await dropFromPalette(page, 'Touchpoint', await cellCentre(page, 'Interest', 'Marketing'));
  await page.getByRole('complementary', { name: 'Inspector' }).getByLabel('Title').fill('Offline edit');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status')).toHaveText('Not saved yet — retrying');
  await expect(canvas.getByRole('article', { name: /^Offline edit/ })).toBeVisible();

  await page.unroute('**/api/maps.storeChange');
  await expect(page.getByRole('status')).toHaveText('Saved', { timeout: 15_000 });
  await page.reload();
  await expect(canvas.getByRole('article', { name: 'Offline edit, Interest, led by Marketing' })).toBeVisible();
});

test('lanes reorder by dragging their label, and a new team lane can be added and recoloured', async ({ app, page }) => {
  await createMap(page, app.url, 'Lanes');
  const canvas = canvasOf(page);
  const laneOrder = async () => {
    const labels = await canvas.getByRole('heading', { level: 3 }).all();
    const placed = await Promise.all(labels.map(async (h) => ({ y: (await h.boundingBox())!.y, name: await h.textContent() })));
    return placed.sort((a, b) => a.y - b.y).map((p) => p.name);
  };
  await dragBy(page, await centreOf(canvas.getByRole('heading', { name: 'Customer Success', level: 3 })), await centreOf(canvas.getByRole('heading', { name: 'Marketing', level: 3 })));
  await expect.poll(laneOrder).toEqual(['Customer Success', 'Marketing', 'Sales']);

  await canvas.getByRole('heading', { name: 'Sales', level: 3 }).click();
  await page.getByRole('region', { name: 'Palette' }).getByRole('button', { name: 'Team', exact: true }).click();
  const inspector = page.getByRole('complementary', { name: 'Inspector' });
  await inspector.getByLabel('Name').fill('Partners');
  await inspector.getByLabel('Name').press('Enter');
  await inspector.getByLabel('Colour').fill('#b91c1c');
  await expect.poll(laneOrder).toEqual(['Customer Success', 'Marketing', 'Sales', 'Partners']);
  await expect(canvasOf(page).getByRole('heading', { name: 'Partners', level: 3 })).toBeVisible();
  await waitUntilSaved(page);
  await page.reload();
  await expect.poll(laneOrder).toEqual(['Customer Success', 'Marketing', 'Sales', 'Partners']);
});
