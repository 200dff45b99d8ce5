import { AuthConfig } from '@kengash/api-core';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { createHash, randomBytes } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import { toString as qrToString } from 'qrcode';
import { SecretBox } from '../crypto/secret-box';

export const TOTP_PERIOD_SECONDS = 30;
export const RECOVERY_CODE_COUNT = 10;

/** RFC 6238 TOTP (SHA-1, 6 digits, 30 s) accepting the previous, current and next step, each once. */
@Injectable()
export class TotpService {
  private readonly box: SecretBox;

  constructor(config: ConfigService) {
    this.box = new SecretBox(config.getOrThrow<AuthConfig>('auth').secrets.dataEncryptionKey, 'totp');
  }

  newSecret(): { base32: string; sealed: string } {
    const base32 = new Secret({ size: 20 }).base32;
    return { base32, sealed: this.box.seal(base32) };
  }

  reveal(sealed: string): string {
    return this.box.open(sealed);
  }

  otpauthUrl(base32: string, account: string): string {
    return this.totp(base32, account).toString();
  }

  qrSvg(url: string): Promise<string> {
    return qrToString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  }

  /**
   * The time step the code belongs to (±1 step of drift), or null when it is wrong or not newer than
   * `lastStep` — a code, once used, is refused.
   */
  acceptedStep(sealed: string, code: string, lastStep: bigint | null, now = Date.now()): bigint | null {
    if (!/^\d{6}$/.test(code)) return null;
    const delta = this.totp(this.reveal(sealed)).validate({ token: code, window: 1, timestamp: now });
    if (delta === null) return null;
    const step = BigInt(Math.floor(now / 1000 / TOTP_PERIOD_SECONDS) + delta);
    if (lastStep !== null && step <= lastStep) return null;
    return step;
  }

  /** Fresh recovery codes (shown once) and their hashes (stored). */
  newRecoveryCodes(): { codes: string[]; hashes: string[] } {
    const codes = Array.from({ length: RECOVERY_CODE_COUNT }, () => {
      const raw = randomBytes(10).toString('hex').slice(0, 16).toUpperCase();
      return `${raw.slice(0, 4)}-${raw.slice(4, 8)}-${raw.slice(8, 12)}-${raw.slice(12, 16)}`;
    });
    return { codes, hashes: codes.map((c) => this.hashRecoveryCode(c)) };
  }

  hashRecoveryCode(code: string): string {
    return createHash('sha256').update(code.replace(/[\s-]/g, '').toUpperCase()).digest('hex');
  }

  private totp(base32: string, account = 'account'): TOTP {
    return new TOTP({
      issuer: 'Kengash',
      label: account,
      algorithm: 'SHA1',
      digits: 6,
      period: TOTP_PERIOD_SECONDS,
      secret: Secret.fromBase32(base32),
    });
  }
}
