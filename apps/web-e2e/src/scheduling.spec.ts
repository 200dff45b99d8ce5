import AxeBuilder from '@axe-core/playwright';
import { Browser, expect, Page, test } from '@playwright/test';

/**
 * Scheduling across time zones: the chair of Accountability and Justice (Asia/Almaty) schedules a
 * session with the slot finder; a member in Tashkent sees it at her own local time, accepts, and
 * her open notification bell follows a change of time without a reload. Runs against the demo data.
 */
const PASSWORD = process.env['E2E_DEMO_PASSWORD'] || 'kengash-demo-2024';
const CHAIR = 'chair-accountability@demo.kengash.example';
const MEMBER = 'prosecutor@demo.kengash.example';
const GROUP_NAME = 'Accountability and Justice';
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'];

async function signIn(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('/sign-in');
  await page.getByLabel('E-mail').fill(email);
  await page.getByTestId('password').fill(PASSWORD);
  await page.getByTestId('sign-in-submit').click();
  await expect(page.getByTestId('user-menu')).toBeVisible();
  return page;
}

/** Accessibility problems that block people: serious or critical. */
async function blockingViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

/** `yyyy-mm-dd`, `days` from today (UTC is close enough for a range of dates). */
function dayFromNow(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/** The unread count, read from the bell's accessible name ("Notifications" or "Notifications, 3 unread"). */
async function unreadCount(page: Page): Promise<number> {
  const label = String(await page.getByTestId('notification-bell').getAttribute('aria-label'));
  return Number(/\d+/.exec(label)?.[0] ?? 0);
}

test.describe('scheduling', () => {
  test('a chair schedules with the slot finder; a member in another zone sees, accepts and is notified', async ({
    browser,
  }) => {
    test.setTimeout(90_000);
    const title = `Case-law exchange ${Date.now()}`;

    // ---- the chair schedules -------------------------------------------------------------------------
    const chair = await signIn(browser, CHAIR);
    await chair.goto('/sessions/new');
    await expect(chair.getByRole('heading', { level: 1 })).toHaveText('New session');
    await chair.getByTestId('session-title').fill(title);
    await chair.getByRole('checkbox', { name: GROUP_NAME }).check();
    // The slot finder's invitees are the group's members (and the chair): wait for them.
    await expect(chair.getByText(/every invitee \(([2-9]|\d\d+) people/)).toBeVisible();
    await expect(chair.getByTestId('time-zone-strip')).toBeVisible();

    expect(await blockingViolations(chair)).toEqual([]);

    await chair.getByTestId('slot-from').fill(dayFromNow(7));
    await chair.getByTestId('slot-to').fill(dayFromNow(13));
    await chair.getByTestId('find-slots').click();
    const firstSlot = chair.getByTestId('slot').first();
    await expect(firstSlot).toBeVisible();
    const slotStart = String(await firstSlot.getAttribute('data-starts-at'));
    await firstSlot.getByTestId('use-slot').click();
    const expectedLocal = await chair.evaluate(
      (instant) =>
        new Intl.DateTimeFormat('en-CA', {
          timeZone: 'Asia/Almaty',
          hour: '2-digit',
          minute: '2-digit',
          hourCycle: 'h23',
        }).format(new Date(instant)),
      slotStart,
    );
    await expect(chair.getByTestId('session-time')).toHaveValue(expectedLocal);
    await expect(chair.getByTestId('session-zone')).toHaveValue('Asia/Almaty');
    await expect(chair.getByTestId('strip-row').filter({ hasText: 'Tashkent' })).toBeVisible();

    await chair.getByTestId('add-agenda-item').click();
    await expect(chair.getByTestId('agenda-title-0')).toBeFocused();
    await chair.getByTestId('agenda-title-0').fill('Opening and results of the last session');
    await chair.getByTestId('save-session').click();

    await expect(chair).toHaveURL(/\/sessions\/[0-9a-f-]{36}\?saved=1$/);
    const sessionId = new URL(chair.url()).pathname.split('/')[2];
    await expect(chair.getByTestId('session-title')).toHaveText(title);
    await expect(chair.getByTestId('saved-notice')).toBeVisible();
    await expect(chair.getByTestId('rsvp-counts')).toHaveAttribute('data-accepted', '0');

    // ---- the member in Tashkent -------------------------------------------------------------------------
    const member = await signIn(browser, MEMBER);
    await expect(member.getByTestId('notification-bell')).toBeVisible();
    await member.getByRole('navigation', { name: 'Main sections' }).getByRole('link', { name: 'Sessions' }).click();
    await expect(member).toHaveURL(/\/sessions$/);
    await expect(member.getByTestId('calendar-zone')).toContainText('Asia/Tashkent');
    await member.getByTestId('view-agenda').click();
    const occurrence = member.locator(`[data-testid=occurrence][data-session-id="${sessionId}"]`).first();
    await expect(occurrence).toBeVisible();
    const startsAt = String(await occurrence.getAttribute('data-starts-at'));
    expect(Date.parse(startsAt)).toBe(Date.parse(slotStart));
    const tashkentTime = await member.evaluate(
      (instant) =>
        new Intl.DateTimeFormat('en', { timeZone: 'Asia/Tashkent', hour: '2-digit', minute: '2-digit' }).format(
          new Date(instant),
        ),
      startsAt,
    );
    await expect(occurrence.getByTestId('occurrence-time')).toHaveText(tashkentTime);

    expect(await blockingViolations(member)).toEqual([]);

    await occurrence.click();
    await expect(member.getByTestId('session-title')).toHaveText(title);
    await expect(member.getByTestId('session-start')).toHaveText(tashkentTime);
    await member.getByTestId('rsvp-accepted').click();
    await expect(member.getByTestId('my-rsvp')).toContainText('Accepted');
    await expect(member.getByTestId('rsvp-accepted')).toHaveAttribute('aria-pressed', 'true');

    // The chair's open page follows the answer live (the RsvpReceived notification links to it).
    const counts = chair.getByTestId('rsvp-counts');
    await expect(counts).toHaveAttribute('data-accepted', '1');
    await expect(counts).toContainText('Accepted: 1');

    // ---- the chair moves the session; the member's bell follows without a reload ---------------------------
    const before = await unreadCount(member);
    await chair.getByTestId('edit-session').click();
    await expect(chair.getByTestId('session-title')).toHaveValue(title);
    const [hours, minutes] = expectedLocal.split(':').map(Number);
    await chair
      .getByTestId('session-time')
      .fill(`${String((hours + 1) % 24).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`);
    await chair.getByTestId('save-session').click();
    await expect(chair).toHaveURL(new RegExp(`/sessions/${sessionId}\\?saved=1$`));

    await expect(member.getByTestId('notification-badge')).toHaveText(String(before + 1));
    await expect(member.getByTestId('notification-bell')).toHaveAttribute(
      'aria-label',
      `Notifications, ${before + 1} unread`,
    );
    await expect(member.getByTestId('notification-announcer')).not.toBeEmpty();
    await member.getByTestId('notification-bell').click();
    await expect(member.getByTestId('notification-item').first().locator('a')).toHaveAttribute(
      'href',
      `/sessions/${sessionId}`,
    );
  });
});
