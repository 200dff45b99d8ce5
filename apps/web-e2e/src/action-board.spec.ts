import AxeBuilder from '@axe-core/playwright';
import { APIRequestContext, Browser, expect, Page, test } from '@playwright/test';
import type { ActionItemListResponse, SignInResponse, WorkingGroupListResponse } from '@kengash/contracts';

/**
 * The action-item board end to end, on the demo data (the draft minutes of the 26 July 2024 meeting): the chair of
 * Psychosocial Support creates an action item from a decision in the register (owner: a member, due five days ago),
 * finds it on the board, filters by overdue and status (kept in the address); the owner, on a phone, moves it to
 * In progress; the chair's stale edit answers 409 and the board reloads and says so; the chair then moves the due
 * date and the item is no longer overdue. Members get no "Create action item" button. Axe-clean.
 */
const PASSWORD = process.env['E2E_DEMO_PASSWORD'] || 'kengash-demo-2024';
const demo = (key: string) => `${key}@demo.kengash.example`;
const CHAIR = demo('chair-psychosocial');
const MEMBER = demo('psychologist');
const MEMBER_NAME = 'Nodira Tursunova';
const DECISION = 'Joint items between groups are marked in each plan and followed by both chairs.';
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'];

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

/** The value, or a failure naming what was missing. */
function required<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new Error(`${what} is missing`);
  return value;
}

