import { checkFormToken, formTokenKey, issueFormToken } from './form-token';

describe('the application form token (time-based honeypot)', () => {
  const key = formTokenKey('server secret');
  const limits = { minMs: 3_000, maxMs: 24 * 3_600_000 };
  const issued = new Date('2031-03-01T10:00:00Z');
  const at = (ms: number) => new Date(issued.getTime() + ms);

  it('accepts a token sent back after the minimum time and before it expires', () => {
    const { token } = issueFormToken(key, issued);
    const result = checkFormToken(key, token, limits, at(3_500));
    expect(result).toEqual({ ok: true, nonce: expect.stringMatching(/^[A-Za-z0-9_-]{22}$/), issuedAt: issued });
  });

  it('refuses a form sent too fast, and an old one', () => {
    const { token } = issueFormToken(key, issued);
    expect(checkFormToken(key, token, limits, at(2_999))).toEqual({ ok: false, reason: 'too_fast' });
    expect(checkFormToken(key, token, limits, at(24 * 3_600_000 + 1))).toEqual({ ok: false, reason: 'expired' });
  });

  it('refuses a token signed with another key, a changed issue time and garbage', () => {
    const { token } = issueFormToken(formTokenKey('another secret'), issued);
    expect(checkFormToken(key, token, limits, at(5_000))).toEqual({ ok: false, reason: 'forged' });
    const mine = issueFormToken(key, issued).token;
    const [, nonce, mac] = mine.split('.');
    const backdated = `${issued.getTime() - 60_000}.${nonce}.${mac}`;
    expect(checkFormToken(key, backdated, limits, at(5_000))).toEqual({ ok: false, reason: 'forged' });
    for (const bad of [undefined, 42, '', 'a.b.c', `${mine}x`, 'x'.repeat(500)])
      expect(checkFormToken(key, bad, limits, at(5_000))).toEqual({ ok: false, reason: 'malformed' });
  });

  it('gives each form its own nonce', () => {
    const a = checkFormToken(key, issueFormToken(key, issued).token, limits, at(5_000));
    const b = checkFormToken(key, issueFormToken(key, issued).token, limits, at(5_000));
    expect(a.ok && b.ok && a.nonce !== b.nonce).toBe(true);
  });
});
