import AxeBuilder from '@axe-core/playwright';
import { Browser, expect, Page, test } from '@playwright/test';

/**
 * A short live meeting end to end, in four browsers: the chair of Accountability and Justice schedules an online
 * session and runs it; a member joins, raises his hand and votes with the keyboard only; the rapporteur takes the
 * notes; an observer follows without any action. Chat, the floor, a poll with a quorum, the end of the meeting,
 * and the draft minutes with attendance, the vote and the notes. Runs against the demo data.
 */
const PASSWORD = process.env['E2E_DEMO_PASSWORD'] || 'kengash-demo-2024';
const CHAIR = 'chair-accountability@demo.kengash.example';
const MEMBER = 'prosecutor@demo.kengash.example';
const RAPPORTEUR = 'rapporteur-accountability@demo.kengash.example';
const OBSERVER = 'observer-geneva@demo.kengash.example';
const CHAIR_NAME = 'Aigerim Seitkali';
const MEMBER_NAME = 'Farrukh Yusupov';
const RAPPORTEUR_NAME = 'Firuza Rahimova';
const GROUP_NAME = 'Accountability and Justice';
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'];

async function signIn(browser: Browser, email: string, viewport?: { width: number; height: number }): Promise<Page> {
  const context = await browser.newContext(viewport ? { viewport } : {});
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

function dayFromNow(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/** Presses Tab until `target` has the focus (the keyboard-only path), failing after `max` presses. */
async function tabTo(page: Page, testId: string, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(
      (id) => document.activeElement?.closest(`[data-testid="${id}"]`) !== null,
      testId,
    );
    if (focused) return;
  }
  throw new Error(`could not reach ${testId} with Tab`);
}

test.describe('live meeting', () => {
  test('a chair runs a meeting with a member, the rapporteur and an observer; the draft minutes record it', async ({
    browser,
  }) => {
    test.setTimeout(180_000);
    const title = `Live case-law meeting ${Date.now()}`;
    const notes = 'Agenda adopted without changes.';

    // ---- the chair schedules an online session with two agenda items ------------------------------------------
    const chair = await signIn(browser, CHAIR);
    await chair.goto('/sessions/new');
    await chair.getByTestId('session-title').fill(title);
    await chair.getByRole('checkbox', { name: GROUP_NAME }).check();
    await chair.getByTestId('session-date').fill(dayFromNow(3));
    await chair.getByTestId('session-time').fill('10:00');
    await chair.getByTestId('add-agenda-item').click();
    await chair.getByTestId('agenda-title-0').fill('Opening and adoption of the agenda');
    await chair.getByTestId('add-agenda-item').click();
    await chair.getByTestId('agenda-title-1').fill('Guidance note on case assessment');
    await chair.getByTestId('save-session').click();
    await expect(chair).toHaveURL(/\/sessions\/[0-9a-f-]{36}\?saved=1$/);
    const sessionId = new URL(chair.url()).pathname.split('/')[2];

    await chair.getByTestId('join-live').click();
    await expect(chair).toHaveURL(new RegExp(`/sessions/${sessionId}/live$`));
    await expect(chair.getByTestId('live-title')).toHaveText(title);
    await expect(chair.getByTestId('meeting-status')).toHaveText('Not started');
    await expect(chair.getByTestId('start-meeting')).toBeVisible();

    // ---- a member joins with the keyboard only, on a phone-sized screen ---------------------------------------
    const member = await signIn(browser, MEMBER, { width: 390, height: 844 });
    await member.goto(`/sessions/${sessionId}`);
    await expect(member.getByTestId('session-title')).toHaveText(title);
    await tabTo(member, 'join-live');
    await member.keyboard.press('Enter');
    await expect(member).toHaveURL(new RegExp(`/sessions/${sessionId}/live$`));
    await expect(member.getByTestId('live-title')).toHaveText(title);
    await expect(member.getByTestId('chair-controls')).toHaveCount(0);
    await expect(member.getByTestId('waiting-notice')).toBeVisible();
    // One column on a phone: nothing wider than the screen.
    const overflow = await member.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(1);

    // ---- the rapporteur and an observer join ------------------------------------------------------------------
    const rapporteur = await signIn(browser, RAPPORTEUR);
    await rapporteur.goto(`/sessions/${sessionId}/live`);
    await expect(rapporteur.getByTestId('live-title')).toHaveText(title);
    const observer = await signIn(browser, OBSERVER);
    await observer.goto(`/sessions/${sessionId}/live`);
    await expect(observer.getByTestId('read-only-notice')).toBeVisible();

    const presence = chair.getByTestId('present-person');
    await expect(presence).toHaveCount(4);
    await expect(chair.getByTestId('presence')).toContainText(MEMBER_NAME);
    await expect(chair.getByTestId('presence')).toContainText('Fictional Prosecutors’ Academy (demo)');
    await expect(chair.getByTestId('presence')).toContainText(RAPPORTEUR_NAME);

    // ---- the chair starts; the first item is current everywhere ----------------------------------------------
    await chair.getByTestId('start-meeting').click();
    for (const page of [chair, member, rapporteur, observer]) {
      await expect(page.getByTestId('meeting-status')).toHaveText('Live');
    }
    await expect(member.locator('[data-testid=agenda-item][aria-current=step]')).toContainText('Opening');
    await expect(member.getByTestId('item-timer')).toContainText('/ ');

    expect(await blockingViolations(chair)).toEqual([]);
    expect(await blockingViolations(member)).toEqual([]);

    // ---- the rapporteur takes notes; the member reads them live -----------------------------------------------
    await expect(member.getByTestId('notes-editor')).toHaveCount(0);
    await rapporteur.getByTestId('notes-editor').click();
    await rapporteur.keyboard.type(notes);
    await expect(member.getByTestId('notes-view')).toHaveText(notes);
    await expect(chair.getByTestId('notes-editor')).toHaveValue(notes);

    // ---- the chair moves to the second item ------------------------------------------------------------------
    await chair.getByTestId('agenda-next').click();
    await expect(member.locator('[data-testid=agenda-item][aria-current=step]')).toContainText('Guidance note');
    await expect(rapporteur.getByTestId('current-item')).toContainText('Guidance note');

    // ---- the member raises his hand with the keyboard; the chair gives him the floor ---------------------------
    const hand = member.getByTestId('hand-button');
    await expect(hand).toHaveAttribute('aria-pressed', 'false');
    await tabTo(member, 'hand-button');
    await member.keyboard.press('Enter');
    await expect(hand).toHaveAttribute('aria-pressed', 'true');
    await expect(hand).toHaveText(/Lower hand/);
    const entry = chair.getByTestId('queue-entry');
    await expect(entry).toHaveCount(1);
    await expect(entry).toContainText(MEMBER_NAME);
    await expect(chair.getByTestId('queue-announcer')).toHaveText(`${MEMBER_NAME} raised a hand.`);
    await entry.getByTestId('grant-floor').click();
    await expect(member.getByTestId('speaking-now')).toContainText(MEMBER_NAME);
    await expect(member.getByTestId('speaking-timer')).toHaveText(/^\d+:\d\d$/);
    await expect(observer.getByTestId('speaking-now')).toContainText(MEMBER_NAME);
    await expect(chair.getByTestId('queue-entry')).toHaveCount(0);

    // ---- chat ---------------------------------------------------------------------------------------------------
    await member.getByTestId('chat-input').fill('Good morning from Tashkent.');
    await member.getByTestId('chat-input').press('Enter');
    await expect(chair.getByTestId('chat-message').last()).toContainText('Good morning from Tashkent.');
    await expect(chair.getByTestId('chat-message').last()).toContainText(MEMBER_NAME);
    await expect(member.getByTestId('chat-pending')).toHaveCount(0);
    await expect(observer.getByTestId('chat-message')).toHaveCount(1);

    // ---- the member's connection drops: a banner says so, and a message typed meanwhile goes out once it is back ----
    await member.context().setOffline(true);
    await expect(member.getByTestId('connection-banner')).toHaveText('Connection lost. Reconnecting…', {
      timeout: 15_000,
    });
    await member.getByTestId('chat-input').fill('Typed while offline.');
    await member.getByTestId('chat-input').press('Enter');
    await expect(member.getByTestId('chat-pending')).toHaveAttribute('data-status', 'waiting');
    await member.context().setOffline(false);
    await expect(member.getByTestId('connection-banner')).toHaveText('Reconnected.', { timeout: 30_000 });
    await expect(chair.getByTestId('chat-message').last()).toContainText('Typed while offline.');
    await expect(member.getByTestId('chat-pending')).toHaveCount(0);
    await expect(member.getByTestId('chat-message')).toHaveCount(2);
    await expect(member.getByTestId('speaking-now')).toContainText(MEMBER_NAME);

    // ---- the chair opens a poll with a quorum of two members present ------------------------------------------
    await chair.getByTestId('poll-new').click();
    await chair.getByTestId('poll-question').fill('Adopt the guidance note on case assessment?');
    await chair.getByRole('radio', { name: 'A number of members present' }).check();
    await chair.getByLabel('Members required').fill('2');
    await chair.getByTestId('poll-open-submit').click();
    await expect(member.getByTestId('poll-question-text')).toHaveText('Adopt the guidance note on case assessment?');
    await expect(member.getByTestId('poll-quorum')).toContainText('required 2');
    await expect(member.getByTestId('poll-quorum')).toContainText('Quorum reached.');

    expect(await blockingViolations(member)).toEqual([]);

    // The member votes with the keyboard only: Tab to the choices, arrows, Tab to the button, Enter.
    await tabTo(member, 'poll-choices');
    await member.keyboard.press('Space');
    await expect(member.getByRole('radio', { name: 'Yes' })).toBeChecked();
    await tabTo(member, 'poll-vote', 10);
    await member.keyboard.press('Enter');
    await expect(member.getByTestId('my-vote')).toHaveText('Your vote: Yes');

    await rapporteur.getByRole('radio', { name: 'Yes' }).check();
    await rapporteur.getByTestId('poll-vote').click();
    await chair.getByRole('radio', { name: 'No' }).check();
    await chair.getByTestId('poll-vote').click();
    await expect(observer.getByTestId('poll-vote')).toHaveCount(0);
    await expect(observer.getByTestId('chat-message')).toHaveCount(2);
    await expect(observer.locator('[data-testid=poll-tally] li[data-option=yes]')).toHaveAttribute('data-votes', '2');
    await expect(observer.locator('[data-testid=poll-tally] li[data-option=no]')).toHaveAttribute('data-votes', '1');

    await chair.getByTestId('poll-close').click();
    await expect(member.getByTestId('poll-result')).toHaveText('Result: Adopted');

    // ---- observers see everything but act in nothing --------------------------------------------------------------
    await expect(observer.getByTestId('hand-button')).toHaveCount(0);
    await expect(observer.getByTestId('chat-input')).toHaveCount(0);
    await expect(observer.getByTestId('notes-view')).toBeVisible();
    await expect(observer.getByTestId('chair-controls')).toHaveCount(0);

    // ---- the chair ends the meeting ------------------------------------------------------------------------------
    await chair.getByTestId('end-meeting').click();
    await chair.getByRole('dialog').getByTestId('confirm').click();
    for (const page of [chair, member, rapporteur, observer]) {
      await expect(page.getByTestId('meeting-status')).toHaveText('Ended');
    }
    await expect(member.getByTestId('hand-button')).toHaveCount(0);

    // ---- the draft minutes: attendance, the vote, the notes -------------------------------------------------------
    await member.getByTestId('minutes-link').click();
    await expect(member).toHaveURL(new RegExp(`/sessions/${sessionId}/minutes$`));
    await expect(member.getByTestId('minutes-session')).toHaveText(title);
    const attendance = member.getByTestId('attendance');
    for (const name of [CHAIR_NAME, MEMBER_NAME, RAPPORTEUR_NAME]) {
      await expect(attendance).toContainText(name);
    }
    await expect(member.getByTestId('attendance-row')).toHaveCount(4);
    const decision = member.getByTestId('minutes-decision');
    await expect(decision).toContainText('Adopt the guidance note on case assessment?');
    await expect(decision).toHaveAttribute('data-outcome', 'adopted');
    await expect(decision).toContainText('Yes: 2 · No: 1 · Abstain: 0');
    await expect(member.getByTestId('minutes-notes').first()).toHaveText(notes);
    await expect(member.getByTestId('minutes-speakers')).toContainText(MEMBER_NAME);

    expect(await blockingViolations(member)).toEqual([]);
  });
});