/** A calendar day `days` from today on this machine's calendar (the browser's too), as yyyy-mm-dd. */
function day(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

test.describe('action board', () => {
  test('the chair creates an action item from a decision, filters the board; the owner starts it; a stale edit is caught', async ({
    browser,
    request,
  }) => {
    test.setTimeout(150_000);
    const title = `Mark the joint items in the psychosocial plan ${Date.now()}`;
    const groups = (await (await request.get('/api/council/groups')).json()) as WorkingGroupListResponse;
    const group = required(
      groups.groups.find((g) => g.slug === 'psychosocial-support'),
      'the demo group psychosocial-support',
    );

    // ---- the chair creates the item from the decision in the register ------------------------------------------
    const chair = await signIn(browser, CHAIR);
    await chair.goto('/minutes');
    await chair.getByTestId('register-q').fill('Joint items');
    await chair.getByTestId('register-search').click();
    const decision = chair.getByTestId('decision').filter({ hasText: DECISION });
    await expect(decision).toHaveCount(1);
    await decision.getByTestId('create-action').click();
    const form = decision.getByTestId('create-action-form');
    await expect(form.getByTestId('action-title')).toHaveValue(DECISION);
    await expect(form.getByTestId('action-title')).toBeFocused();
    await expect(form.getByTestId('action-group').locator('option')).toHaveText(['Psychosocial Support']);
    await form.getByTestId('action-title').fill(title);
    await form.getByTestId('action-owner').selectOption({ label: MEMBER_NAME });
    // Nothing sent without a due date: the field says so.
    await form.getByTestId('action-submit').click();
    await expect(form.locator('mat-error')).toHaveText('Please fill in this field.');
    await form.getByTestId('action-due').fill(day(-5));
    expect(await blockingViolations(chair)).toEqual([]);
    await form.getByTestId('action-submit').click();
    await expect(decision.getByTestId('action-created')).toContainText(`Action item “${title}” was created.`);

    // The API recorded where it was decided: the second decision of that item (index 1).
    const chairToken = await accessToken(request, CHAIR);
    const listed = (await (
      await request.get(`/api/actions?groupId=${group.id}`, { headers: { authorization: `Bearer ${chairToken}` } })
    ).json()) as ActionItemListResponse;
    const created = required(
      listed.items.find((item) => item.title === title),
      'the new action item',
    );
    expect(created).toMatchObject({ decisionIndex: 1, ownerName: MEMBER_NAME, dueDate: day(-5), overdue: true });
    const minutesId = required(created.minutesId, 'the item’s minutes');
    const sessionId = required(created.sessionId, 'the item’s session');

    // ---- the board: the card, its source, the overdue days; filters in the address --------------------------------
    await decision.getByTestId('action-created-board').click();
    await expect(chair).toHaveURL(new RegExp(`/minutes/board\\?groupId=${group.id}$`));
    await expect(chair.getByRole('heading', { level: 1 })).toHaveText('Action board');
    const card = chair.getByTestId('board-card').filter({ hasText: title });
    await expect(card).toHaveAttribute('data-status', 'open');
    await expect(card.getByTestId('card-owner')).toHaveText(MEMBER_NAME);
    await expect(card.getByTestId('card-group')).toHaveText('Psychosocial Support');
    await expect(card.getByTestId('card-overdue')).toHaveText('Overdue by 5 days');
    await expect(card.getByTestId('card-session')).toHaveAttribute('href', `/sessions/${sessionId}`);
    await expect(card.getByTestId('card-decision')).toHaveAttribute('href', `/minutes/${minutesId}`);
    const openCount = chair.locator('[data-testid=board-column][data-status=open] [data-testid=column-count]');
    await expect(openCount).not.toHaveText('0');

    await chair.getByLabel('Overdue only').check();
    await expect(chair).toHaveURL(/overdue=true/);
    await expect(chair.getByRole('heading', { level: 1 })).toHaveText('Overdue action items');
    await expect(card).toBeVisible();
    await chair.getByTestId('filter-status').selectOption({ label: 'Done' });
    await expect(chair).toHaveURL(/status=done/);
    await expect(chair.getByTestId('board-column')).toHaveCount(1);
    await expect(card).toHaveCount(0);
    await chair.getByTestId('filter-status').selectOption({ label: 'Open' });
    await expect(chair).toHaveURL(new RegExp(`groupId=${group.id}&status=open&overdue=true`));
    await expect(card).toBeVisible();
    expect(await blockingViolations(chair)).toEqual([]);

    // The overdue view is linked from My actions for those who follow items up.
    await chair.goto('/minutes/actions');
    await chair.getByTestId('overdue-link').click();
    await expect(chair).toHaveURL(/\/minutes\/board\?overdue=true$/);
    await expect(chair.getByTestId('board-card').filter({ hasText: title })).toBeVisible();

    // ---- the owner, on a phone: no create button; moves the item to In progress ----------------------------------
    const member = await signIn(browser, MEMBER, { width: 390, height: 844 });
    await member.goto('/minutes?q=');
    await expect(member.getByTestId('decision').first()).toBeVisible();
    await expect(member.getByTestId('create-action')).toHaveCount(0);
    await member.goto('/minutes/board?owner=me');
    await expect(member.getByTestId('filter-owner')).toHaveValue('me');
    const mine = member.getByTestId('board-card').filter({ hasText: title });
    await expect(mine.getByTestId('card-overdue')).toHaveText('Overdue by 5 days');
    await expect(mine.getByTestId('edit-button')).toHaveCount(0);
    await mine.getByTestId('move-button').click();
    await member.getByRole('menuitem', { name: 'Move to In progress' }).click();
    await expect(member.getByTestId('board-message')).toHaveText(`“${title}” was moved to In progress.`);
    await expect(mine).toHaveAttribute('data-status', 'in_progress');
    const overflow = await member.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    expect(await blockingViolations(member)).toEqual([]);
    await member.reload();
    await expect(member.getByTestId('board-card').filter({ hasText: title })).toHaveAttribute(
      'data-status',
      'in_progress',
    );

    // ---- the chair's board still shows the old version: the edit answers 409, the board reloads ------------------
    const stale = chair.getByTestId('board-card').filter({ hasText: title });
    await expect(stale).toHaveAttribute('data-status', 'open');
    await stale.getByTestId('edit-button').click();
    const edit = chair.getByTestId('edit-form');
    await expect(edit.getByTestId('edit-owner')).toHaveValue(created.ownerId);
    await edit.getByTestId('edit-due').fill(day(30));
    await edit.getByTestId('edit-save').click();
    await expect(chair.getByTestId('board-message')).toContainText('Someone else changed this action item meanwhile');
    await expect(chair.getByTestId('board-message')).toHaveAttribute('role', 'alert');
    await expect(stale).toHaveAttribute('data-status', 'in_progress');

    // Again, on the current version: the due date moves and the item is no longer overdue.
    await stale.getByTestId('edit-button').click();
    await edit.getByTestId('edit-due').fill(day(30));
    await edit.getByTestId('edit-save').click();
    await expect(chair.getByTestId('board-message')).toHaveText('The action item was saved.');
    await expect(stale.getByTestId('card-overdue')).toHaveCount(0);
    await expect(stale).toHaveAttribute('data-overdue', 'false');
    expect(await blockingViolations(chair)).toEqual([]);
  });
});
