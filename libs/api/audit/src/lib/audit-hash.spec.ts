import {
  AuditHashedFields,
  JsonObject,
  canonicalJson,
  computeAuditHash,
  GENESIS_HASH,
  prepareDetails,
  REDACTED,
  redactSecrets,
} from './audit-hash';
import { describeAuditVerification } from './verify-audit-chain';

describe('redactSecrets', () => {
  it('replaces secret-looking keys at every depth, in arrays too, and keeps the rest', () => {
    const input: JsonObject = {
      email: 'a@x.example',
      password: 'hunter2',
      newPassword: { nested: 'object values go too' },
      session: { refreshToken: 'r', accessTOKEN: 'a', userAgent: 'ua' },
      steps: [{ totpCode: '123456', ok: true }, { otp: '1' }, 'plain'],
      headers: { Authorization: 'Bearer x', cookie: 'c', Accept: 'json' },
      clientSecret: 's',
      count: 3,
    };
    expect(redactSecrets(input)).toEqual({
      email: 'a@x.example',
      password: REDACTED,
      newPassword: REDACTED,
      session: { refreshToken: REDACTED, accessTOKEN: REDACTED, userAgent: 'ua' },
      steps: [{ totpCode: REDACTED, ok: true }, { otp: REDACTED }, 'plain'],
      headers: { Authorization: REDACTED, cookie: REDACTED, Accept: 'json' },
      clientSecret: REDACTED,
      count: 3,
    });
    expect(input['password']).toBe('hunter2'); // the caller's object is left alone
  });

  it('prepares details as plain JSON: dates as ISO strings, undefined dropped, jsonb-unsafe text replaced', () => {
    const details = prepareDetails({
      when: new Date('2026-01-02T03:04:05.678Z'),
      gone: undefined,
      nul: 'a\u0000b',
      lone: 'x\uD800y',
      deep: { code: 42 },
    });
    expect(details).toEqual({
      when: '2026-01-02T03:04:05.678Z',
      nul: 'a\uFFFDb',
      lone: 'x\uFFFDy',
      deep: { code: REDACTED },
    });
    expect(prepareDetails(undefined)).toEqual({});
  });
});

describe('canonicalJson', () => {
  it('does not depend on key order, at any depth', () => {
    const a = { b: 1, a: { y: [1, { q: null, p: 'x' }], x: true } };
    const b = { a: { x: true, y: [1, { p: 'x', q: null }] }, b: 1 };
    expect(canonicalJson(a)).toBe(canonicalJson(b));
    expect(canonicalJson(a)).toBe('{"a":{"x":true,"y":[1,{"p":"x","q":null}]},"b":1}');
  });

  it('keeps array order and escapes like JSON', () => {
    expect(canonicalJson([2, 1])).not.toBe(canonicalJson([1, 2]));
    expect(canonicalJson({ 'k"': 'line\nbreak' })).toBe('{"k\\"":"line\\nbreak"}');
  });

  it('refuses non-finite numbers', () => {
    expect(() => canonicalJson(Number.NaN)).toThrow(TypeError);
  });
});

describe('computeAuditHash', () => {
  const fields: AuditHashedFields = {
    id: '6f1c0a4e-2f55-4c3b-9a51-0d6f0f3c2b11',
    at: '2026-01-02T03:04:05.678Z',
    actorId: null,
    action: 'auth.sign_in',
    targetType: 'user',
    targetId: '42',
    details: { b: 2, a: 1 },
    ip: '203.0.113.7',
    prevHash: GENESIS_HASH,
  };

  it('is sha256 over prevHash + the canonical JSON of the fields, independent of details key order', () => {
    const hash = computeAuditHash(fields);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(computeAuditHash({ ...fields, details: { a: 1, b: 2 } })).toBe(hash);
  });

  it('changes when any field changes', () => {
    const hash = computeAuditHash(fields);
    expect(computeAuditHash({ ...fields, details: { a: 1, b: 3 } })).not.toBe(hash);
    expect(computeAuditHash({ ...fields, actorId: '6f1c0a4e-2f55-4c3b-9a51-0d6f0f3c2b12' })).not.toBe(hash);
    expect(computeAuditHash({ ...fields, at: '2026-01-02T03:04:05.679Z' })).not.toBe(hash);
    expect(computeAuditHash({ ...fields, prevHash: 'f'.repeat(64) })).not.toBe(hash);
    expect(computeAuditHash({ ...fields, targetType: null })).not.toBe(hash);
  });
});

describe('describeAuditVerification', () => {
  it('prints one line for both outcomes', () => {
    expect(describeAuditVerification({ ok: true, checked: 3 })).toBe('Audit chain intact: 3 events checked');
    expect(
      describeAuditVerification({ ok: false, checked: 1, firstBroken: { id: 'i', seq: '2', reason: 'hash_mismatch' } }),
    ).toBe('Audit chain BROKEN at event 2 (i): hash_mismatch');
  });
});
