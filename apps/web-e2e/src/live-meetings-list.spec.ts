import AxeBuilder from '@axe-core/playwright';
import { APIRequestContext, expect, Page, test } from '@playwright/test';
import type {
  ClientToServerEvents,
  ServerToClientEvents,
  SessionView,
  SignInResponse,
  WorkingGroupListResponse,
} from '@kengash/contracts';
import { io, Socket } from 'socket.io-client';

/**
 * The "Live meetings" page (`/live`) of a member of Accountability and Justice, on a phone: a session the chair
 * schedules through the API is listed under "Upcoming"; when the chair starts it (a Socket.IO client here, as the
 * room would) the page moves it to "Live now" as soon as it is shown again, says so politely, and "Join" opens
 * the room; once ended, it offers the draft minutes. Runs against the demo data.
 */
const PASSWORD = process.env['E2E_DEMO_PASSWORD'] || 'kengash-demo-2024';
const CHAIR = 'chair-accountability@demo.kengash.example';
const MEMBER = 'prosecutor@demo.kengash.example';
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'];

type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** Accessibility problems that block people: serious or critical. */
async function blockingViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

async function accessToken(request: APIRequestContext, email: string): Promise<string> {
  const reply = await request.post('/api/auth/sign-in', { data: { email, password: PASSWORD } });
  expect(reply.status()).toBe(200);
  const body = (await reply.json()) as SignInResponse;
  if (body.status !== 'signed_in') throw new Error(`${email} needs a second factor`);
  return body.accessToken;
}

/** Emits a live event as the room does and fails on a refusal. */
async function ask(socket: LiveSocket, event: 'meeting:join' | 'meeting:start' | 'meeting:end', sessionId: string) {
  const ack = (await (
    socket.timeout(10_000) as unknown as { emitWithAck(e: string, p: unknown): Promise<unknown> }
  ).emitWithAck(event, { sessionId })) as { ok: boolean; error?: { code: string; message: string } };
  if (!ack.ok) throw new Error(`${event} refused: ${ack.error?.code} ${ack.error?.message}`);
}

/** What a browser does when the person comes back to the tab. */
async function comeBack(page: Page): Promise<void> {
  await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
}

test.describe('live meetings page', () => {
  test('a member sees a meeting go live, joins it from the list, then finds its draft minutes', async ({
    browser,
    request,
    baseURL,
  }) => {
    test.setTimeout(90_000);
    const title = `Live list check ${Date.now()}`;

    // ---- the chair schedules a session in three days, through the API --------------------------------------
    const token = await accessToken(request, CHAIR);
    const groups = (await (await request.get('/api/council/groups')).json()) as WorkingGroupListResponse;
    const group = groups.groups.find((g) => g.slug === 'accountability');
    expect(group).toBeDefined();
    const day = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    const created = await request.post('/api/sessions', {
      headers: { authorization: `Bearer ${token}` },
      data: {
        title,
        groupIds: [group?.id],
        format: 'online',
        localStart: `${day}T10:00`,
        durationMinutes: 60,
        timeZone: 'Asia/Tashkent',
        agenda: [{ title: 'Opening', minutesAllotted: 10 }],
      },
    });
    expect(created.status()).toBe(201);
    const sessionId = ((await created.json()) as SessionView).id;

    // ---- a member opens /live on a phone: the session is upcoming ----------------------------------------------
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto('/live');
    await expect(page).toHaveURL(/\/sign-in\?returnUrl=%2Flive$/);
    await page.getByLabel('E-mail').fill(MEMBER);
    await page.getByTestId('password').fill(PASSWORD);
    await page.getByTestId('sign-in-submit').click();
    await expect(page).toHaveURL(/\/live$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Live meetings');
    await expect(page).toHaveTitle('Live meetings · Kengash');

    const card = page.locator(`[data-testid=live-meeting][data-session-id="${sessionId}"]`);
    await expect(page.getByTestId('upcoming').locator(`[data-session-id="${sessionId}"]`)).toBeVisible();
    await expect(card).toContainText('Accountability and Justice');
    await expect(card.getByTestId('open-room')).toHaveAttribute('href', `/sessions/${sessionId}/live`);
    await expect(card.getByTestId('join-meeting')).toHaveCount(0);
    expect(await blockingViolations(page)).toEqual([]);

    // ---- the chair opens the room and starts the meeting -------------------------------------------------------
    const chair: LiveSocket = io(`${baseURL}/live`, {
      transports: ['websocket'],
      reconnection: false,
      auth: { token },
    });
    try {
      await new Promise<void>((resolve, reject) => {
        chair.once('connect', () => resolve());
        chair.once('connect_error', reject);
      });
      await ask(chair, 'meeting:join', sessionId);
      await ask(chair, 'meeting:start', sessionId);

      // ---- back on the tab, the list asks again: the meeting is live --------------------------------------------
      await comeBack(page);
      const live = page.getByTestId('live-now').locator(`[data-session-id="${sessionId}"]`);
      await expect(live).toBeVisible();
      await expect(live.getByTestId('live-badge')).toHaveText('Live');
      await expect(live.getByTestId('live-meeting-present')).toHaveText('1 in the room');
      await expect(page.getByTestId('live-announcer')).toContainText(`now live — ${title}`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(1);
      expect(await blockingViolations(page)).toEqual([]);

      // ---- "Join", with the keyboard, opens the room ------------------------------------------------------------
      const join = live.getByTestId('join-meeting');
      await expect(join).toHaveText('Join');
      await join.focus();
      await page.keyboard.press('Enter');
      await expect(page).toHaveURL(new RegExp(`/sessions/${sessionId}/live$`));
      await expect(page.getByTestId('live-title')).toHaveText(title);
      await expect(page.getByTestId('meeting-status')).toHaveText('Live');

      // ---- the chair ends it; the list offers the draft minutes -------------------------------------------------
      await ask(chair, 'meeting:end', sessionId);
      await page.goto('/live');
      const ended = page.getByTestId('ended').locator(`[data-session-id="${sessionId}"]`);
      await expect(ended.getByTestId('minutes-link')).toHaveAttribute('href', `/sessions/${sessionId}/minutes`);
    } finally {
      chair.close();
      await context.close();
    }
  });
});
