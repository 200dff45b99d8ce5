import { ApiProcess, createTestDatabase, freeLoopbackPort, startApi, TestDatabase } from '@kengash/api-testing';
import { CurrentUser, SessionResponse, SsoInfo } from '@kengash/contracts';
import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { Client } from 'pg';
import { client } from './support/http';

/** Single sign-on against a real OpenID Connect provider (`oidc-provider`) running on loopback. */
describe('OIDC single sign-on', () => {
  let db: TestDatabase;
  let api: ApiProcess;
  let provider: ChildProcess;
  let issuer: string;
  let apiBase: string;

  beforeAll(async () => {
    const [apiPort, idpPort] = [await freeLoopbackPort(), await freeLoopbackPort()];
    apiBase = `http://127.0.0.1:${apiPort}`;
    provider = spawn(
      process.execPath,
      [join(__dirname, 'support/oidc-provider.mjs'), String(idpPort), `${apiBase}/api/auth/sso/callback`],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    issuer = await new Promise<string>((res, rej) => {
      const timer = setTimeout(() => rej(new Error('OIDC provider did not start')), 20_000);
      provider.stdout?.on('data', (d: Buffer) => {
        const m = /READY (\S+)/.exec(d.toString());
        if (m) {
          clearTimeout(timer);
          res(m[1]);
        }
      });
      provider.stderr?.on('data', (d: Buffer) => process.stderr.write(d));
    });
    db = await createTestDatabase('sso');
    api = await startApi({
      PORT: String(apiPort),
      DATABASE_URL: db.url,
      DEMO_DATA: 'true',
      PUBLIC_URL: apiBase,
      OIDC_ISSUER_URL: issuer,
      OIDC_CLIENT_ID: 'kengash',
      OIDC_CLIENT_SECRET: 'kengash-test-secret-0123456789abcdef',
      OIDC_DISPLAY_NAME: 'Council IdP',
    });
    const pg = new Client({ connectionString: db.url });
    await pg.connect();
    await pg.query(
      `INSERT INTO users (email, display_name, global_role, status) VALUES
         ('invited.expert@example.org', 'Invited Expert', 'member', 'invited'),
         ('active.expert@example.org', 'Active Expert', 'member', 'active')`,
    );
    await pg.end();
  });

  afterAll(async () => {
    await api?.stop();
    provider?.kill();
    await db?.drop();
  });

  /** Runs the browser's part: Kengash → provider login and consent → back to Kengash's callback. */
  async function signOn(
    login: string,
    opts: { dropFlowCookie?: boolean } = {},
  ): Promise<{ location: string; refreshCookie?: string }> {
    const start = await fetch(`${apiBase}/api/auth/sso/start`, { redirect: 'manual' });
    expect(start.status).toBe(302);
    const flowCookie =
      start.headers
        .getSetCookie()
        .find((c) => c.startsWith('kg_sso='))
        ?.split(';')[0] ?? '';
    const authUrl = new URL(start.headers.get('location') ?? '');
    expect(authUrl.origin).toBe(issuer);
    expect(authUrl.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authUrl.searchParams.get('state')).toBeTruthy();
    expect(authUrl.searchParams.get('nonce')).toBeTruthy();

    const jar = new Map<string, string>();
    let url = authUrl.toString();
    let method = 'GET';
    let body: string | undefined;
    for (let i = 0; i < 20; i++) {
      if (url.startsWith(`${apiBase}/api/auth/sso/callback`)) {
        const cb = await fetch(url, { redirect: 'manual', headers: opts.dropFlowCookie ? {} : { cookie: flowCookie } });
        expect(cb.status).toBe(302);
        const refresh = cb.headers.getSetCookie().find((c) => c.startsWith('kg_refresh='));
        return {
          location: cb.headers.get('location') ?? '',
          refreshCookie: refresh?.split(';')[0].slice('kg_refresh='.length),
        };
      }
      const res = await fetch(url, {
        method,
        body,
        redirect: 'manual',
        headers: {
          cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '),
          ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
        },
      });
      for (const c of res.headers.getSetCookie()) {
        const [pair] = c.split(';');
        const eq = pair.indexOf('=');
        jar.set(pair.slice(0, eq), pair.slice(eq + 1));
      }
      if (res.status >= 300 && res.status < 400) {
        url = new URL(res.headers.get('location') ?? '', url).toString();
        method = 'GET';
        body = undefined;
        continue;
      }
      const html = await res.text();
      const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
      if (!action) throw new Error(`Unexpected provider page (${res.status}): ${html.slice(0, 300)}`);
      const fields = new URLSearchParams();
      for (const m of html.matchAll(/<input[^>]*?name="([^"]+)"[^>]*>/g))
        fields.set(m[1], /value="([^"]*)"/.exec(m[0])?.[1] ?? '');
      if (fields.has('login')) {
        fields.set('login', login);
        fields.set('password', 'any');
      }
      url = new URL(action.replace(/&amp;/g, '&'), url).toString();
      method = 'POST';
      body = fields.toString();
    }
    throw new Error('The sign-on flow did not come back');
  }

  it('says SSO is on and names the button', async () => {
    const info = await client(apiBase).call<SsoInfo>('/api/auth/sso');
    expect(info.body).toEqual({ enabled: true, displayName: 'Council IdP' });
  });

  it('signs in an invited person with a verified e-mail, links the account and activates it', async () => {
    const first = await signOn('invited.expert@example.org');
    expect(first.location).toBe('/sign-in/sso-complete');
    expect(first.refreshCookie).toBeTruthy();
    const http = client(apiBase);
    const session = await http.call<SessionResponse>('/api/auth/refresh', {
      method: 'POST',
      refreshCookie: first.refreshCookie,
    });
    expect(session.status).toBe(200);
    const me = await http.call<CurrentUser>('/api/me', { token: session.body.accessToken });
    expect(me.body).toMatchObject({ email: 'invited.expert@example.org', emailVerified: true });

    // The link now identifies the person on later sign-ons.
    const again = await signOn('invited.expert@example.org');
    expect(again.location).toBe('/sign-in/sso-complete');
  });

  it('never links an e-mail address the provider has not verified', async () => {
    expect((await signOn('unverified-invited.expert@example.org')).location).toBe(
      '/sign-in/sso-complete?error=sso_email_unverified',
    );
  });

  it('refuses people who were not invited, and does not take over an existing active account by e-mail', async () => {
    expect((await signOn('stranger@example.org')).location).toBe('/sign-in/sso-complete?error=sso_no_account');
    const active = await signOn('active.expert@example.org');
    expect(active.location).toBe('/sign-in/sso-complete?error=sso_no_account');
    expect(active.refreshCookie).toBeUndefined();
  });

  it('refuses a callback without its flow cookie (state and PKCE verifier)', async () => {
    expect((await signOn('invited.expert@example.org', { dropFlowCookie: true })).location).toBe(
      '/sign-in/sso-complete?error=sso_flow_expired',
    );
  });
});
