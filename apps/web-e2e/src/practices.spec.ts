import AxeBuilder from '@axe-core/playwright';
import { Browser, expect, Page, test } from '@playwright/test';
import type { PracticeSearchResponse } from '@kengash/contracts';

/** A minimal valid PDF (one empty page). */
const TINY_PDF =
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
  '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n';

/**
 * The best-practice library end to end, in three browsers, against the demo data: a member expert (the
 * psychologist) writes an entry in English with a Russian translation about family reintegration, heeds the
 * personal-data panel, creates the draft, attaches a PDF (an executable named .pdf is refused) and submits it; the chair of Psychosocial Support (the entry's related
 * group) assigns herself as reviewer with the people picker, finds it in her review queue and publishes it for the
 * council and the network; the demo practitioner, on a phone, finds it with a Russian query ("реинтеграция"), opens
 * it in Russian and endorses it. Nobody signed out can find it. Axe checks on each screen.
 */
const PASSWORD = process.env['E2E_DEMO_PASSWORD'] || 'kengash-demo-2024';
const demo = (key: string) => `${key}@demo.kengash.example`;
const AUTHOR = demo('psychologist');
const CHAIR = demo('chair-psychosocial');
const CHAIR_NAME = 'Madina Abdullaeva';
const PRACTITIONER = demo('practitioner');
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'];

