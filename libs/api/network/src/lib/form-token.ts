import { createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';

export interface IssuedFormToken {
  token: string;
  issuedAt: Date;
}

export type FormTokenCheck =
  | { ok: true; nonce: string; issuedAt: Date }
  | { ok: false; reason: 'malformed' | 'forged' | 'too_fast' | 'expired' };

/** Derives the form-token key from a server secret, so the key is never used for anything else. */
export function formTokenKey(secret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, 'kengash', 'network application form token', 32));
}

const sign = (key: Buffer, payload: string) => createHmac('sha256', key).update(payload).digest('base64url');

/**
 * The time-based honeypot of the public application form: `<issued ms>.<nonce>.<HMAC>`. A form sent back
 * sooner than `minMs` after it was issued (a bot), after `maxMs`, or with a token the server did not sign is refused.
 */
export function issueFormToken(key: Buffer, now = new Date()): IssuedFormToken {
  const payload = `${now.getTime()}.${randomBytes(16).toString('base64url')}`;
  return { token: `${payload}.${sign(key, payload)}`, issuedAt: now };
}

export function checkFormToken(
  key: Buffer,
  token: unknown,
  limits: { minMs: number; maxMs: number },
  now = new Date(),
): FormTokenCheck {
  if (typeof token !== 'string' || token.length > 200) return { ok: false, reason: 'malformed' };
  const match = /^(\d{1,15})\.([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return { ok: false, reason: 'malformed' };
  const [, issued, nonce, mac] = match;
  const expected = Buffer.from(sign(key, `${issued}.${nonce}`));
  const given = Buffer.from(mac);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'forged' };
  const age = now.getTime() - Number(issued);
  if (age < limits.minMs) return { ok: false, reason: 'too_fast' };
  if (age > limits.maxMs) return { ok: false, reason: 'expired' };
  return { ok: true, nonce, issuedAt: new Date(Number(issued)) };
}
