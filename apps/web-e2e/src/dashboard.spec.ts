import AxeBuilder from '@axe-core/playwright';
import { expect, Page, test } from '@playwright/test';

/**
 * The chair of Psychosocial Support changes a work-plan item and sees the dashboard follow.
 * Runs against the demo data; every demo account has the same password.
 */
const PASSWORD = process.env['E2E_DEMO_PASSWORD'] || 'kengash-demo-2024';
const CHAIR = 'chair-psychosocial@demo.kengash.example';
const GROUP_NAME = 'Psychosocial Support';
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'];

async function signIn(page: Page): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('E-mail').fill(CHAIR);
  await page.getByTestId('password').fill(PASSWORD);
  await page.getByTestId('sign-in-submit').click();
  await expect(page.getByTestId('totp-code'), 'the chair has 2FA on: run against freshly loaded demo data').toHaveCount(
    0,
  );
  await expect(page.getByTestId('user-menu')).toBeVisible();
}

/** Accessibility problems that block people: serious or critical. */
async function blockingViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

function groupCard(page: Page) {
  return page.getByTestId('dashboard-group').filter({ has: page.getByRole('heading', { name: GROUP_NAME }) });
}

test.describe('dashboard and work plan', () => {
  test('the chair updates an item and the dashboard shows the new progress', async ({ page }) => {
    test.setTimeout(90_000);
    await signIn(page);

    // Home: "My working groups" leads to the dashboard.
    await expect(page).toHaveURL(/\/$/);
    await page.getByTestId('dashboard-link').click();
    await expect(page).toHaveURL(/\/dashboard$/);
    await expect(page).toHaveTitle('Dashboard · Kengash');

    const card = groupCard(page);
    await expect(card).toHaveCount(1);
    const progress = card.getByTestId('average-progress');
    await expect(progress).toHaveText(/Average progress: \d+%/);
    const chart = card.getByTestId('chart');
    await expect(chart).toHaveAttribute('data-values', /^\d+(,\d+){3}$/);
    await expect(card.locator('canvas')).toHaveAttribute('aria-label', /work-plan items by status/);
    const progressBefore = await progress.textContent();
    const valuesBefore = await chart.getAttribute('data-values');

    expect(await blockingViolations(page)).toEqual([]);

    // The group page: pick an item that is not done yet and complete it.
    await card.getByRole('link', { name: GROUP_NAME }).click();
    await expect(page).toHaveURL(/\/groups\/[a-z0-9-]+$/);
    await expect(page.getByTestId('group-name')).toHaveText(GROUP_NAME);
    const openItem = page
      .locator('[data-testid=work-plan-item]:not([data-status=done]):not([data-status=dropped])')
      .first();
    await expect(openItem).toBeVisible();
    const itemId = await openItem.getAttribute('data-item-id');
    const item = page.locator(`[data-testid=work-plan-item][data-item-id="${itemId}"]`);

    expect(await blockingViolations(page)).toEqual([]);

    await item.getByTestId('edit-item').click();
    await expect(item.getByTestId('edit-status')).toBeFocused();
    await item.getByTestId('edit-status').selectOption('done');
    await item.getByLabel('Progress (%)').fill('100');
    await item.getByTestId('save-item').click();

    await expect(item.getByTestId('edit-form')).toHaveCount(0);
    await expect(item.getByTestId('item-progress')).toHaveText('100%');
    await expect(item.getByTestId('item-status')).toHaveText('Done');
    await expect(item).toHaveAttribute('data-status', 'done');
    await expect(page.getByTestId('work-plan-status')).toHaveText('The item has been saved.');

    // Back on the dashboard: more done, higher average.
    await page.getByRole('navigation', { name: 'Main sections' }).getByRole('link', { name: 'Dashboard' }).click();
    await expect(page).toHaveURL(/\/dashboard$/);
    const after = groupCard(page);
    await expect(after.getByTestId('average-progress')).not.toHaveText(progressBefore ?? '');
    await expect(after.getByTestId('chart')).not.toHaveAttribute('data-values', valuesBefore ?? '');

    const [planned, inProgress, done] = (valuesBefore ?? '').split(',').map(Number);
    const valuesAfter = ((await after.getByTestId('chart').getAttribute('data-values')) ?? '').split(',').map(Number);
    expect(valuesAfter[2]).toBe(done + 1);
    expect(valuesAfter[0] + valuesAfter[1]).toBe(planned + inProgress - 1);
    const percent = (text: string | null) => Number(/(\d+)%/.exec(text ?? '')?.[1]);
    expect(percent(await after.getByTestId('average-progress').textContent())).toBeGreaterThan(percent(progressBefore));
  });
});
