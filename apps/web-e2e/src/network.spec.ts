import AxeBuilder from '@axe-core/playwright';
import { APIRequestContext, Browser, expect, Page, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { Secret, TOTP } from 'otpauth';
import type {
  CaughtMailView,
  DevMailboxResponse,
  DirectoryResponse,
  PersonalDataExport,
  SessionResponse,
  SignInResponse,
  TotpEnrolmentResponse,
} from '@kengash/contracts';

/**
 * The practitioners' network end to end, against the demo data: an applicant applies IN RUSSIAN on a phone-sized
 * screen (no account) and follows the status link from the e-mail; the national focal point of Kazakhstan endorses;
 * the secretariat (2FA turned on through the API first, as its role requires) accepts with a shared reason; the
 * practitioner accepts the invitation from the e-mail, signs in, sets a phone number visible to the network — a
 * council member finds it in the directory and reveals it (a logged view the practitioner sees) — then hides it
 * ("only me"): the member's directory search no longer offers it, in the page or in the JSON. Then the practitioner
 * downloads their data and erases the account. Axe checks on each screen.
 */
const PASSWORD = process.env['E2E_DEMO_PASSWORD'] || 'kengash-demo-2024';
const demo = (key: string) => `${key}@demo.kengash.example`;
const FOCAL_POINT_KZ = demo('focal-point-kz');
const SECRETARIAT = demo('secretariat');
const MEMBER = demo('psychologist');
const MEMBER_NAME = 'Nodira Tursunova';
const PHONE_SIZE = { width: 390, height: 844 };
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'];
const TOTP_PERIOD_SECONDS = 30;

/** Accessibility problems that block people: serious or critical. */
async function blockingViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

function totpFor(secret: string): TOTP {
  return new TOTP({ secret: Secret.fromBase32(secret), period: TOTP_PERIOD_SECONDS, digits: 6 });
}

/** A code from a later 30-s step than `usedStep` (codes are single-use); waits for the next step when needed. */
async function freshCode(totp: TOTP, usedStep: number): Promise<{ code: string; step: number }> {
  const current = () => Math.floor(Date.now() / 1000 / TOTP_PERIOD_SECONDS);
  while (current() <= usedStep) {
    const msToNextStep = (usedStep + 1) * TOTP_PERIOD_SECONDS * 1000 - Date.now();
    await new Promise((resolve) => setTimeout(resolve, Math.max(msToNextStep, 0) + 250));
  }
  const step = current();
  return { code: totp.generate({ timestamp: step * TOTP_PERIOD_SECONDS * 1000 }), step };
}

/**
 * The secretariat must use 2FA: through the API, sign in and enrol (the enrolment routes stay open), so its
 * token can read the development inbox and the browser can sign in with a code.
 */
async function enrolSecretariat(request: APIRequestContext): Promise<{ token: string; totp: TOTP; step: number }> {
  const reply = await request.post('/api/auth/sign-in', { data: { email: SECRETARIAT, password: PASSWORD } });
  expect(reply.status()).toBe(200);
  const signedIn = (await reply.json()) as SignInResponse;
  expect(signedIn.status, 'the secretariat already has 2FA: run against freshly loaded demo data').toBe('signed_in');
  const token = (signedIn as SessionResponse).accessToken;
  const auth = { authorization: `Bearer ${token}` };
  const enrol = await request.post('/api/me/totp/enrol', { headers: auth });
  expect(enrol.status()).toBe(201);
  const totp = totpFor(((await enrol.json()) as TotpEnrolmentResponse).secret);
  const confirmed = await freshCode(totp, -1);
  const confirm = await request.post('/api/me/totp/confirm', { headers: auth, data: { code: confirmed.code } });
  expect(confirm.status()).toBe(201);
  return { token, totp, step: confirmed.step };
}

/** The newest caught mail to `to` whose text matches `pattern` (waits for it: mail is sent after the commit). */
async function mailTo(request: APIRequestContext, token: string, to: string, pattern: RegExp): Promise<CaughtMailView> {
  let found: CaughtMailView | undefined;
  await expect
    .poll(
      async () => {
        const reply = await request.get('/api/dev/mailbox', { headers: { authorization: `Bearer ${token}` } });
        const inbox = (await reply.json()) as DevMailboxResponse;
        found = inbox.items.find((mail) => mail.to.includes(to) && pattern.test(mail.text));
        return found !== undefined;
      },
      { timeout: 20_000 },
    )
    .toBe(true);
  return found as CaughtMailView;
}

/** The first link in a mail's text whose path starts with `path`, as a path and query for the browser. */
function linkIn(mail: CaughtMailView, path: string): string {
  const url = new URL(mail.text.match(new RegExp(`https?://\\S+${path.replace('/', '\\/')}\\?token=\\S+`))?.[0] ?? '');
  return `${url.pathname}${url.search}`;
}

async function signIn(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto('/sign-in');
  await page.getByLabel(/E-mail|Эл/).fill(email);
  await page.getByTestId('password').fill(PASSWORD);
  await page.getByTestId('sign-in-submit').click();
  await expect(page.getByTestId('totp-code'), `${email} has 2FA on: run against freshly loaded demo data`).toHaveCount(
    0,
  );
  await expect(page.getByTestId('user-menu')).toBeVisible();
  return page;
}

async function signInWithCode(browser: Browser, email: string, totp: TOTP, usedStep: number): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto('/sign-in');
  await page.getByLabel(/E-mail|Эл/).fill(email);
  await page.getByTestId('password').fill(PASSWORD);
  await page.getByTestId('sign-in-submit').click();
  await expect(page.getByTestId('totp-code')).toBeVisible();
  await page.getByTestId('totp-code').fill((await freshCode(totp, usedStep)).code);
  await page.getByTestId('totp-submit').click();
  await expect(page.getByTestId('user-menu')).toBeVisible();
  return page;
}

