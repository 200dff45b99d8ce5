import AxeBuilder from '@axe-core/playwright';
import { APIRequestContext, Browser, expect, Page, test } from '@playwright/test';
import type { MinutesView, SessionView, SignInResponse, WorkingGroupListResponse } from '@kengash/contracts';

/**
 * Minutes end to end, in three browsers, on a session of Psychosocial Support written by hand: the chair schedules
 * it and a member accepts (through the API), the rapporteur starts the minutes (API); in the browser the rapporteur
 * edits an item and saves, then circulates; the member proposes an amendment; the chair accepts it and approves;
 * the page shows the SHA-256 content hash and the PDF downloads. The session page lists an earlier open action
 * item of the group as the agenda section carried over. Runs against the demo data.
 */
const PASSWORD = process.env['E2E_DEMO_PASSWORD'] || 'kengash-demo-2024';
const demo = (key: string) => `${key}@demo.kengash.example`;
const CHAIR = demo('chair-psychosocial');
const RAPPORTEUR = demo('rapporteur-psychosocial');
const MEMBER = demo('psychologist');
const MEMBER_NAME = 'Nodira Tursunova';
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'];

async function signedInApi(request: APIRequestContext, email: string): Promise<{ token: string; userId: string }> {
  const reply = await request.post('/api/auth/sign-in', { data: { email, password: PASSWORD } });
  expect(reply.status()).toBe(200);
  const body = (await reply.json()) as SignInResponse;
  if (body.status !== 'signed_in') throw new Error(`${email} needs a second factor`);
  return { token: body.accessToken, userId: body.user.id };
}

async function accessToken(request: APIRequestContext, email: string): Promise<string> {
  return (await signedInApi(request, email)).token;
}

