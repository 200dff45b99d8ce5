import { expect, test } from '@playwright/test';

/** The four demo working groups, by the names the API serves in each language. */
const DEMO_GROUPS_EN = /Accountability|Psychosocial|Terrorist Narratives|Civil Society/;

test.describe('council home', () => {
  test.beforeEach(async ({ page }) => {
    await page.goto('/');
  });

  test('lists the four demo working groups', async ({ page }) => {
    const groups = page.getByTestId('working-group');

    await expect(groups).toHaveCount(4);
    await expect(groups.filter({ hasText: 'Psychosocial' })).toHaveCount(1);
    for (const group of await groups.all()) {
      await expect(group).toContainText(DEMO_GROUPS_EN);
    }
    await expect(page).toHaveTitle('Council · Kengash');
  });

  test('switches the interface and the group names to Russian', async ({ page }) => {
    await expect(page.getByTestId('working-group')).toHaveCount(4);

    await page.getByRole('radiogroup', { name: 'Language' }).getByRole('radio', { name: 'Русский' }).click();

    const nav = page.getByRole('navigation', { name: 'Основные разделы' });
    await expect(nav.getByRole('link', { name: 'Заседания' })).toBeVisible();
    await expect(nav.getByRole('link', { name: 'Протоколы' })).toBeVisible();
    await expect(
      page.getByTestId('working-group').getByRole('heading', { name: 'Психосоциальная поддержка' }),
    ).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
    await expect(page).toHaveTitle('Совет · Kengash');

    // The choice is remembered across visits.
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
    await expect(page.getByRole('link', { name: 'Заседания' })).toBeVisible();
  });

  test('Tab reaches the skip link first, and it moves focus to the main content', async ({ page }) => {
    await expect(page.getByTestId('working-group').first()).toBeVisible();

    await page.keyboard.press('Tab');
    const skipLink = page.getByRole('link', { name: 'Skip to main content' });
    await expect(skipLink).toBeFocused();
    await expect(skipLink).toBeVisible();

    await page.keyboard.press('Enter');
    await expect(page.getByRole('main')).toBeFocused();
    await expect(page).toHaveURL(/\/$/);
  });
});
