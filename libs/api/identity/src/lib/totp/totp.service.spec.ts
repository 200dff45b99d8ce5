import { ConfigService } from '@nestjs/config';
import { Secret, TOTP } from 'otpauth';
import { TotpService } from './totp.service';

describe('TotpService (RFC 6238)', () => {
  const config = { getOrThrow: () => ({ secrets: { dataEncryptionKey: 'k'.repeat(48) } }) } as unknown as ConfigService;
  const sut = new TotpService(config);
  const { base32, sealed } = sut.newSecret();
  const code = (at: number) => new TOTP({ secret: Secret.fromBase32(base32) }).generate({ timestamp: at });
  const now = Date.UTC(2024, 6, 26, 10, 0, 15);
  const step = BigInt(Math.floor(now / 30_000));

  it('stores the secret sealed, not in clear', () => {
    expect(sealed).not.toContain(base32);
    expect(sut.reveal(sealed)).toBe(base32);
  });

  it('accepts the previous, current and next step, and nothing further', () => {
    expect(sut.acceptedStep(sealed, code(now), null, now)).toBe(step);
    expect(sut.acceptedStep(sealed, code(now - 30_000), null, now)).toBe(step - BigInt(1));
    expect(sut.acceptedStep(sealed, code(now + 30_000), null, now)).toBe(step + BigInt(1));
    expect(sut.acceptedStep(sealed, code(now - 90_000), null, now)).toBeNull();
    expect(sut.acceptedStep(sealed, '12345', null, now)).toBeNull();
  });

  it('refuses a code whose step was already used (single use)', () => {
    expect(sut.acceptedStep(sealed, code(now), step, now)).toBeNull();
    expect(sut.acceptedStep(sealed, code(now - 30_000), step, now)).toBeNull();
    expect(sut.acceptedStep(sealed, code(now + 30_000), step, now)).toBe(step + BigInt(1));
  });

  it('makes ten distinct recovery codes whose hashes ignore dashes and case', () => {
    const { codes, hashes } = sut.newRecoveryCodes();
    expect(new Set(codes).size).toBe(10);
    expect(hashes[0]).toBe(sut.hashRecoveryCode(codes[0].toLowerCase().replace(/-/g, ' ')));
  });
});
