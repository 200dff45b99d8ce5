import { ApiProcess, createTestDatabase, startApi, TestDatabase } from '@kengash/api-testing';
import {
  ApplicationFormResponse,
  ApplicationStatusView,
  CurrentUser,
  ErrorResponse,
  FieldError,
  NetworkApplicationListResponse,
  NetworkApplicationView,
  PRIVACY_NOTICE_VERSION,
  SessionResponse,
} from '@kengash/contracts';
import { DateTime } from 'luxon';
import { Client } from 'pg';
import { client, demo, signedIn } from './support/http';
import { SmtpCatcher, tokenFromLink } from './support/smtp-catcher';

const fieldsOf = (body: ErrorResponse) =>
  Object.fromEntries((body.details as FieldError[]).map((d) => [d.field, d.messages.join(' ')]));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The practitioners' network, first slice (issue 9): the public application with its honeypot and rate limits,
 * the status link, vetting by the country's focal point and the secretariat, and the practitioner account of an
 * accepted applicant. A real API process on a fresh PostgreSQL with the demo data, and a real SMTP server.
 */
describe('practitioner network: applications and vetting (real API, PostgreSQL and SMTP)', () => {
  let db: TestDatabase;
  let api: ApiProcess;
  let smtp: SmtpCatcher;
  let pg: Client;
  let http: ReturnType<typeof client>;
  const tokens: Record<string, string> = {};
  let run = 0;

  beforeAll(async () => {
    smtp = new SmtpCatcher();
    const smtpUrl = await smtp.start();
    db = await createTestDatabase('network');
    api = await startApi({
      DATABASE_URL: db.url,
      DEMO_DATA: 'true',
      SMTP_URL: smtpUrl,
      TRUST_PROXY: 'true',
      PUBLIC_URL: 'http://kengash.test',
    });
    http = client(api.baseUrl);
    for (const key of ['secretariat', 'focal-point-kz', 'focal-point-kg', 'practitioner', 'psychologist', 'admin'])
      tokens[key] = await signedIn(http, demo(key));
    pg = new Client({ connectionString: db.url });
    await pg.connect();
  });

  afterAll(async () => {
    await pg?.end();
    await api?.stop();
    await smtp?.stop();
    await db?.drop();
  });

  /** A form token old enough to be accepted (the form refuses anything sent within 3 s of issue). */
  async function readyForm(): Promise<string> {
    const form = await http.call<ApplicationFormResponse>('/api/network/application-form');
    expect(form.status).toBe(200);
    const wait = Date.parse(form.body.issuedAt) + form.body.minSeconds * 1000 + 150 - Date.now();
    if (wait > 0) await sleep(wait);
    return form.body.formToken;
  }

  const application = (formToken: string, overrides: Record<string, unknown> = {}) => ({
    formToken,
    website: '',
    name: 'Гүлнар Әбілқасымова',
    email: `applicant.${Date.now()}.${run++}@example.org`,
    locale: 'ru',
    role: 'Психолог',
    organisationType: 'ngo',
    organisationName: 'Павлодар «Сенім» орталығы (demo)',
    country: 'KZ',
    region: 'Павлодарская область',
    languages: ['kk', 'ru'],
    expertise: ['psychosocial_support', 'family_community'],
    motivation: 'I support women and children after their return and want to learn from the region.',
    consentVersion: PRIVACY_NOTICE_VERSION,
    ...overrides,
  });

  const storedFor = async (email: string) =>
    Number((await pg.query('SELECT count(*) AS n FROM network_applications WHERE email = $1', [email])).rows[0].n);

  const queue = async (token: string, status?: string) =>
    (
      await http.call<NetworkApplicationListResponse>(`/api/network/applications${status ? `?status=${status}` : ''}`, {
        token,
      })
    ).body.applications;

  /** Applies, reads the status link from the mail and finds the application in the secretariat's queue. */
  async function apply(overrides: Record<string, unknown> = {}) {
    const body = application(await readyForm(), overrides);
    const created = await http.call('/api/network/applications', { body });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ status: 'submitted' });
    const mail = await smtp.next(body.email as string);
    const statusToken = tokenFromLink(mail.text, 'http://kengash.test/network/status');
    const found = (await queue(tokens['secretariat'], 'submitted')).find((a) => a.email === body.email);
    if (!found) throw new Error('the application is not in the queue');
    return { body, mail, statusToken, application: found };
  }

  const status = (token: string) =>
    http.call<ApplicationStatusView>(`/api/network/applications/status?token=${encodeURIComponent(token)}`);

  it('ships a dozen demo applications at every stage; a focal point sees only their country', async () => {
    const all = await queue(tokens['secretariat']);
    const demoApps = all.filter((a) => a.demo);
    expect(demoApps).toHaveLength(13); // a dozen fictional applicants and the demo practitioner's own
    expect(new Set(demoApps.map((a) => a.status))).toEqual(
      new Set(['submitted', 'endorsed', 'accepted', 'rejected', 'suspended', 'left']),
    );
    expect(demoApps.every((a) => a.organisationName.endsWith('(demo)'))).toBe(true);
    const accepted = demoApps.filter((a) => a.status === 'accepted');
    expect(accepted.every((a) => a.userId !== null && a.revetDue !== null)).toBe(true);
    const rejected = demoApps.filter((a) => a.status === 'rejected');
    expect(rejected.map((a) => a.reasonShareable).sort()).toEqual([false, true]);

    const kz = await queue(tokens['focal-point-kz']);
    expect(kz.length).toBeGreaterThan(0);
    expect(kz.every((a) => a.country === 'KZ')).toBe(true);
    expect((await queue(tokens['focal-point-kg'])).every((a) => a.country === 'KG')).toBe(true);
  });

  it('refuses a form sent too fast, with the hidden field filled or with a forged token: 400, nothing stored', async () => {
    const form = await http.call<ApplicationFormResponse>('/api/network/application-form');
    expect(form.body).toMatchObject({ honeypotField: 'website', minSeconds: 3, privacyNoticeVersion: '2024-11' });
    const tooFast = application(form.body.formToken);
    const fast = await http.call<ErrorResponse>('/api/network/applications', { body: tooFast });
    expect(fast.status).toBe(400);
    expect(fast.body.code).toBe('MALFORMED_REQUEST');

    const token = await readyForm();
    const bot = application(token, { website: 'http://spam.example' });
    const filled = await http.call<ErrorResponse>('/api/network/applications', { body: bot });
    expect(filled.status).toBe(400);
    expect(filled.body.message).toBe(fast.body.message); // one neutral message for every check

    const forged = application(`${token.slice(0, -2)}${token.endsWith('AA') ? 'BB' : 'AA'}`);
    expect((await http.call('/api/network/applications', { body: forged })).status).toBe(400);
    const missing = application(token, { formToken: undefined });
    expect((await http.call('/api/network/applications', { body: missing })).status).toBe(400);

    for (const b of [tooFast, bot, forged, missing]) expect(await storedFor(b.email as string)).toBe(0);
    expect(smtp.received.filter((m) => [tooFast, bot, forged].some((b) => m.to.includes(b.email as string)))).toEqual(
      [],
    );
  });

  it('answers bad fields with field errors (400), an unknown referee and an old privacy notice too', async () => {
    const token = await readyForm();
    const bad = await http.call<ErrorResponse>('/api/network/applications', {
      body: application(token, {
        name: '',
        email: 'not an address',
        organisationType: 'weird',
        country: 'FR',
        languages: [],
        expertise: ['astrology'],
        motivation: 'short',
        locale: 'xx',
        extra: 1,
      }),
    });
    expect(bad.status).toBe(400);
    expect(Object.keys(fieldsOf(bad.body)).sort()).toEqual(
      [
        'country',
        'email',
        'expertise.0',
        'extra',
        'languages',
        'locale',
        'motivation',
        'name',
        'organisationType',
      ].sort(),
    );
    const body = application(token, { consentVersion: '2023-01', refereeEmail: 'nobody@example.org' });
    const wrong = await http.call<ErrorResponse>('/api/network/applications', { body });
    expect(wrong.status).toBe(400);
    expect(Object.keys(fieldsOf(wrong.body)).sort()).toEqual(['consentVersion', 'refereeEmail']);
    expect(await storedFor(body.email as string)).toBe(0);
  });

  let accepted: NetworkApplicationView;
  let practitionerPassword = '';

  it('submitted → endorsed by the KZ focal point → accepted by the secretariat → the practitioner signs in', async () => {
    const { body, mail, statusToken, application: app } = await apply({ refereeEmail: demo('psychologist') });
    expect(mail.subject).toBe('Ваша заявка в сеть практиков');
    expect(app).toMatchObject({
      status: 'submitted',
      name: body.name,
      country: 'KZ',
      locale: 'ru',
      consentVersion: PRIVACY_NOTICE_VERSION,
      referee: { displayName: 'Nodira Tursunova' },
      languages: ['kk', 'ru'],
    });
    expect(Date.now() - Date.parse(app.consentAt)).toBeLessThan(60_000);
    expect((await status(statusToken)).body).toMatchObject({ status: 'submitted' });
    // Only the token's hash is stored.
    const stored = await pg.query('SELECT status_token_hash FROM network_applications WHERE id = $1', [app.id]);
    expect(stored.rows[0].status_token_hash).not.toContain(statusToken);

    // The KG focal point: the KZ application does not exist for them.
    const kg = tokens['focal-point-kg'];
    expect((await http.call(`/api/network/applications/${app.id}`, { token: kg })).status).toBe(404);
    expect((await http.call(`/api/network/applications/${app.id}/endorse`, { token: kg, body: {} })).status).toBe(404);
    expect((await queue(kg)).some((a) => a.id === app.id)).toBe(false);
    // Not the secretariat's step; members and practitioners are not vetters.
    const endorsePath = `/api/network/applications/${app.id}/endorse`;
    expect((await http.call(endorsePath, { token: tokens['secretariat'], body: {} })).status).toBe(403);
    expect((await http.call(endorsePath, { token: tokens['psychologist'], body: {} })).status).toBe(403);
    expect((await http.call(`/api/network/applications/${app.id}`, { token: tokens['practitioner'] })).status).toBe(
      403,
    );
    expect((await http.call(`/api/network/applications/${app.id}`, { token: tokens['admin'] })).status).toBe(403);
    expect((await http.call(`/api/network/applications/${app.id}`)).status).toBe(401);
    const decisionPath = `/api/network/applications/${app.id}/decision`;
    // Accepting needs the focal point's endorsement first.
    const early = await http.call(decisionPath, {
      token: tokens['secretariat'],
      body: { decision: 'accepted', reason: 'Good fit', reasonShareable: false },
    });
    expect(early.status).toBe(409);

    const endorsed = await http.call<NetworkApplicationView>(endorsePath, {
      token: tokens['focal-point-kz'],
      body: { note: 'Known to our office.' },
    });
    expect(endorsed.status).toBe(200);
    expect(endorsed.body).toMatchObject({
      status: 'endorsed',
      endorsedBy: { displayName: 'Yerlan Bekov' },
      endorsementNote: 'Known to our office.',
    });
    expect((await http.call(endorsePath, { token: tokens['focal-point-kz'], body: {} })).status).toBe(409);

    // The focal point does not decide; the secretariat must give a written reason (422 without one).
    const byFocal = await http.call(decisionPath, {
      token: tokens['focal-point-kz'],
      body: { decision: 'accepted', reason: 'Fine', reasonShareable: false },
    });
    expect(byFocal.status).toBe(403);
    for (const reason of [undefined, '', '   ']) {
      const noReason = await http.call<ErrorResponse>(decisionPath, {
        token: tokens['secretariat'],
        body: { decision: 'accepted', reasonShareable: true, ...(reason === undefined ? {} : { reason }) },
      });
      expect(noReason.status).toBe(422);
      expect(noReason.body.code).toBe('UNPROCESSABLE_CONTENT');
      expect(fieldsOf(noReason.body)).toHaveProperty('reason');
    }
    const badDecision = await http.call<ErrorResponse>(decisionPath, {
      token: tokens['secretariat'],
      body: { decision: 'maybe', reason: 'x', reasonShareable: 'yes' },
    });
    expect(badDecision.status).toBe(400);
    expect(Object.keys(fieldsOf(badDecision.body)).sort()).toEqual(['decision', 'reasonShareable']);

    const decided = await http.call<NetworkApplicationView>(decisionPath, {
      token: tokens['secretariat'],
      body: {
        decision: 'accepted',
        reason: 'Internal note: checked with the regional centre.',
        reasonShareable: false,
      },
    });
    expect(decided.status).toBe(200);
    accepted = decided.body;
    expect(accepted).toMatchObject({
      status: 'accepted',
      decidedBy: { displayName: 'Dilnoza Karimova' },
      reasonShareable: false,
    });
    expect(accepted.userId).not.toBeNull();
    expect(accepted.revetDue).toBe(DateTime.utc().plus({ years: 2 }).toISODate());

    // The outcome mail, without the unshareable reason; the status link does not show it either.
    const outcome = await smtp.next(body.email as string, 10_000, (m) => m.subject.includes('Добро пожаловать'));
    expect(outcome.text).not.toContain('regional centre');
    const shown = await status(statusToken);
    expect(shown.body.status).toBe('accepted');
    expect(shown.body).not.toHaveProperty('reason');

    // The invitation: the new practitioner sets a password and signs in.
    const invitation = await smtp.next(body.email as string, 10_000, (m) => m.subject === 'Приглашение в Kengash');
    const invitationToken = tokenFromLink(invitation.text, 'http://kengash.test/invitation');
    practitionerPassword = 'Pavlodar-steppe-2031!';
    const acceptedInvitation = await http.call<SessionResponse>('/api/auth/invitations/accept', {
      body: { token: invitationToken, password: practitionerPassword },
    });
    expect(acceptedInvitation.status).toBe(200);
    const session = await http.session(body.email as string, practitionerPassword);
    const me = await http.call<CurrentUser>('/api/me', { token: session.accessToken });
    expect(me.body).toMatchObject({
      id: accepted.userId,
      displayName: body.name,
      globalRole: 'practitioner',
      country: 'KZ',
      locale: 'ru',
    });

    const audit = await pg.query(
      `SELECT action, actor_id FROM audit_events WHERE target_type = 'network_application' AND target_id = $1 ORDER BY seq`,
      [app.id],
    );
    expect(audit.rows.map((r) => r.action)).toEqual([
      'network.application_submitted',
      'network.application_endorsed',
      'network.application_accepted',
    ]);
    expect(audit.rows[0].actor_id).toBeNull();
    const invited = await pg.query(
      `SELECT action FROM audit_events WHERE target_type = 'user' AND target_id = $1 ORDER BY seq`,
      [accepted.userId],
    );
    const actions = invited.rows.map((r) => r.action);
    expect(actions.slice(0, 2)).toEqual(['invitation.sent', 'invitation.accepted']);
    expect(actions).toContain('auth.sign_in');
  });

  it('shows a shareable rejection reason on the status link and in the mail', async () => {
    const {
      body,
      statusToken,
      application: app,
    } = await apply({
      country: 'KG',
      locale: 'en',
      name: 'Nurgul Asanbekova',
      region: 'Naryn',
      website: undefined, // a form without the hidden field's key at all is a person's form too
    });
    expect((await http.call(`/api/network/applications/${app.id}`, { token: tokens['focal-point-kz'] })).status).toBe(
      404,
    );
    const reason = 'The network is open to practitioners working with returnees; please apply again when you do.';
    const rejected = await http.call<NetworkApplicationView>(`/api/network/applications/${app.id}/decision`, {
      token: tokens['secretariat'],
      body: { decision: 'rejected', reason, reasonShareable: true },
    });
    expect(rejected.status).toBe(200);
    expect(rejected.body).toMatchObject({ status: 'rejected', userId: null, revetDue: null });
    expect((await status(statusToken)).body).toMatchObject({ status: 'rejected', reason });
    const mail = await smtp.next(body.email as string, 10_000, (m) => m.text.includes('not to accept'));
    expect(mail.text).toContain(reason);
    const audit = await pg.query(
      `SELECT details FROM audit_events WHERE action = 'network.application_rejected' AND target_id = $1`,
      [app.id],
    );
    expect(audit.rows[0].details).toMatchObject({ country: 'KG', reasonShareable: true });
    // An unknown status link is 404.
    expect((await status('x'.repeat(43))).status).toBe(404);
  });

  it('refuses to accept someone who already has an account (409)', async () => {
    const { application: app } = await apply({ email: demo('teacher') });
    await http.call(`/api/network/applications/${app.id}/endorse`, { token: tokens['focal-point-kz'], body: {} });
    const conflict = await http.call(`/api/network/applications/${app.id}/decision`, {
      token: tokens['secretariat'],
      body: { decision: 'accepted', reason: 'Already a member expert.', reasonShareable: true },
    });
    expect(conflict.status).toBe(409);
    const still = await http.call<NetworkApplicationView>(`/api/network/applications/${app.id}`, {
      token: tokens['secretariat'],
    });
    expect(still.body.status).toBe('endorsed');
  });

  it('lets the secretariat move the re-vetting date, suspend (the account is disabled) and record leaving', async () => {
    const base = `/api/network/applications/${accepted.id}`;
    const secretariat = tokens['secretariat'];
    const badDate = await http.call<ErrorResponse>(`${base}/revet-due`, {
      method: 'PUT',
      token: secretariat,
      body: { revetDue: '2031-02-30' },
    });
    expect(badDate.status).toBe(400);
    expect(Object.keys(fieldsOf(badDate.body))).toEqual(['revetDue']);
    expect(
      (
        await http.call(`${base}/revet-due`, {
          method: 'PUT',
          token: tokens['focal-point-kz'],
          body: { revetDue: '2030-01-15' },
        })
      ).status,
    ).toBe(403);
    const moved = await http.call<NetworkApplicationView>(`${base}/revet-due`, {
      method: 'PUT',
      token: secretariat,
      body: { revetDue: '2030-01-15' },
    });
    expect(moved.status).toBe(200);
    expect(moved.body.revetDue).toBe('2030-01-15');

    const suspended = await http.call<NetworkApplicationView>(`${base}/suspend`, {
      token: secretariat,
      body: { note: 'Pending re-vetting.' },
    });
    expect(suspended.status).toBe(200);
    expect(suspended.body).toMatchObject({ status: 'suspended', statusNote: 'Pending re-vetting.' });
    expect((await http.signIn(accepted.email, practitionerPassword)).status).not.toBe(200);
    expect((await http.call(`${base}/suspend`, { token: secretariat, body: {} })).status).toBe(409);
    const left = await http.call<NetworkApplicationView>(`${base}/leave`, { token: secretariat, body: {} });
    expect(left.status).toBe(200);
    expect(left.body.status).toBe('left');

    const audit = await pg.query(
      `SELECT action FROM audit_events WHERE target_type = 'network_application' AND target_id = $1 ORDER BY seq`,
      [accepted.id],
    );
    expect(audit.rows.map((r) => r.action).slice(3)).toEqual([
      'network.revet_due_changed',
      'network.member_suspended',
      'network.member_left',
    ]);
  });

  it('refuses bad queue filters and ids with 400', async () => {
    const bad = await http.call<ErrorResponse>('/api/network/applications?status=weird', {
      token: tokens['secretariat'],
    });
    expect(bad.status).toBe(400);
    expect(Object.keys(fieldsOf(bad.body))).toEqual(['status']);
    expect((await http.call('/api/network/applications/not-an-id', { token: tokens['secretariat'] })).status).toBe(400);
  });

  it('rate-limits applications per e-mail and per client address (429 with Retry-After)', async () => {
    const email = `flood.${Date.now()}@example.org`;
    const sameEmail = [];
    for (let i = 0; i < 4; i++) sameEmail.push(await http.call('/api/network/applications', { body: { email } }));
    expect(sameEmail.slice(0, 3).map((r) => r.status)).toEqual([400, 400, 400]);
    expect(sameEmail[3].status).toBe(429);
    expect(Number(sameEmail[3].headers.get('retry-after'))).toBeGreaterThan(0);

    const ip = '10.250.0.1';
    const sameIp = [];
    for (let i = 0; i < 11; i++)
      sameIp.push(
        await http.call('/api/network/applications', { ip, body: { email: `ip.${i}.${Date.now()}@example.org` } }),
      );
    expect(sameIp.slice(0, 10).every((r) => r.status === 400)).toBe(true);
    expect(sameIp[10].status).toBe(429);
    expect(sameIp[10].headers.get('retry-after')).toBeTruthy();
    expect(await storedFor(email)).toBe(0);
  });
});
