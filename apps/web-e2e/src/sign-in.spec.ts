import { APIRequestContext, expect, request as playwrightRequest, test } from '@playwright/test';
import { Secret, TOTP } from 'otpauth';
import type { SessionResponse, SignInResponse, TotpEnrolmentResponse } from '@kengash/contracts';

/**
 * Signing in through the web app, against the demo data. The member expert belongs to the
 * Psychosocial Support group only; every demo account has the same password.
 */
const BASE_URL = process.env['E2E_BASE_URL'] || 'http://localhost:3000';
const PASSWORD = process.env['E2E_DEMO_PASSWORD'] || 'kengash-demo-2024';
const PSYCHOLOGIST = 'psychologist@demo.kengash.example';
const TOTP_PERIOD_SECONDS = 30;

function totpFor(secret: string): TOTP {
  return new TOTP({ secret: Secret.fromBase32(secret), period: TOTP_PERIOD_SECONDS, digits: 6 });
}

function currentStep(): number {
  return Math.floor(Date.now() / 1000 / TOTP_PERIOD_SECONDS);
}

/**
 * A code from a later 30-s step than `usedStep`: codes are single-use, so a code from a step
 * already spent is refused. Waits for the next step when needed.
 */
async function freshCode(totp: TOTP, usedStep: number): Promise<{ code: string; step: number }> {
  while (currentStep() <= usedStep) {
    const msToNextStep = (usedStep + 1) * TOTP_PERIOD_SECONDS * 1000 - Date.now();
    await new Promise((resolve) => setTimeout(resolve, Math.max(msToNextStep, 0) + 250));
  }
  const step = currentStep();
  return { code: totp.generate({ timestamp: step * TOTP_PERIOD_SECONDS * 1000 }), step };
}

test.describe('sign-in', () => {
  test.describe.configure({ mode: 'serial' });

  let api: APIRequestContext;

  test.beforeEach(async () => {
    // Its own cookie jar per test: nothing carries over from one test to the next.
    api = await playwrightRequest.newContext({ baseURL: BASE_URL });
  });

  test.afterEach(async () => {
    await api.dispose();
  });

  test('a member expert with 2FA signs in and sees their own working group', async ({ page }) => {
    test.setTimeout(150_000);

    // 1. Through the API: sign in and turn on 2FA for the psychologist.
    const signIn = await api.post('/api/auth/sign-in', { data: { email: PSYCHOLOGIST, password: PASSWORD } });
    expect(signIn.status()).toBe(200);
    const signedIn = (await signIn.json()) as SignInResponse;
    expect(signedIn.status, 'the psychologist already has 2FA: run against freshly loaded demo data').toBe('signed_in');
    const { accessToken } = signedIn as SessionResponse;
    const auth = { Authorization: `Bearer ${accessToken}` };

    const enrol = await api.post('/api/me/totp/enrol', { headers: auth });
    expect(enrol.status()).toBe(201);
    const { secret } = (await enrol.json()) as TotpEnrolmentResponse;
    const totp = totpFor(secret);

    const confirmed = await freshCode(totp, -1);
    const confirm = await api.post('/api/me/totp/confirm', { headers: auth, data: { code: confirmed.code } });
    expect(confirm.status()).toBe(201);
    expect(((await confirm.json()) as { recoveryCodes: string[] }).recoveryCodes.length).toBeGreaterThan(0);

    let lastStep = confirmed.step;
    try {
      // 2. In the browser: e-mail and password, then the code step.
      await page.goto('/sign-in');
      await page.getByLabel('E-mail').fill(PSYCHOLOGIST);
      await page.getByTestId('password').fill(PASSWORD);
      await page.getByTestId('sign-in-submit').click();

      const codeInput = page.getByTestId('totp-code');
      await expect(codeInput).toBeVisible();
      await expect(codeInput).toBeFocused();
      await expect(codeInput).toHaveAttribute('autocomplete', 'one-time-code');
      await expect(codeInput).toHaveAttribute('inputmode', 'numeric');

      const signInCode = await freshCode(totp, lastStep);
      lastStep = signInCode.step;
      await codeInput.fill(signInCode.code);
      await page.getByTestId('totp-submit').click();

      // 3. Home, with the one group the psychologist belongs to.
      await expect(page).toHaveURL(/\/$/);
      const myGroups = page.getByTestId('my-group');
      await expect(myGroups).toHaveCount(1);
      await expect(myGroups).toContainText('Psychosocial Support');
      await expect(page.getByTestId('user-menu')).toBeVisible();
      await expect(page.getByTestId('working-group')).toHaveCount(4);
    } finally {
      // Leave the demo account as it was, so the test can run again on the same server.
      const disableCode = await freshCode(totp, lastStep);
      await api.delete('/api/me/totp', { headers: auth, data: { code: disableCode.code } });
    }
  });

  test('a wrong password shows the error and starts no session', async ({ page }) => {
    await page.goto('/sign-in');
    await page.getByLabel('E-mail').fill(PSYCHOLOGIST);
    await page.getByTestId('password').fill(`${PASSWORD}-wrong`);
    await page.getByTestId('sign-in-submit').click();

    const error = page.getByTestId('sign-in-error');
    await expect(error).toHaveAttribute('role', 'alert');
    await expect(error).not.toBeEmpty();
    await expect(error).toContainText(/\S/);
    await expect(page).toHaveURL(/\/sign-in/);
    await expect(page.getByTestId('totp-code')).toHaveCount(0);
    await expect(page.getByTestId('user-menu')).toHaveCount(0);

    // The browser holds no refresh cookie: there is no session to restore.
    const refresh = await page.request.post('/api/auth/refresh');
    expect(refresh.status()).toBe(401);
    await page.goto('/');
    await expect(page.getByTestId('working-group')).toHaveCount(4);
    await expect(page.getByTestId('my-group')).toHaveCount(0);
    await expect(page.getByRole('link', { name: 'Sign in' })).toBeVisible();
  });
});