async function signIn(browser: Browser, email: string, viewport?: { width: number; height: number }): Promise<Page> {
  const context = await browser.newContext(viewport ? { viewport } : {});
  const page = await context.newPage();
  await page.goto('/sign-in');
  await page.getByLabel(/E-mail|Эл/).fill(email);
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

test.describe('minutes', () => {
  test('the rapporteur edits and circulates, a member proposes an amendment, the chair accepts and approves', async ({
    browser,
    request,
  }) => {
    test.setTimeout(150_000);
    const title = `Psychosocial minutes check ${Date.now()}`;

    // ---- set-up through the API: session, an accepted invitation, the minutes --------------------------------
    const chairToken = await accessToken(request, CHAIR);
    const groups = (await (await request.get('/api/council/groups')).json()) as WorkingGroupListResponse;
    const group = groups.groups.find((g) => g.slug === 'psychosocial-support');
    expect(group).toBeDefined();
    const day = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    const created = await request.post('/api/sessions', {
      headers: { authorization: `Bearer ${chairToken}` },
      data: {
        title,
        groupIds: [group?.id],
        format: 'in_person',
        localStart: `${day}T10:00`,
        durationMinutes: 90,
        timeZone: 'Asia/Tashkent',
        agenda: [
          { title: 'Handbook chapter on family counselling', minutesAllotted: 30 },
          { title: 'Staff safety', minutesAllotted: 30 },
        ],
      },
    });
    expect(created.status()).toBe(201);
    const sessionId = ((await created.json()) as SessionView).id;
    const { token: memberToken, userId: memberId } = await signedInApi(request, MEMBER);
    // An open action item of the group from before: the session's agenda carries it over.
    const carriedTitle = `Send the referral map to the mahalla centres ${Date.now()}`;
    const action = await request.post('/api/actions', {
      headers: { authorization: `Bearer ${chairToken}` },
      data: { title: carriedTitle, groupId: group?.id, ownerId: memberId, dueDate: day },
    });
    expect(action.status()).toBe(201);
    const rsvp = await request.post(`/api/sessions/${sessionId}/rsvp`, {
      headers: { authorization: `Bearer ${memberToken}` },
      data: { rsvp: 'accepted' },
    });
    expect(rsvp.ok()).toBe(true);
    const rapporteurToken = await accessToken(request, RAPPORTEUR);
    const started = await request.post(`/api/sessions/${sessionId}/minutes`, {
      headers: { authorization: `Bearer ${rapporteurToken}` },
      data: { face: 'full' },
    });
    expect(started.status()).toBe(201);
    const minutesId = ((await started.json()) as MinutesView).id;

    // ---- the rapporteur edits the first item and saves, then circulates ---------------------------------------
    const rapporteur = await signIn(browser, RAPPORTEUR);
    await rapporteur.goto(`/sessions/${sessionId}`);
    await expect(rapporteur.getByTestId('carried-over')).toContainText(carriedTitle);
    await expect(rapporteur.getByTestId('carried-over')).toContainText(MEMBER_NAME);
    await expect(rapporteur.getByTestId('minutes-link')).toHaveAttribute('href', `/minutes/${minutesId}`);
    await rapporteur.getByTestId('minutes-link').click();
    await expect(rapporteur).toHaveURL(new RegExp(`/minutes/${minutesId}$`));
    await expect(rapporteur.getByTestId('minutes-status')).toHaveText('Draft');
    await expect(rapporteur.getByTestId('attendance')).toContainText(MEMBER_NAME);
    const editor = rapporteur.getByTestId('notes-editor').first();
    await editor.click();
    await rapporteur.keyboard.type('The chapter on family counselling is agreed. ');
    // The Tiptap toolbar: bold on, type, and the button says it is pressed.
    await rapporteur.locator('[data-command=bold]').first().click();
    await expect(rapporteur.locator('[data-command=bold]').first()).toHaveAttribute('aria-pressed', 'true');
    await rapporteur.keyboard.type('Unanimously.');
    await expect(rapporteur.getByTestId('save')).toBeEnabled();
    expect(await blockingViolations(rapporteur)).toEqual([]);
    await rapporteur.getByTestId('save').click();
    await expect(rapporteur.getByTestId('minutes-version')).toHaveText('Version 2');
    await rapporteur.getByTestId('circulate').click();
    await rapporteur.getByTestId('confirm').click();
    await expect(rapporteur.getByTestId('minutes-status')).toHaveText('Circulated');
    await expect(rapporteur.getByTestId('notes-editor')).toHaveCount(0);
    await expect(rapporteur.getByTestId('minutes-notes').first()).toContainText('family counselling is agreed');
    await expect(rapporteur.getByTestId('minutes-notes').first().locator('strong')).toHaveText('Unanimously.');

    // ---- a member who attended proposes an amendment, on a phone ----------------------------------------------
    const member = await signIn(browser, MEMBER, { width: 390, height: 844 });
    await member.goto(`/minutes/${minutesId}`);
    await expect(member.getByTestId('minutes-status')).toHaveAttribute('data-status', 'circulated');
    await member.getByTestId('amend-editor').click();
    await member.keyboard.type('The chapter is agreed, with one abstention noted.');
    await member.getByTestId('amend-reason').fill('Accuracy');
    await member.getByTestId('propose').click();
    await expect(member.getByTestId('amendment')).toHaveAttribute('data-status', 'proposed');
    const overflow = await member.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(1);

    // ---- the chair accepts it and approves; the hash shows; the PDF downloads ---------------------------------
    const chair = await signIn(browser, CHAIR);
    await chair.goto(`/minutes/${minutesId}`);
    await expect(chair.getByTestId('approve')).toBeDisabled();
    await chair.getByTestId('decision-note').fill('Agreed');
    await chair.getByTestId('accept').click();
    await expect(chair.getByTestId('amendment')).toHaveAttribute('data-status', 'accepted');
    await expect(chair.getByTestId('minutes-version')).toHaveText('Version 3');
    await expect(chair.getByTestId('minutes-notes').first()).toContainText('one abstention noted');
    await chair.getByTestId('approve').click();
    await chair.getByTestId('confirm').click();
    await expect(chair.getByTestId('minutes-status')).toHaveText('Approved');
    await expect(chair.getByTestId('minutes-hash')).toHaveText(/^[0-9a-f]{64}$/);
    const [download] = await Promise.all([chair.waitForEvent('download'), chair.getByTestId('download-pdf').click()]);
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    expect(await blockingViolations(chair)).toEqual([]);

    // ---- the register lists the session's decisions page; My actions opens ------------------------------------
    await chair.goto('/minutes');
    await expect(chair.getByRole('heading', { level: 1 })).toHaveText('Decisions register');
    await chair.getByTestId('my-actions-link').click();
    await expect(chair).toHaveURL(/\/minutes\/actions$/);
    await expect(chair.getByRole('heading', { level: 1 })).toHaveText('My actions');
    expect(await blockingViolations(chair)).toEqual([]);
  });

  test('the rapporteur opens an approved public summary to anyone; a visitor without an account reads it', async ({
    browser,
    request,
  }) => {
    test.setTimeout(90_000);
    const title = `Psychosocial public summary ${Date.now()}`;
    const chairToken = await accessToken(request, CHAIR);
    const rapporteurToken = await accessToken(request, RAPPORTEUR);
    const groups = (await (await request.get('/api/council/groups')).json()) as WorkingGroupListResponse;
    const group = groups.groups.find((g) => g.slug === 'psychosocial-support');
    const day = new Date(Date.now() - 3 * 86_400_000).toISOString().slice(0, 10);
    const created = await request.post('/api/sessions', {
      headers: { authorization: `Bearer ${chairToken}` },
      data: {
        title,
        groupIds: [group?.id],
        format: 'in_person',
        localStart: `${day}T10:00`,
        durationMinutes: 60,
        timeZone: 'Asia/Tashkent',
        agenda: [{ title: 'Open session on school return', minutesAllotted: 30 }],
      },
    });
    expect(created.status()).toBe(201);
    const sessionId = ((await created.json()) as SessionView).id;
    for (const face of ['full', 'public'])
      expect(
        (
          await request.post(`/api/sessions/${sessionId}/minutes`, {
            headers: { authorization: `Bearer ${rapporteurToken}` },
            data: { face },
          })
        ).status(),
      ).toBe(201);
    const list = (await (
      await request.get(`/api/sessions/${sessionId}/minutes`, { headers: { authorization: `Bearer ${chairToken}` } })
    ).json()) as { documents: { id: string; face: string }[] };
    const summary = list.documents.find((d) => d.face === 'public');
    expect(summary).toBeDefined();
    const summaryId = String(summary?.id);
    const approved = await request.post(`/api/minutes/${summaryId}/approve`, {
      headers: { authorization: `Bearer ${chairToken}` },
    });
    expect(approved.status()).toBe(200);

    const rapporteur = await signIn(browser, RAPPORTEUR);
    await rapporteur.goto(`/minutes/${summaryId}`);
    await expect(rapporteur.getByTestId('minutes-visibility')).toBeVisible();
    await expect(rapporteur.getByTestId('public-link')).toHaveCount(0);
    await rapporteur.getByTestId('visibility-public').click();
    const link = rapporteur.getByTestId('public-link');
    await expect(link).toHaveAttribute('href', new RegExp(`/public/minutes/${summaryId}$`));
    expect(await blockingViolations(rapporteur)).toEqual([]);

    const visitor = await (await browser.newContext()).newPage();
    await visitor.goto(`/public/minutes/${summaryId}`);
    await expect(visitor.getByTestId('public-minutes-title')).toBeVisible();
    await expect(visitor.getByTestId('public-minutes-hash')).toHaveText(/^[0-9a-f]{64}$/);
    await expect(visitor.getByTestId('public-item')).toContainText('Open session on school return');
    await expect(visitor.getByTestId('user-menu')).toHaveCount(0);
    expect(await blockingViolations(visitor)).toEqual([]);

    // Closed again: the same address says there is nothing there.
    await rapporteur.getByTestId('visibility-council').click();
    await expect(rapporteur.getByTestId('public-link')).toHaveCount(0);
    await visitor.reload();
    await expect(visitor.getByTestId('public-minutes-missing')).toBeVisible();
  });
});