/** The member's directory search for the practitioner, by a name only they carry. */
async function searchDirectory(page: Page, name: string) {
  await page.goto('/network/directory');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Directory');
  // The first page (everyone this viewer may see) loads before any search.
  await expect(page.getByTestId('directory-count')).toBeVisible();
  await page.getByTestId('directory-query').fill(name);
  await page.getByTestId('directory-search').click();
  await expect(page.getByTestId('directory-count')).toHaveText('People found: 1');
  return page.getByTestId('directory-entry');
}

test.describe('practitioners’ network', () => {
  test('an applicant applies in Russian on a phone, is endorsed and accepted, signs in, hides their phone from the directory, downloads their data and erases the account', async ({
    browser,
    request,
  }) => {
    test.setTimeout(240_000);
    // Letters only, so the name stays a plausible name.
    const stamp = Date.now()
      .toString(36)
      .replace(/\d/g, (d) => 'абвгдежзик'[Number(d)]);
    const name = `Айгерим Сейтказы ${stamp}`;
    const email = `applicant-${Date.now()}@example.org`;
    const phone = '+7 701 555 12 34';

    // ---- the applicant, on a phone, in Russian, without an account ------------------------------------------
    const applicant = await (await browser.newContext({ viewport: PHONE_SIZE })).newPage();
    await applicant.goto('/network');
    await applicant.locator('mat-button-toggle[lang=ru] button').click();
    await expect(applicant.getByRole('heading', { level: 1 })).toHaveText('Сеть практиков');
    await expect(applicant.getByTestId('privacy-notice')).toContainText('версия 2024-11');
    await applicant.getByTestId('network-apply-link').click();
    await expect(applicant).toHaveURL(/\/network\/apply$/);
    await expect(applicant.getByRole('heading', { level: 1 })).toHaveText('Заявка в сеть');
    // The honeypot is there for bots only: out of the tab order and hidden from assistive technology.
    await expect(applicant.getByTestId('apply-website')).toHaveAttribute('tabindex', '-1');
    await expect(applicant.getByTestId('apply-website')).not.toBeInViewport();

    await applicant.getByTestId('apply-name').fill(name);
    await applicant.getByTestId('apply-email').fill(email);
    await applicant.getByTestId('apply-role').fill('Социальный работник');
    await applicant.getByTestId('apply-organisation-type').selectOption('ngo');
    await applicant.getByTestId('apply-organisation-name').fill('Центр поддержки семьи «Шанырак»');
    await applicant.getByTestId('apply-country').selectOption('KZ');
    await applicant.getByTestId('apply-region').fill('Шымкент');
    await applicant.locator('[data-testid=apply-languages] [data-value=kk] input').check();
    await applicant.locator('[data-testid=apply-languages] [data-value=ru] input').check();
    await applicant.locator('[data-testid=apply-expertise] [data-value=family_community] input').check();
    await applicant
      .getByTestId('apply-motivation')
      .fill('Пять лет работаю с семьями, вернувшимися домой, и хочу обмениваться опытом с коллегами.');
    expect(await blockingViolations(applicant)).toEqual([]);
    await applicant.screenshot({ path: test.info().outputPath('apply-ru-phone.png'), fullPage: true });
    // Sent without the consent: said at the box, nothing goes out.
    await applicant.getByTestId('apply-submit').click();
    await expect(applicant.getByTestId('consent-error')).toHaveText(
      'Чтобы подать заявку, нужно согласие с уведомлением о конфиденциальности.',
    );
    await applicant.getByTestId('apply-consent').locator('input').check();
    await applicant.getByTestId('apply-submit').click();
    await expect(applicant.getByTestId('apply-sent')).toHaveText('Проверьте почту');
    await expect(applicant.getByText(email)).toBeVisible();
    expect(await blockingViolations(applicant)).toEqual([]);

    // The e-mail, in Russian, with the status link.
    const secretariatApi = await enrolSecretariat(request);
    const received = await mailTo(request, secretariatApi.token, email, /\/network\/status\?token=/);
    expect(received.subject).toBe('Ваша заявка в сеть практиков');
    const statusLink = linkIn(received, '/network/status');
    await applicant.goto(statusLink);
    await expect(applicant.getByTestId('application-status')).toHaveText('Подана');
    expect(await blockingViolations(applicant)).toEqual([]);

    // ---- the focal point of Kazakhstan endorses --------------------------------------------------------------
    const focalPoint = await signIn(browser, FOCAL_POINT_KZ);
    await focalPoint.goto('/network/queue?status=submitted');
    await expect(focalPoint.getByRole('heading', { level: 1 })).toHaveText('Vetting queue');
    const item = focalPoint.getByTestId('queue-item').filter({ hasText: name });
    await expect(item).toHaveCount(1);
    await item.getByTestId('queue-link').click();
    await expect(focalPoint).toHaveURL(/\/network\/applications\/[0-9a-f-]{36}$/);
    const applicationId = new URL(focalPoint.url()).pathname.split('/')[3];
    await expect(focalPoint.getByTestId('detail-name')).toHaveText(name);
    await expect(focalPoint.getByTestId('detail-status')).toHaveText('Submitted');
    await expect(focalPoint.getByTestId('decision-panel')).toHaveCount(0);
    expect(await blockingViolations(focalPoint)).toEqual([]);
    await focalPoint.getByTestId('endorse-note').fill('Known to our regional office.');
    await focalPoint.getByTestId('endorse').click();
    await expect(focalPoint.getByTestId('detail-status')).toHaveText('Endorsed by the focal point');
    await expect(focalPoint.getByTestId('detail-message')).toHaveText('The application is endorsed.');

    // ---- the secretariat accepts, with a reason shared with the applicant -------------------------------------
    const secretariat = await signInWithCode(browser, SECRETARIAT, secretariatApi.totp, secretariatApi.step);
    await secretariat.goto(`/network/applications/${applicationId}`);
    await expect(secretariat.getByTestId('detail-status')).toHaveText('Endorsed by the focal point');
    await expect(secretariat.getByTestId('detail-endorsed-by')).toContainText('Known to our regional office.');
    // A decision without a written reason is not sent.
    await secretariat.getByTestId('decision-accept').locator('input').check();
    await secretariat.getByTestId('decision-submit').click();
    await expect(secretariat.getByText('Write the reason for the decision.')).toBeVisible();
    await secretariat.getByTestId('decision-reason').fill('Endorsed by the focal point; experienced family work.');
    await secretariat.getByTestId('decision-shareable').locator('input').check();
    await expect(secretariat.getByTestId('decision-revet-due')).toHaveValue(/^\d{4}-\d{2}-\d{2}$/);
    expect(await blockingViolations(secretariat)).toEqual([]);
    await secretariat.screenshot({ path: test.info().outputPath('secretariat-decision.png'), fullPage: true });
    await secretariat.getByTestId('decision-submit').click();
    await expect(secretariat.getByTestId('detail-status')).toHaveText('Accepted');
    await expect(secretariat.getByTestId('revet-panel')).toBeVisible();

    await applicant.goto(statusLink);
    await expect(applicant.getByTestId('application-status')).toHaveText('Принята');
    await expect(applicant.getByTestId('status-reason')).toHaveText(
      'Endorsed by the focal point; experienced family work.',
    );

    // ---- the practitioner accepts the invitation from the e-mail and signs in ---------------------------------
    const invitation = await mailTo(request, secretariatApi.token, email, /\/invitation\?token=/);
    await applicant.goto(linkIn(invitation, '/invitation'));
    await applicant.getByTestId('new-password').fill('a-long-practitioner-passphrase-2026');
    await applicant.getByTestId('confirm-password').fill('a-long-practitioner-passphrase-2026');
    await applicant.getByTestId('accept-invitation').click();
    await expect(applicant.getByTestId('user-menu')).toBeVisible();
    // On the phone the long name is cut inside its button: it does not run over the notification bell.
    const bell = await applicant.getByTestId('notification-bell').boundingBox();
    const nameBox = await applicant.getByTestId('user-menu').locator('.user-name').boundingBox();
    expect(bell).not.toBeNull();
    expect(nameBox).not.toBeNull();
    const apart = [bell, nameBox].map((b) => b ?? { x: 0, y: 0, width: 0, height: 0 });
    const [b, n] = apart;
    const overlapX = Math.min(b.x + b.width, n.x + n.width) - Math.max(b.x, n.x);
    const overlapY = Math.min(b.y + b.height, n.y + n.height) - Math.max(b.y, n.y);
    expect(Math.min(overlapX, overlapY)).toBeLessThanOrEqual(0);

    // ---- a phone number the network may see --------------------------------------------------------------------
    await applicant.goto('/network/profile');
    await expect(applicant.getByRole('heading', { level: 1 })).toHaveText('Мой профиль в сети');
    await expect(applicant.getByTestId('profile-name')).toHaveValue(name);
    // Minimal defaults: the phone is kept to its owner until they choose otherwise.
    await expect(applicant.getByTestId('visibility-phone')).toHaveValue('me');
    await applicant.getByTestId('profile-phone').fill(phone);
    await applicant.getByTestId('visibility-phone').selectOption('network');
    expect(await blockingViolations(applicant)).toEqual([]);
    await applicant.getByTestId('profile-save').click();
    await expect(applicant.getByTestId('profile-message')).toHaveText('Профиль сохранён.');
    await expect(applicant.getByTestId('contact-views-empty')).toBeVisible();
    await applicant.screenshot({ path: test.info().outputPath('profile-privacy-editor.png'), fullPage: true });

    // ---- a council member finds it in the directory and reveals it (a logged view) ----------------------------
    const member = await signIn(browser, MEMBER);
    let entry = await searchDirectory(member, name);
    await expect(entry.getByTestId('entry-label')).toHaveText(name);
    await expect(entry.getByTestId('show-contact')).toHaveAttribute('data-contact-fields', /\bphone\b/);
    await entry.getByTestId('show-contact').click();
    await expect(entry.getByTestId('contact-phone')).toHaveText(phone);
    expect(await blockingViolations(member)).toEqual([]);
    await member.screenshot({ path: test.info().outputPath('directory-phone-revealed.png'), fullPage: true });

    // ---- the practitioner sees who viewed it, and hides the phone ("only me") ---------------------------------
    await applicant.reload();
    await expect(applicant.getByTestId('contact-view')).toHaveCount(1);
    await expect(applicant.getByTestId('contact-view')).toContainText(MEMBER_NAME);
    await expect(applicant.getByTestId('profile-phone')).toHaveValue(phone);
    await applicant.getByTestId('visibility-phone').selectOption('me');
    await applicant.getByTestId('profile-save').click();
    await expect(applicant.getByTestId('profile-message')).toHaveText('Профиль сохранён.');
    await expect(applicant.getByTestId('visibility-phone')).toHaveValue('me');

    // ---- the member's directory search no longer shows the phone --------------------------------------------
    entry = await searchDirectory(member, name);
    await expect(entry.getByTestId('entry-label')).toHaveText(name);
    await expect(entry.getByTestId('contact-phone')).toHaveCount(0);
    await expect(entry.locator('[data-contact-fields*=phone]')).toHaveCount(0);
    // …nor does the JSON behind it: the phone is absent, not even offered as a contact field.
    const memberSignIn = await request.post('/api/auth/sign-in', { data: { email: MEMBER, password: PASSWORD } });
    const memberToken = ((await memberSignIn.json()) as SessionResponse).accessToken;
    const json = await request.get(`/api/network/directory?q=${encodeURIComponent(name)}`, {
      headers: { authorization: `Bearer ${memberToken}` },
    });
    expect(json.status()).toBe(200);
    const found = ((await json.json()) as DirectoryResponse).entries;
    expect(found).toHaveLength(1);
    expect(found[0].contactFields).not.toContain('phone');
    expect(Object.keys(found[0])).not.toContain('phone');

    // ---- data rights: the practitioner downloads everything held about them, then erases the account ----------
    const download = applicant.waitForEvent('download');
    await applicant.getByTestId('export-data').click();
    const exported = JSON.parse(readFileSync((await (await download).path()) as string, 'utf8')) as PersonalDataExport;
    expect(exported.profile?.name).toBe(name);
    expect(exported.profile?.phone).toBe(phone);
    expect(exported.contactViewsOfMe.map((view) => view.viewer.displayName)).toEqual([MEMBER_NAME]);

    await expect(applicant.getByTestId('erase')).toBeDisabled();
    await applicant.getByTestId('erase-confirm').fill('ERASE');
    await applicant.getByTestId('erase').click();
    await expect(applicant).toHaveURL(/\/network$/);
    await expect(applicant.getByTestId('network-apply-link')).toBeVisible();
    await expect(applicant.getByTestId('user-menu')).toHaveCount(0);
    await member.goto('/network/directory');
    await expect(member.getByTestId('directory-count')).toBeVisible();
    await member.getByTestId('directory-query').fill(name);
    await member.getByTestId('directory-search').click();
    await expect(member.getByTestId('directory-empty')).toBeVisible();
  });

  test('a council member reads the network statistics, small counts shown as "fewer than 5", and the announcements', async ({
    browser,
  }) => {
    const member = await signIn(browser, MEMBER);
    await member.goto('/network');
    await expect(member.getByTestId('network-queue-link')).toHaveCount(0);
    await member.getByTestId('network-statistics-link').click();
    await expect(member.getByRole('heading', { level: 1 })).toHaveText('Network statistics');
    const counts = member.getByTestId('statistics-country').getByTestId('statistics-count');
    await expect(counts.first()).toBeVisible();
    // Every cell is a count of at least 5 or says "fewer than 5": never a small number, never a zero.
    for (const text of await member.getByTestId('statistics-count').allTextContents()) {
      expect(text.trim()).toMatch(/^(fewer than 5|[5-9]|[1-9]\d+)$/);
    }
    await expect(member.getByTestId('statistics-csv')).toHaveCount(0);
    expect(await blockingViolations(member)).toEqual([]);
    await member.screenshot({ path: test.info().outputPath('statistics.png'), fullPage: true });

    await member.goto('/network/announcements');
    await expect(member.getByRole('heading', { level: 1 })).toHaveText('Announcements');
    await expect(member.getByTestId('announcement').first()).toBeVisible();
    await expect(member.getByTestId('announcement-send')).toHaveCount(0);
    expect(await blockingViolations(member)).toEqual([]);
  });

  test('a visitor on a phone reads what the network is; a broken status link says so', async ({ browser }) => {
    const visitor = await (await browser.newContext({ viewport: PHONE_SIZE })).newPage();
    await visitor.goto('/network');
    await expect(visitor.getByRole('heading', { level: 1 })).toHaveText('Network');
    await expect(visitor.getByTestId('network-apply-link')).toBeVisible();
    await expect(visitor.getByTestId('privacy-notice')).toContainText('Privacy notice (version 2024-11)');
    expect(await blockingViolations(visitor)).toEqual([]);

    await visitor.goto('/network/status?token=not-a-real-token');
    await expect(visitor.getByRole('heading', { level: 1 })).toHaveText('Your application');
    await expect(visitor.getByTestId('status-error')).toBeVisible();
    expect(await blockingViolations(visitor)).toEqual([]);

    // The queue is for the secretariat and the focal points: a visitor is sent to sign in.
    await visitor.goto('/network/queue');
    await expect(visitor).toHaveURL(/\/sign-in\?returnUrl=%2Fnetwork%2Fqueue$/);
  });
});