async function signIn(browser: Browser, email: string, viewport?: { width: number; height: number }): Promise<Page> {
  const context = await browser.newContext(viewport ? { viewport } : {});
  const page = await context.newPage();
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

/** Accessibility problems that block people: serious or critical. */
async function blockingViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

test.describe('best-practice library', () => {
  test('a member writes and submits an entry, the chair reviews and publishes it, a practitioner finds it in Russian', async ({
    browser,
    request,
  }) => {
    test.setTimeout(180_000);
    // Letters only: digits in a title would be a figure needing a source (and 13 of them look like an ID number).
    const stamp = Date.now()
      .toString(36)
      .replace(/\d/g, (d) => 'abcdefghij'[Number(d)]);
    const title = `Family reintegration circles ${stamp}`;
    const russianTitle = `Круги семейной реинтеграции ${stamp}`;

    // ---- the author writes the entry: English original, Russian translation ---------------------------------
    const author = await signIn(browser, AUTHOR);
    await author.goto('/practices');
    await expect(author.getByRole('heading', { level: 1 })).toHaveText('Best practices');
    await author.getByTestId('new-practice-link').click();
    await expect(author).toHaveURL(/\/practices\/new$/);
    await expect(author.getByTestId('translation-tab')).toHaveText(['English (original)']);

    await author.getByTestId('practice-title-input').fill(title);
    // The personal-data panel follows the text as it is typed, and says where.
    await author.getByTestId('practice-summary-input').fill('Coordinator: +998 90 123 45 67');
    await expect(author.getByTestId('personal-data-warning')).toHaveCount(1);
    await expect(author.getByTestId('personal-data-warning')).toContainText('Looks like a phone number');
    await expect(author.getByTestId('personal-data-warning')).toContainText('English text, Summary');
    await author
      .getByTestId('practice-summary-input')
      .fill('Monthly circles where families returning home meet trained local mentors.');
    await expect(author.getByTestId('personal-data-summary')).toHaveText(
      'Nothing in the texts looks like personal data.',
    );
    await author.getByTestId('practice-body-editor').click();
    await author.keyboard.type('Circles support the reintegration of returning families through their mahalla.');
    await author.locator('[data-testid=practice-themes] [data-value=psychosocial_support] input').check();
    await author.locator('[data-testid=practice-themes] [data-value=family_community] input').check();
    await author.locator('[data-testid=practice-target-groups] [data-value=families] input').check();
    await author.getByTestId('practice-country').selectOption('UZ');
    await author.getByTestId('practice-evidence').selectOption('documented');
    await author.getByTestId('practice-approach').fill('Peer circles led by trained psychologists and mahalla mentors');
    await author.getByTestId('practice-group').selectOption({ label: 'Psychosocial Support' });

    await author.getByTestId('add-translation-language').selectOption('ru');
    await author.getByTestId('add-translation').click();
    await expect(author.getByTestId('translation-tab')).toHaveText(['English (original)', 'Russian']);
    await author.getByTestId('practice-title-input').fill(russianTitle);
    await author
      .getByTestId('practice-summary-input')
      .fill('Ежемесячные встречи, на которых вернувшиеся семьи знакомятся с обученными наставниками махалли.');
    await author.getByTestId('translation-status').selectOption('reviewed');
    await author.getByTestId('practice-body-editor').click();
    await author.keyboard.type('Реинтеграция вернувшихся семей через встречи в махалле.');
    expect(await blockingViolations(author)).toEqual([]);

    await author.getByTestId('practice-save').click();
    await expect(author).toHaveURL(/\/practices\/[0-9a-f-]{36}\/edit$/);
    // /practices/<id>/edit
    const id = new URL(author.url()).pathname.split('/')[2];
    await expect(author.getByTestId('editor-message')).toHaveText('The draft was created. You can attach files below.');
    await expect(author.getByTestId('translation-tab')).toHaveText(['English (original)', 'Russian']);
    await expect(author.getByTestId('attachment-input')).toBeVisible();
    await expect(author.getByTestId('editor-version')).toHaveText('Version 1');
    // An attachment: a real (tiny) PDF goes up; an executable named .pdf is refused by its content.
    await author.getByTestId('attachment-input').setInputFiles({
      name: 'mahalla-guide.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from(TINY_PDF, 'latin1'),
    });
    await expect(author.getByTestId('attachment-link')).toHaveText(/mahalla-guide\.pdf/);
    await author.getByTestId('attachment-input').setInputFiles({
      name: 'report.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(256)]),
    });
    await expect(author.getByTestId('attachments-message')).toContainText('report.pdf cannot be attached');
    await expect(author.getByTestId('attachment')).toHaveCount(1);

    // Leaving with an unsaved change asks first: "stay" keeps the editor, "leave" drops the change.
    await author.getByTestId('practice-title-input').fill(`${title} (unsaved)`);
    await author.getByTestId('back-to-entry').click();
    await expect(author.getByRole('dialog')).toContainText('Leave without saving?');
    await author.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
    await expect(author).toHaveURL(/\/practices\/[0-9a-f-]{36}\/edit$/);
    await expect(author.getByTestId('practice-title-input')).toHaveValue(`${title} (unsaved)`);
    await author.getByTestId('back-to-entry').click();
    await author.getByTestId('confirm').click();
    await expect(author).toHaveURL(new RegExp(`/practices/${id}$`));
    await expect(author.getByTestId('practice-status')).toHaveText('Draft');
    await expect(author.getByTestId('practice-title')).toHaveText(title);
    await author.getByTestId('submit').click();
    await author.getByTestId('confirm').click();
    await expect(author.getByTestId('practice-status')).toHaveText('In review');
    await expect(author.getByTestId('no-reviewers')).toBeVisible();
    expect(await blockingViolations(author)).toEqual([]);

    // ---- the chair of the related group assigns herself, then publishes for the network ----------------------
    const chair = await signIn(browser, CHAIR);
    await chair.goto(`/practices/${id}`);
    await expect(chair.getByTestId('practice-status')).toHaveText('In review');
    await chair.getByTestId('assign-reviewers').click();
    // People are found by name; the author is never offered.
    await chair.getByTestId('reviewer-filter').fill('Nodira');
    await expect(chair.getByTestId('reviewers-error')).toBeHidden();
    await expect(chair.getByTestId('reviewer-option')).toHaveCount(0);
    await chair.getByTestId('reviewer-filter').fill('Madina');
    const me = chair.getByTestId('reviewer-option').filter({ hasText: CHAIR_NAME });
    await me.locator('input').check();
    expect(await blockingViolations(chair)).toEqual([]);
    await chair.getByTestId('reviewers-save').click();
    await expect(chair.getByTestId('fact-reviewers')).toHaveText(CHAIR_NAME);

    await chair.getByTestId('review-queue-link').click();
    await expect(chair).toHaveURL(/\/practices\/review$/);
    const queued = chair.getByTestId('queue-item').filter({ hasText: title });
    await expect(queued).toContainText('By Nodira Tursunova');
    await queued.getByTestId('queue-link').click();
    await expect(chair).toHaveURL(new RegExp(`/practices/${id}$`));
    await expect(chair.locator('[data-testid=publish-visibility] [data-value=network] input')).toBeChecked();
    await chair.getByTestId('publish-note').fill('Clear, aggregate and well described.');
    await chair.getByTestId('publish').click();
    await expect(chair.getByRole('dialog')).toContainText('Council and network');
    await chair.getByTestId('confirm').click();
    await expect(chair.getByTestId('practice-status')).toHaveText('Published');
    await expect(chair.getByTestId('practice-visibility')).toHaveText('Council and network');
    await expect(chair.getByTestId('practice-comment').filter({ hasText: 'Clear, aggregate' })).toHaveAttribute(
      'data-kind',
      'review',
    );
    expect(await blockingViolations(chair)).toEqual([]);

    // ---- nobody signed out finds it: it is for the council and the network ------------------------------------
    expect((await request.get(`/api/practices/${id}`)).status()).toBe(404);
    const anonymous = await request.get(`/api/practices?q=${encodeURIComponent(russianTitle)}`);
    expect(((await anonymous.json()) as PracticeSearchResponse).hits.map((h) => h.id)).not.toContain(id);

    // ---- the practitioner, on a phone, finds it with a Russian query and opens it in Russian -----------------
    const practitioner = await signIn(browser, PRACTITIONER, { width: 390, height: 844 });
    await practitioner.goto('/practices');
    await expect(practitioner.getByTestId('new-practice-link')).toHaveCount(0);
    await practitioner.getByTestId('library-query').fill('реинтеграция');
    await practitioner.getByTestId('library-search-submit').click();
    await expect(practitioner).toHaveURL(/\/practices\?q=/);
    const hit = practitioner.getByTestId('library-hit').filter({ hasText: russianTitle });
    await expect(hit.locator('mark').first()).toBeVisible();
    await expect(hit.locator('mark').first()).toHaveText(/реинтеграц/i);
    await expect(practitioner.locator('[data-facet=country] [data-value=UZ]')).toBeVisible();
    const overflow = await practitioner.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    expect(await blockingViolations(practitioner)).toEqual([]);

    await hit.getByTestId('hit-link').click();
    await expect(practitioner).toHaveURL(new RegExp(`/practices/${id}\\?lang=ru$`));
    await expect(practitioner.getByTestId('practice-title')).toHaveText(russianTitle);
    await expect(practitioner.getByTestId('practice-body')).toContainText('Реинтеграция вернувшихся семей');
    await expect(practitioner.getByTestId('language-option')).toHaveText([
      'English · original',
      'Russian · reviewed translation',
    ]);
    await expect(practitioner.getByTestId('translation-notice')).toContainText('reviewed translation');
    await expect(practitioner.getByTestId('fact-country')).toHaveText('Uzbekistan');
    await expect(practitioner.getByTestId('fact-group')).toContainText('Psychosocial Support');
    const [download] = await Promise.all([
      practitioner.waitForEvent('download'),
      practitioner.getByTestId('attachment-link').click(),
    ]);
    expect(download.suggestedFilename()).toBe('mahalla-guide.pdf');
    await practitioner.getByTestId('endorse').click();
    await expect(practitioner.getByTestId('endorse')).toHaveAttribute('aria-pressed', 'true');
    await expect(practitioner.getByTestId('endorsement-count')).toHaveText('Used it in their work: 1');
    await practitioner.getByTestId('language-option').first().click();
    await expect(practitioner.getByTestId('practice-title')).toHaveText(title);
    const entryOverflow = await practitioner.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(entryOverflow).toBeLessThanOrEqual(1);
    expect(await blockingViolations(practitioner)).toEqual([]);
  });
});
