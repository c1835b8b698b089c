import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { canvasOf, cellCentre, createMap, dropFromPalette, fitMap, waitUntilSaved } from './helpers';

test('a contested card is marked and listed; the quick fix clears it as one step; undo brings it back', async ({ app, page }) => {
  await createMap(page, app.url, 'Validator');
  const canvas = canvasOf(page);
  const problems = page.getByRole('region', { name: 'Problems' });
  const inspector = page.getByRole('complementary', { name: 'Inspector' });

  await dropFromPalette(page, 'Touchpoint', await cellCentre(page, 'Purchase', 'Sales'));
  // Once Purchase is started, the empty stages before it are gaps: listed as errors and marked on their headers.
  await expect(problems.getByRole('heading', { name: 'Errors (4)' })).toBeVisible();
  await expect(problems.getByText('No touchpoint in “Awareness”: the buyer is on their own there.')).toBeVisible();
  await expect(canvas.locator('.stage-header.issue-outline-error')).toHaveCount(4);

  await inspector.getByLabel('Title').fill('Contract negotiation');
  await inspector.getByLabel('Title').press('Enter');
  await inspector.getByRole('group', { name: 'Owner' }).getByLabel('Marketing').check();
  const card = canvas.getByRole('article', { name: /^Contract negotiation, Purchase, led by / });
  await expect(card).toHaveClass(/issue-outline-error/);
  await expect(card).toHaveAccessibleDescription(/Error: Sales and Marketing both claim to lead “Contract negotiation” in “Purchase”\./);
  const finding = problems.getByRole('listitem').filter({ hasText: 'both claim to lead “Contract negotiation”' });
  await expect(finding).toBeVisible();

  await finding.getByRole('button', { name: 'Make Sales the lead and Marketing a supporter' }).click();
  await expect(finding).toHaveCount(0);
  await expect(card).toHaveAccessibleName('Contract negotiation, Purchase, led by Sales');
  await expect(card).not.toHaveClass(/issue-outline-error/);
  await expect(inspector.getByRole('group', { name: 'Supporting teams' }).getByLabel('Marketing')).toBeChecked();

  await page.getByRole('toolbar', { name: 'Edit' }).getByRole('button', { name: 'Undo' }).click();
  await expect(finding).toBeVisible();
  await expect(card).toHaveAccessibleName('Contract negotiation, Purchase, led by Sales and Marketing');
  await expect(card).toHaveClass(/issue-outline-error/);
});

/** A new map with one card in Retention: the stages before it are started, and the empty ones are findings. */
async function mapWithRetentionCard(page: Page, url: string, name: string) {
  await createMap(page, url, name);
  const canvas = canvasOf(page);
  await canvas.getByRole('button', { name: 'Add the first touchpoint to Retention' }).click();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  return {
    canvas,
    problems: page.getByRole('region', { name: 'Problems' }),
    coverage: page.getByRole('region', { name: 'Coverage' }),
    inspector: page.getByRole('complementary', { name: 'Inspector' }),
  };
}

test('clicking a finding selects what it concerns; a focus fix opens the field; coverage shows gaps', async ({ app, page }) => {
  const { problems, coverage, inspector } = await mapWithRetentionCard(page, app.url, 'Panels');

  await problems.getByRole('button', { name: 'No touchpoint in “Intent”: the buyer is on their own there.' }).click();
  await expect(inspector.getByRole('heading', { name: 'Stage' })).toBeVisible();
  await expect(inspector.getByLabel('Name')).toHaveValue('Intent');

  await dropFromPalette(page, 'Handoff', await cellCentre(page, 'Intent', 'Marketing'));
  const missingCriteria = problems.getByRole('listitem').filter({ hasText: 'has no entry criteria' });
  await missingCriteria.getByRole('button', { name: 'Add entry criteria…' }).click();
  await expect(inspector.getByLabel('Criteria')).toBeFocused();
  await page.keyboard.type('MQL: score ≥ 60');
  await page.keyboard.press('Control+Enter');
  await expect(missingCriteria).toHaveCount(0);

  // Sales is not expected in Awareness: an empty cell there is just empty. Marketing is expected everywhere.
  await expect(coverage.getByRole('button', { name: 'Sales in Awareness: none' })).toHaveText('–');
  await expect(coverage.getByRole('button', { name: 'Marketing in Awareness: gap' })).toHaveText('Gap');
});

test('a coverage cell selects its cards; rule settings silence a rule and are kept', async ({ app, page }) => {
  const { canvas, problems, coverage, inspector } = await mapWithRetentionCard(page, app.url, 'Rules');
  await fitMap(page);
  await dropFromPalette(page, 'Touchpoint', await cellCentre(page, 'Awareness', 'Sales'));
  await inspector.getByLabel('Title').fill('Cold calls');
  await inspector.getByLabel('Title').press('Enter');
  await expect(coverage.getByRole('button', { name: 'Sales in Awareness: leads 1, supports 0' })).toBeVisible();
  await expect(problems.getByText('Sales leads “Cold calls” in “Awareness”, an early stage: hand it to marketing.')).toBeVisible();
  await page.keyboard.press('Escape');
  await coverage.getByRole('button', { name: 'Sales in Awareness: leads 1, supports 0' }).click();
  await expect(canvas.getByRole('article', { name: /^Cold calls/ })).toHaveClass(/selected/);

  await problems.getByRole('button', { name: 'Rule settings' }).click();
  await page.getByRole('dialog').getByLabel('Sales leads an early stage').selectOption('off');
  await page.getByRole('dialog').getByRole('button', { name: 'Done' }).click();
  await expect(problems.getByText('Sales leads “Cold calls”')).toHaveCount(0);
  await waitUntilSaved(page);
  await page.reload();
  await expect(problems.getByText('No touchpoint in “Interest”')).toBeVisible();
  await expect(problems.getByText('Sales leads “Cold calls”')).toHaveCount(0);
});
