import { CalendarResponse, OccurrenceView, SessionResponse } from '@kengash/contracts';
import { expect, test } from '@playwright/test';

/**
 * A series' own page lists its coming dates from the session's occurrences endpoint (not from the viewer's
 * calendar): the chair of Civil Society Engagement opens the demo monthly exchange and sees the same dates the
 * API gives for the coming year (at most 12).
 */
const PASSWORD = process.env['E2E_DEMO_PASSWORD'] || 'kengash-demo-2024';
const CHAIR = 'chair-civil-society@demo.kengash.example';
const DAY = 86_400_000;

test.describe('a session series', () => {
  test('its page lists the coming dates of the series', async ({ page, request }) => {
    const reply = await request.post('/api/auth/sign-in', { data: { email: CHAIR, password: PASSWORD } });
    expect(reply.status()).toBe(200);
    const auth = { authorization: `Bearer ${((await reply.json()) as SessionResponse).accessToken}` };
    const now = Date.now();
    const calendar = await request.get('/api/sessions/calendar', {
      headers: auth,
      params: { from: new Date(now).toISOString(), to: new Date(now + 60 * DAY).toISOString() },
    });
    const series = ((await calendar.json()) as CalendarResponse).occurrences.find((o) =>
      o.title.startsWith('Civil Society Engagement: monthly online exchange'),
    );
    expect(series).toBeDefined();
    const { sessionId } = series as OccurrenceView;
    const year = await request.get(`/api/sessions/${sessionId}/occurrences`, {
      headers: auth,
      params: { from: new Date(now).toISOString(), to: new Date(now + 365 * DAY).toISOString() },
    });
    expect(year.status()).toBe(200);
    const dates = ((await year.json()) as CalendarResponse).occurrences;
    expect(dates.length).toBeGreaterThanOrEqual(11);
    expect(dates.every((o) => o.sessionId === sessionId)).toBe(true);

    await page.goto('/sign-in');
    await page.getByLabel('E-mail').fill(CHAIR);
    await page.getByTestId('password').fill(PASSWORD);
    await page.getByTestId('sign-in-submit').click();
    await expect(page.getByTestId('user-menu')).toBeVisible();
    await page.goto(`/sessions/${sessionId}`);
    await expect(page.getByTestId('session-title')).toContainText('monthly online exchange');
    await expect(page.getByTestId('series-occurrence')).toHaveCount(Math.min(12, dates.length));
  });
});
