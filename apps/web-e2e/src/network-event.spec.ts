import AxeBuilder from '@axe-core/playwright';
import { expect, Page, test } from '@playwright/test';

/**
 * A network event (a session whose audience is the whole network): the demo practitioner, who belongs to no
 * working group, finds the secretariat's webinar in her calendar, sees it marked as a network event and answers.
 * Runs against the demo data (the webinar is three weeks after the seed, inside the agenda view's 30 days).
 */
const PASSWORD = process.env['E2E_DEMO_PASSWORD'] || 'kengash-demo-2024';
const PRACTITIONER = 'practitioner@demo.kengash.example';
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'];

async function blockingViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

test.describe('network events', () => {
  test('a practitioner finds the network webinar in her calendar and answers it', async ({ page }) => {
    await page.goto('/sign-in');
    await page.getByLabel('E-mail').fill(PRACTITIONER);
    await page.getByTestId('password').fill(PASSWORD);
    await page.getByTestId('sign-in-submit').click();
    await expect(page.getByTestId('user-menu')).toBeVisible();

    await page.goto('/sessions');
    await page.getByTestId('view-agenda').click();
    const webinar = page.getByTestId('occurrence').filter({ hasText: 'Network webinar' });
    await expect(webinar).toHaveCount(1);
    await webinar.click();

    await expect(page.getByTestId('session-title')).toContainText('Network webinar');
    await expect(page.getByTestId('network-event')).toHaveText(
      'Network event: open to every practitioner and council member',
    );
    await expect(page.getByTestId('my-rsvp')).toHaveText('You have not answered yet.');
    expect(await blockingViolations(page)).toEqual([]);

    await page.getByTestId('rsvp-accepted').click();
    await expect(page.getByTestId('my-rsvp')).toContainText('Accepted');
    await expect(page.getByTestId('rsvp-accepted')).toHaveAttribute('aria-pressed', 'true');

    // The answer is kept: after a reload it is still hers.
    await page.reload();
    await expect(page.getByTestId('my-rsvp')).toContainText('Accepted');
  });
});
