import { SessionResponse, SignInResponse } from '@kengash/contracts';
import { Secret, TOTP } from 'otpauth';

export interface Reply<T = unknown> {
  status: number;
  body: T;
  text: string;
  headers: Headers;
  /** `kg_refresh` from Set-Cookie, when the response set it. */
  refreshCookie?: string;
}

export interface Call {
  method?: string;
  body?: unknown;
  token?: string;
  refreshCookie?: string;
  ip?: string;
  headers?: Record<string, string>;
}

let ipCounter = 1;
/** A fresh client address per call group: the API trusts X-Forwarded-For in these tests (TRUST_PROXY=true). */
export const freshIp = () => `10.${(ipCounter >> 16) & 255}.${(ipCounter >> 8) & 255}.${ipCounter++ & 255}`;

export function client(baseUrl: string) {
  async function call<T = unknown>(path: string, init: Call = {}): Promise<Reply<T>> {
    const headers: Record<string, string> = { 'x-forwarded-for': init.ip ?? freshIp(), ...init.headers };
    if (init.body !== undefined) headers['content-type'] = 'application/json';
    if (init.token) headers['authorization'] = `Bearer ${init.token}`;
    if (init.refreshCookie) headers['cookie'] = `kg_refresh=${init.refreshCookie}`;
    const res = await fetch(`${baseUrl}${path}`, {
      method: init.method ?? (init.body !== undefined ? 'POST' : 'GET'),
      headers,
      body: init.body !== undefined ? JSON.stringify(init.body) : undefined,
    });
    const text = await res.text();
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('kg_refresh='));
    const value = cookie?.split(';')[0].slice('kg_refresh='.length);
    return {
      status: res.status,
      text,
      body: (text && res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text) as T,
      headers: res.headers,
      refreshCookie: value || undefined,
    };
  }

  async function signIn(email: string, password: string, ip?: string): Promise<Reply<SignInResponse>> {
    return call<SignInResponse>('/api/auth/sign-in', { body: { email, password }, ip });
  }

  /** Signs in someone without 2FA and returns the session. */
  async function session(email: string, password: string): Promise<SessionResponse & { refreshCookie: string }> {
    const r = await signIn(email, password);
    if (r.status !== 200 || r.body.status !== 'signed_in' || !r.refreshCookie) {
      throw new Error(`sign-in of ${email} failed: ${r.status} ${r.text}`);
    }
    return { ...r.body, refreshCookie: r.refreshCookie };
  }

  return { call, signIn, session };
}

export function totpCode(secret: string, at = Date.now()): string {
  return new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30 }).generate({ timestamp: at });
}

/** Waits until the next 30-second TOTP step starts (codes are single-use per step). */
export async function nextTotpStep(): Promise<void> {
  const ms = 30_000 - (Date.now() % 30_000) + 50;
  await new Promise((r) => setTimeout(r, ms));
}

export const DEMO_PASSWORD = 'kengash-demo-2024';
export const demo = (key: string) => `${key}@demo.kengash.example`;

/**
 * Signs in a demo account and, when its role requires 2FA that is not set up yet, enrols it as the person
 * would (the token stays valid). Returns the access token.
 */
export async function signedIn(
  http: ReturnType<typeof client>,
  email: string,
  password = DEMO_PASSWORD,
): Promise<string> {
  const session = await http.session(email, password);
  if (session.user.totpEnrolmentRequired) {
    const enrol = await http.call<{ secret: string }>('/api/me/totp/enrol', {
      method: 'POST',
      token: session.accessToken,
    });
    const confirmed = await http.call('/api/me/totp/confirm', {
      body: { code: totpCode(enrol.body.secret, Date.now() - 30_000) },
      token: session.accessToken,
    });
    if (confirmed.status !== 201) throw new Error(`2FA enrolment of ${email} failed: ${confirmed.text}`);
  }
  return session.accessToken;
}
