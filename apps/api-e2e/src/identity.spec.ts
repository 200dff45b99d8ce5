import { ApiProcess, createTestDatabase, startApi, TestDatabase, API_MAIN } from '@kengash/api-testing';
import {
  AdminUserSummary,
  CurrentUser,
  ErrorResponse,
  InvitationPreview,
  RecoveryCodesResponse,
  SessionResponse,
  TotpChallengeResponse,
  TotpEnrolmentResponse,
} from '@kengash/contracts';
import { spawnSync } from 'node:child_process';
import { Client } from 'pg';
import { io } from 'socket.io-client';
import { client, DEMO_PASSWORD, demo, freshIp, totpCode } from './support/http';
import { SmtpCatcher, tokenFromLink } from './support/smtp-catcher';

const STEP = 30_000;

describe('identity and access (real API process, real PostgreSQL, real SMTP)', () => {
  let db: TestDatabase;
  let api: ApiProcess;
  let smtp: SmtpCatcher;
  let http: ReturnType<typeof client>;
  /** Secrets a log line or an audit row must never contain. */
  const secretsSeen: string[] = [];

  beforeAll(async () => {
    smtp = new SmtpCatcher();
    const smtpUrl = await smtp.start();
    db = await createTestDatabase('identity');
    api = await startApi({
      DATABASE_URL: db.url,
      DEMO_DATA: 'true',
      SMTP_URL: smtpUrl,
      TRUST_PROXY: 'true',
      PUBLIC_URL: 'http://kengash.test',
      LOG_LEVEL: 'debug',
    });
    http = client(api.baseUrl);
  });

  afterAll(async () => {
    await api?.stop();
    await smtp?.stop();
    await db?.drop();
  });

  /** Secretariat officer with 2FA enrolled; returns a token and the TOTP secret. */
  let secretariat: { token: string; secret: string } | undefined;
  async function secretariatWith2fa(): Promise<{ token: string; secret: string }> {
    if (secretariat) return secretariat;
    const s = await http.session(demo('secretariat'), DEMO_PASSWORD);
    expect(s.user.totpEnrolmentRequired).toBe(true);
    const enrol = await http.call<TotpEnrolmentResponse>('/api/me/totp/enrol', {
      method: 'POST',
      token: s.accessToken,
    });
    expect(enrol.status).toBe(201);
    const confirm = await http.call<RecoveryCodesResponse>('/api/me/totp/confirm', {
      body: { code: totpCode(enrol.body.secret, Date.now() - STEP) },
      token: s.accessToken,
    });
    expect(confirm.status).toBe(201);
    secretsSeen.push(enrol.body.secret, s.accessToken, s.refreshCookie);
    secretariat = { token: s.accessToken, secret: enrol.body.secret };
    return secretariat;
  }

  it('keeps a secretariat officer without 2FA out of secretariat routes until enrolled', async () => {
    const s = await http.session(demo('secretariat'), DEMO_PASSWORD);
    const before = await http.call<ErrorResponse>('/api/admin/users', { token: s.accessToken });
    expect(before.status).toBe(403);
    expect(before.body.details).toEqual({ reason: 'totp_enrolment_required' });
    // Enrolment routes stay open.
    expect((await http.call('/api/me', { token: s.accessToken })).status).toBe(200);

    const enrol = await http.call<TotpEnrolmentResponse>('/api/me/totp/enrol', {
      method: 'POST',
      token: s.accessToken,
    });
    expect(enrol.body.otpauthUrl).toMatch(/^otpauth:\/\/totp\/Kengash:/);
    expect(enrol.body.qrSvg).toMatch(/^<svg/);
    const wrong = await http.call<ErrorResponse>('/api/me/totp/confirm', {
      body: { code: '000000' },
      token: s.accessToken,
    });
    expect(wrong.status).toBe(400);
    const confirm = await http.call<RecoveryCodesResponse>('/api/me/totp/confirm', {
      body: { code: totpCode(enrol.body.secret, Date.now() - STEP) },
      token: s.accessToken,
    });
    expect(confirm.body.recoveryCodes).toHaveLength(10);
    const after = await http.call('/api/admin/users', { token: s.accessToken });
    expect(after.status).toBe(200);
    // A real SMTP relay is configured here: there is no development inbox.
    expect((await http.call('/api/dev/mailbox', { token: s.accessToken })).status).toBe(404);
    secretariat = { token: s.accessToken, secret: enrol.body.secret };
    secretsSeen.push(enrol.body.secret, ...confirm.body.recoveryCodes);
  });

  it('invite → accept → sign in → refresh → sign out, with refresh-token reuse revoking the family', async () => {
    const { token } = await secretariatWith2fa();
    const email = `new.member.${Date.now()}@example.org`;
    const invited = await http.call<AdminUserSummary>('/api/admin/users/invitations', {
      body: { email, displayName: 'Nigora Alimova', globalRole: 'member', country: 'UZ', locale: 'ru' },
      token,
    });
    expect(invited.status).toBe(201);
    expect(invited.body.status).toBe('invited');

    const mail = await smtp.next(email);
    expect(mail.subject).toBe('Приглашение в Kengash');
    const invitation = tokenFromLink(mail.text, 'http://kengash.test/invitation');
    secretsSeen.push(invitation);
    const preview = await http.call<InvitationPreview>(`/api/auth/invitations/${invitation}`);
    expect(preview.body).toMatchObject({ email, displayName: 'Nigora Alimova' });

    const weak = await http.call<ErrorResponse>('/api/auth/invitations/accept', {
      body: { token: invitation, password: 'password1234' },
    });
    expect(weak.status).toBe(400);
    expect(weak.body.details).toEqual([{ field: 'password', messages: [expect.stringContaining('common')] }]);
    const short = await http.call<ErrorResponse>('/api/auth/invitations/accept', {
      body: { token: invitation, password: 'Short#1' },
    });
    expect(short.status).toBe(400);

    const password = 'Ferghana-valley-2031!';
    secretsSeen.push(password);
    const accepted = await http.call<SessionResponse>('/api/auth/invitations/accept', {
      body: { token: invitation, password },
    });
    expect(accepted.status).toBe(200);
    expect(accepted.body.user.email).toBe(email);
    expect(accepted.refreshCookie).toBeDefined();
    const again = await http.call('/api/auth/invitations/accept', { body: { token: invitation, password } });
    expect(again.status).toBe(404); // single use

    const signedIn = await http.session(email, password);
    secretsSeen.push(signedIn.accessToken, signedIn.refreshCookie);
    const refreshed = await http.call<SessionResponse>('/api/auth/refresh', {
      method: 'POST',
      refreshCookie: signedIn.refreshCookie,
    });
    expect(refreshed.status).toBe(200);
    expect(refreshed.refreshCookie).toBeDefined();
    expect(refreshed.refreshCookie).not.toBe(signedIn.refreshCookie);
    expect((await http.call('/api/me', { token: refreshed.body.accessToken })).status).toBe(200);

    // The rotated token presented again: theft. The whole family ends, including the newest token.
    const reuse = await http.call('/api/auth/refresh', { method: 'POST', refreshCookie: signedIn.refreshCookie });
    expect(reuse.status).toBe(401);
    expect(
      (await http.call('/api/auth/refresh', { method: 'POST', refreshCookie: refreshed.refreshCookie })).status,
    ).toBe(401);
    expect((await http.call('/api/me', { token: refreshed.body.accessToken })).status).toBe(401);

    // Sign out ends the session: its access token and refresh cookie stop working.
    const other = await http.session(email, password);
    expect((await http.call('/api/auth/sign-out', { method: 'POST', token: other.accessToken })).status).toBe(204);
    expect((await http.call('/api/me', { token: other.accessToken })).status).toBe(401);
    expect((await http.call('/api/auth/refresh', { method: 'POST', refreshCookie: other.refreshCookie })).status).toBe(
      401,
    );
  });

  it('signs in with a TOTP code, refuses the same code twice, and accepts each recovery code once', async () => {
    const email = demo('chair-psychosocial');
    const s = await http.session(email, DEMO_PASSWORD);
    const enrol = await http.call<TotpEnrolmentResponse>('/api/me/totp/enrol', {
      method: 'POST',
      token: s.accessToken,
    });
    const codes = await http.call<RecoveryCodesResponse>('/api/me/totp/confirm', {
      body: { code: totpCode(enrol.body.secret, Date.now() - STEP) },
      token: s.accessToken,
    });
    secretsSeen.push(enrol.body.secret, ...codes.body.recoveryCodes);

    const first = await http.signIn(email, DEMO_PASSWORD);
    expect(first.body).toEqual({ status: 'totp_required', challengeToken: expect.any(String) });
    expect(first.refreshCookie).toBeUndefined(); // no session before the second factor
    const challenge = (first.body as TotpChallengeResponse).challengeToken;
    const code = totpCode(enrol.body.secret);
    const ok = await http.call<SessionResponse>('/api/auth/sign-in/totp', {
      body: { challengeToken: challenge, code },
    });
    expect(ok.status).toBe(200);
    expect(ok.body.user.totpEnabled).toBe(true);

    const second = (await http.signIn(email, DEMO_PASSWORD)).body as TotpChallengeResponse;
    const replay = await http.call<ErrorResponse>('/api/auth/sign-in/totp', {
      body: { challengeToken: second.challengeToken, code },
    });
    expect(replay.status).toBe(401);
    const bad = await http.call('/api/auth/sign-in/totp', {
      body: { challengeToken: second.challengeToken, code: '12345' },
    });
    expect(bad.status).toBe(400);

    const recovery = codes.body.recoveryCodes[3];
    const withRecovery = await http.call('/api/auth/sign-in/totp', {
      body: { challengeToken: second.challengeToken, recoveryCode: recovery },
    });
    expect(withRecovery.status).toBe(200);
    const third = (await http.signIn(email, DEMO_PASSWORD)).body as TotpChallengeResponse;
    const reused = await http.call('/api/auth/sign-in/totp', {
      body: { challengeToken: third.challengeToken, recoveryCode: recovery },
    });
    expect(reused.status).toBe(401);
    const nextCode = totpCode(enrol.body.secret, Date.now() + STEP); // the next step is within the ±1 window
    expect(
      (await http.call('/api/auth/sign-in/totp', { body: { challengeToken: third.challengeToken, code: nextCode } }))
        .status,
    ).toBe(200);
  });

  it('resets a password through a link mailed over SMTP, without revealing which addresses have accounts', async () => {
    const email = demo('teacher');
    const known = await http.call('/api/auth/password-reset/request', { body: { email } });
    const unknown = await http.call('/api/auth/password-reset/request', { body: { email: 'nobody.here@example.org' } });
    expect(known.status).toBe(202);
    expect(unknown.status).toBe(202);
    expect(known.text).toBe(unknown.text);

    const mail = await smtp.next(email);
    const token = tokenFromLink(mail.text, 'http://kengash.test/reset-password');
    secretsSeen.push(token);
    expect(mail.text).toContain('30');
    const password = 'Issyk-Kul-shoreline-77';
    secretsSeen.push(password);
    expect((await http.call('/api/auth/password-reset/confirm', { body: { token, password } })).status).toBe(204);
    expect(
      (await http.call('/api/auth/password-reset/confirm', { body: { token, password: 'another-Strong-pass-1' } }))
        .status,
    ).toBe(404);
    expect((await http.signIn(email, DEMO_PASSWORD)).status).toBe(401);
    expect((await http.signIn(email, password)).status).toBe(200);
    expect(smtp.received.filter((m) => m.to.includes('nobody.here@example.org'))).toEqual([]);

    const pg = new Client({ connectionString: db.url });
    await pg.connect();
    const rows = await pg.query(
      `SELECT extract(epoch FROM expires_at - created_at) AS seconds FROM one_time_tokens WHERE purpose = 'password_reset'`,
    );
    await pg.end();
    expect(Number(rows.rows[0].seconds)).toBeCloseTo(30 * 60, -1);
  });

  it('answers 20 rapid wrong passwords with 429 and Retry-After, the same whether or not the account exists', async () => {
    async function hammer(email: string) {
      const ip = freshIp();
      const replies = [];
      for (let i = 0; i < 21; i++) replies.push(await http.signIn(email, `wrong-password-${i}`, ip));
      return replies;
    }
    const existing = await hammer(demo('media'));
    const missing = await hammer('no.such.person@example.org');
    for (const replies of [existing, missing]) {
      expect(replies[0].status).toBe(401);
      const limited = replies.filter((r) => r.status === 429);
      expect(limited.length).toBeGreaterThan(0);
      expect(Number(limited[0].headers.get('retry-after'))).toBeGreaterThan(0);
    }
    const shape = (r: { status: number; body: unknown }) => ({
      status: r.status,
      message: (r.body as ErrorResponse).message,
      code: (r.body as ErrorResponse).code,
    });
    expect(existing.map(shape)).toEqual(missing.map(shape));
    // The account limit holds across addresses too.
    expect((await http.signIn(demo('media'), DEMO_PASSWORD)).status).toBe(429);
  });

  it('closes a disabled person’s live connections within 5 s and ends their sessions', async () => {
    const { token } = await secretariatWith2fa();
    const victim = await http.session(demo('theologian'), DEMO_PASSWORD);
    const socket = io(`${api.baseUrl}/live`, {
      transports: ['websocket'],
      reconnection: false,
      auth: { token: victim.accessToken },
    });
    await new Promise<void>((res, rej) => {
      socket.once('connect', () => res());
      socket.once('connect_error', rej);
    });
    const closed = new Promise<number>((res) => socket.once('disconnect', () => res(Date.now())));
    const users = await http.call<{ items: AdminUserSummary[] }>('/api/admin/users', { token });
    const target = users.body.items.find((u) => u.email === demo('theologian'));
    const started = Date.now();
    const patch = await http.call<AdminUserSummary>(`/api/admin/users/${target?.id}`, {
      method: 'PATCH',
      body: { status: 'disabled' },
      token,
    });
    expect(patch.status).toBe(200);
    expect((await closed) - started).toBeLessThan(5000);
    expect((await http.call('/api/me', { token: victim.accessToken })).status).toBe(401);
    expect((await http.signIn(demo('theologian'), DEMO_PASSWORD)).status).toBe(401);
    socket.close();
  });

  it('closes the live connections of someone removed from a working group within 5 s, and audits it', async () => {
    const { token } = await secretariatWith2fa();
    const member = await http.session(demo('social-worker'), DEMO_PASSWORD);
    const group = member.user.memberships.find((m) => m.groupSlug === 'civil-society');
    expect(group).toBeDefined();
    const socket = io(`${api.baseUrl}/live`, {
      transports: ['websocket'],
      reconnection: false,
      auth: { token: member.accessToken },
    });
    await new Promise<void>((res, rej) => {
      socket.once('connect', () => res());
      socket.once('connect_error', rej);
    });
    const closed = new Promise<number>((res) => socket.once('disconnect', () => res(Date.now())));
    const started = Date.now();
    const removed = await http.call(`/api/council/groups/${group?.groupId}/members/${member.user.id}`, {
      method: 'DELETE',
      token,
    });
    expect(removed.status).toBe(204);
    expect((await closed) - started).toBeLessThan(5000);
    const me = await http.call<CurrentUser>('/api/me', { token: member.accessToken });
    expect(me.body.memberships.map((m) => m.groupSlug)).toEqual(['psychosocial-support']);
    expect(
      (await http.call(`/api/council/groups/${group?.groupId}/members/${member.user.id}`, { method: 'DELETE', token }))
        .status,
    ).toBe(404);
    // Adding back is audited too, and a bad term is a field error.
    const bad = await http.call<ErrorResponse>(`/api/council/groups/${group?.groupId}/members`, {
      body: { userId: member.user.id, role: 'member', termStart: '2026-02-01', termEnd: '2026-01-01' },
      token,
    });
    expect(bad.status).toBe(400);
    const added = await http.call(`/api/council/groups/${group?.groupId}/members`, {
      body: { userId: member.user.id, role: 'rapporteur', termStart: new Date().toISOString().slice(0, 10) },
      token,
    });
    expect(added.status).toBe(201);
    socket.close();
  });

  it('confirms an e-mail address through a mailed link', async () => {
    const pg = new Client({ connectionString: db.url });
    await pg.connect();
    await pg.query(`UPDATE users SET email_verified_at = NULL WHERE email = $1`, [demo('ngo-lead')]);
    await pg.end();
    const s = await http.session(demo('ngo-lead'), DEMO_PASSWORD);
    expect(s.user.emailVerified).toBe(false);
    expect((await http.call('/api/me/email/verification', { method: 'POST', token: s.accessToken })).status).toBe(202);
    const token = tokenFromLink((await smtp.next(demo('ngo-lead'))).text, 'http://kengash.test/verify-email');
    secretsSeen.push(token);
    expect((await http.call('/api/auth/email/verify', { body: { token } })).status).toBe(204);
    expect((await http.call<CurrentUser>('/api/me', { token: s.accessToken })).body.emailVerified).toBe(true);
    expect((await http.call('/api/auth/email/verify', { body: { token } })).status).toBe(404);
    expect((await http.call('/api/me/email/verification', { method: 'POST', token: s.accessToken })).status).toBe(409);
  });

  it('takes the socket token only from the handshake auth and checks the Origin', async () => {
    const s = await http.session(demo('psychologist'), DEMO_PASSWORD);
    const attempt = (opts: Parameters<typeof io>[1]) =>
      new Promise<string>((res) => {
        const sock = io(`${api.baseUrl}/live`, { transports: ['websocket'], reconnection: false, ...opts });
        sock.once('connect', () => {
          sock.close();
          res('connected');
        });
        sock.once('connect_error', (e) => {
          sock.close();
          res(e.message);
        });
      });
    expect(await attempt({ auth: { token: s.accessToken } })).toBe('connected');
    expect(await attempt({ query: { token: s.accessToken } })).toBe('unauthenticated');
    expect(await attempt({})).toBe('unauthenticated');
    expect(await attempt({ auth: { token: s.accessToken }, extraHeaders: { origin: 'https://evil.example' } })).toBe(
      'origin_not_allowed',
    );
    expect(await attempt({ auth: { token: s.accessToken }, extraHeaders: { origin: 'http://kengash.test' } })).toBe(
      'connected',
    );
  });

  it('sends strict security headers on the API and on the served web app', async () => {
    const s = await http.session(demo('psychologist'), DEMO_PASSWORD);
    const me = await http.call<CurrentUser>('/api/me', { token: s.accessToken });
    for (const headers of [me.headers]) {
      const csp = headers.get('content-security-policy') ?? '';
      expect(csp).toMatch(/script-src 'self'(;|$)/);
      expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
      expect(headers.get('x-content-type-options')).toBe('nosniff');
      expect(headers.get('referrer-policy')).toBe('no-referrer');
    }
    expect(me.headers.get('cache-control')).toBe('no-store');

    const index = await fetch(`${api.baseUrl}/`);
    const html = await index.text();
    const csp = index.headers.get('content-security-policy') ?? '';
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(index.headers.get('strict-transport-security')).toBeTruthy();
    expect(index.headers.get('x-content-type-options')).toBe('nosniff');
    expect(index.headers.get('cache-control')).toBe('no-store');
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(html.toLowerCase()).toContain(`ngcspnonce="${nonce?.toLowerCase()}"`);
    expect(html).toContain(`nonce="${nonce}"`);
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/); // no inline scripts
    const second = await fetch(`${api.baseUrl}/sessions`);
    expect(/'nonce-([^']+)'/.exec(second.headers.get('content-security-policy') ?? '')?.[1]).not.toBe(nonce);
  });

  it('never writes a password, token or TOTP secret into a log line or an audit row; the audit chain verifies', async () => {
    expect(secretsSeen.length).toBeGreaterThan(5);
    const logs = api.output();
    const pg = new Client({ connectionString: db.url });
    await pg.connect();
    const audit = (await pg.query(`SELECT action, details::text AS details FROM audit_events ORDER BY seq`)).rows as {
      action: string;
      details: string;
    }[];
    await pg.end();
    const auditText = JSON.stringify(audit);
    for (const secret of [...secretsSeen, DEMO_PASSWORD]) {
      expect(logs.split('\n').find((line) => line.includes(secret))).toBeUndefined();
      expect(auditText).not.toContain(secret);
    }
    const actions = new Set(audit.map((a) => a.action));
    for (const a of [
      'auth.sign_in',
      'auth.sign_in_failed',
      'auth.totp_enabled',
      'invitation.sent',
      'invitation.accepted',
      'user.disabled',
      'auth.refresh_reuse_detected',
      'auth.password_reset',
    ]) {
      expect(actions).toContain(a);
    }
    const verify = spawnSync(process.execPath, [API_MAIN, 'audit:verify'], {
      env: { PATH: process.env['PATH'] ?? '', DATABASE_URL: db.url, LOG_LEVEL: 'warn' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(verify.stdout).toMatch(/Audit chain intact: \d+ events checked/);
    expect(verify.status).toBe(0);
  });

  it('detects a tampered audit row with npm run audit:verify', async () => {
    const admin = new Client({ connectionString: db.url });
    await admin.connect();
    try {
      await expect(admin.query(`UPDATE audit_events SET action = 'x' WHERE seq = 2`)).rejects.toThrow(/append-only/);
      await admin.query('ALTER TABLE audit_events DISABLE TRIGGER USER');
      await admin.query(
        `UPDATE audit_events SET details = '{"reason":"edited"}' WHERE seq = (SELECT min(seq) + 2 FROM audit_events)`,
      );
      await admin.query('ALTER TABLE audit_events ENABLE TRIGGER USER');
      const seq = (await admin.query('SELECT (min(seq) + 2)::text AS seq FROM audit_events')).rows[0].seq as string;
      const verify = spawnSync(process.execPath, [API_MAIN, 'audit:verify'], {
        env: { PATH: process.env['PATH'] ?? '', DATABASE_URL: db.url, LOG_LEVEL: 'warn' },
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(verify.status).toBe(1);
      expect(verify.stdout).toContain(`Audit chain BROKEN at event ${seq}`);
    } finally {
      await admin.end();
    }
  });
});
