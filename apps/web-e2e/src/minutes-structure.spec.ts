import AxeBuilder from '@axe-core/playwright';
import { APIRequestContext, Browser, expect, Page, test } from '@playwright/test';
import type { MinutesView, SessionView, SignInResponse, WorkingGroupListResponse } from '@kengash/contracts';

/**
 * The structure of draft minutes, end to end, on a phone: on a session of Psychosocial Support written by hand (the
 * chair schedules it, the rapporteur starts the minutes, through the API), the rapporteur renames an agenda item,
 * adds a section with a hand-recorded decision and a speaker line, and saves; then opens version 1 in full from the
 * versions list (a linkable `?version=1`) and sees the old title, and goes back to the current text. Axe-clean.
 */
const PASSWORD = process.env['E2E_DEMO_PASSWORD'] || 'kengash-demo-2024';
const demo = (key: string) => `${key}@demo.kengash.example`;
const CHAIR = demo('chair-psychosocial');
const RAPPORTEUR = demo('rapporteur-psychosocial');
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'];
const PHONE = { width: 390, height: 844 };

async function accessToken(request: APIRequestContext, email: string): Promise<string> {
  const reply = await request.post('/api/auth/sign-in', { data: { email, password: PASSWORD } });
  expect(reply.status()).toBe(200);
  const body = (await reply.json()) as SignInResponse;
  if (body.status !== 'signed_in') throw new Error(`${email} needs a second factor`);
  return body.accessToken;
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

async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

test.describe('minutes structure', () => {
  test('the rapporteur renames an item, adds a section with a decision and a speaker, then reads version 1 in full', async ({
    browser,
    request,
  }) => {
    test.setTimeout(150_000);
    const title = `Psychosocial structure check ${Date.now()}`;
    const oldItem = 'Handbook chapter on family counselling';
    const newItem = 'Family counselling chapter of the handbook';
    const section = 'Any other business';
    const decision = 'The next meeting reviews the referral map.';

    // ---- set-up through the API: a session with an agenda, minutes started by the rapporteur ----------------
    const chairToken = await accessToken(request, CHAIR);
    const groups = (await (await request.get('/api/council/groups')).json()) as WorkingGroupListResponse;
    const group = groups.groups.find((g) => g.slug === 'psychosocial-support');
    expect(group).toBeDefined();
    const day = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    const created = await request.post('/api/sessions', {
      headers: { authorization: `Bearer ${chairToken}` },
      data: {
        title,
        groupIds: [group?.id],
        format: 'in_person',
        localStart: `${day}T14:00`,
        durationMinutes: 60,
        timeZone: 'Asia/Tashkent',
        agenda: [
          { title: oldItem, minutesAllotted: 30 },
          { title: 'Staff safety', minutesAllotted: 30 },
        ],
      },
    });
    expect(created.status()).toBe(201);
    const sessionId = ((await created.json()) as SessionView).id;
    const rapporteurToken = await accessToken(request, RAPPORTEUR);
    const started = await request.post(`/api/sessions/${sessionId}/minutes`, {
      headers: { authorization: `Bearer ${rapporteurToken}` },
      data: { face: 'full' },
    });
    expect(started.status()).toBe(201);
    const minutes = (await started.json()) as MinutesView;
    const itemCount = minutes.content.items.length;

    // ---- on a phone, the rapporteur edits the structure and saves ---------------------------------------------
    const rapporteur = await signIn(browser, RAPPORTEUR, PHONE);
    await rapporteur.goto(`/minutes/${minutes.id}`);
    await expect(rapporteur.getByTestId('minutes-status')).toHaveText('Draft');
    const items = rapporteur.getByTestId('minutes-item');
    await expect(items).toHaveCount(itemCount);
    await items.first().getByTestId('item-title').fill(newItem);
    await expect(items.first().getByTestId('item-heading')).toContainText(`1. ${newItem}`);

    await rapporteur.getByTestId('add-section').click();
    await expect(items).toHaveCount(itemCount + 1);
    const added = items.last();
    // Its title field has the focus: type straight away.
    await expect(added.getByTestId('item-title')).toBeFocused();
    await rapporteur.keyboard.type(section);
    await added.getByTestId('add-decision').click();
    await expect(added.getByTestId('decision-text')).toBeFocused();
    await rapporteur.keyboard.type(decision);
    await added.getByTestId('add-speaker').click();
    await added.getByTestId('speaker-name').fill('Nodira Tursunova');
    await added.getByTestId('speaker-time').fill('2:75');
    await added.getByTestId('speaker-turns').fill('2');

    // A wrong time is shown next to its field and nothing is sent.
    await rapporteur.getByTestId('save').click();
    await expect(rapporteur.getByTestId('structure-invalid')).toBeVisible();
    await expect(added.locator('mat-form-field', { has: rapporteur.getByTestId('speaker-time') })).toContainText(
      'Enter minutes:seconds',
    );
    await expect(added.getByTestId('speaker-time')).toBeFocused();
    await expect(rapporteur.getByTestId('minutes-version')).toHaveText('Version 1');
    await added.getByTestId('speaker-time').fill('2:30');
    await expect(rapporteur.getByTestId('structure-invalid')).toHaveCount(0);

    expect(await blockingViolations(rapporteur)).toEqual([]);
    expect(await horizontalOverflow(rapporteur)).toBeLessThanOrEqual(1);
    await rapporteur.getByTestId('save').click();
    await expect(rapporteur.getByTestId('minutes-version')).toHaveText('Version 2');
    await expect(items.first().getByTestId('item-title')).toHaveValue(newItem);

    // What the server keeps: one version with all of it.
    const saved = await request.get(`/api/minutes/${minutes.id}`, {
      headers: { authorization: `Bearer ${rapporteurToken}` },
    });
    const view = (await saved.json()) as MinutesView;
    expect(view.version).toBe(2);
    expect(view.content.items[0].title).toBe(newItem);
    const extra = view.content.items[view.content.items.length - 1];
    expect(extra.key).toMatch(/^extra-\d+$/);
    expect(extra).toMatchObject({
      title: section,
      speakers: [{ name: 'Nodira Tursunova', seconds: 150, turns: 2 }],
      decisions: [{ text: decision, result: null, secret: false }],
    });

    // ---- version 1 in full, from the versions list; the address can be shared ----------------------------------
    await rapporteur.getByTestId('view-version').first().click();
    await expect(rapporteur).toHaveURL(new RegExp(`/minutes/${minutes.id}\\?version=1$`));
    await expect(rapporteur.getByTestId('version-view-heading')).toHaveText('Version 1 of 2 — not the current text');
    await expect(rapporteur.getByTestId('version-view-heading')).toBeFocused();
    await expect(rapporteur.getByTestId('version-title')).toHaveText(title);
    const oldItems = rapporteur.getByTestId('version-view').getByTestId('minutes-item');
    await expect(oldItems).toHaveCount(itemCount);
    await expect(oldItems.first().getByTestId('minutes-item-title')).toContainText(`1. ${oldItem}`);
    await expect(rapporteur.getByTestId('version-view')).not.toContainText(section);
    await expect(rapporteur.getByTestId('notes-editor')).toHaveCount(0);
    expect(await blockingViolations(rapporteur)).toEqual([]);
    expect(await horizontalOverflow(rapporteur)).toBeLessThanOrEqual(1);

    await rapporteur.reload();
    await expect(rapporteur.getByTestId('version-view-heading')).toHaveText('Version 1 of 2 — not the current text');
    await expect(rapporteur.getByTestId('version-view').getByTestId('minutes-item').first()).toContainText(oldItem);

    await rapporteur.getByTestId('back-to-current').click();
    await expect(rapporteur).toHaveURL(new RegExp(`/minutes/${minutes.id}$`));
    await expect(rapporteur.getByTestId('version-view')).toHaveCount(0);
    await expect(items.first().getByTestId('item-title')).toHaveValue(newItem);
    await expect(items.last().getByTestId('decision-text')).toHaveValue(decision);
  });
});
