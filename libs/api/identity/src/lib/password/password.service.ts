import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@kengash/contracts';
import { Injectable } from '@nestjs/common';
import * as argon2 from 'argon2';
import { isCommonPassword } from './common-passwords';

/**
 * argon2id at the OWASP minimum (19 MiB, t=2, p=1). The parameters live in each hash, so raising them
 * re-hashes a person's password at their next sign-in (`needsRehash`).
 */
export const ARGON2_OPTIONS = { type: argon2.argon2id, memoryCost: 19 * 1024, timeCost: 2, parallelism: 1 } as const;

@Injectable()
export class PasswordService {
  hash(password: string): Promise<string> {
    return argon2.hash(password, ARGON2_OPTIONS);
  }

  async verify(hash: string | null, password: string): Promise<boolean> {
    if (!hash) {
      // Same work as a real check, so timing does not tell whether the account has a password.
      await argon2.hash(password, ARGON2_OPTIONS);
      return false;
    }
    try {
      return await argon2.verify(hash, password);
    } catch {
      return false;
    }
  }

  needsRehash(hash: string): boolean {
    return argon2.needsRehash(hash, ARGON2_OPTIONS);
  }

  /** Problems with a new password, in words for the person; empty when it is acceptable. */
  problems(password: string, context: { email?: string; displayName?: string } = {}): string[] {
    const out: string[] = [];
    if (password.length < PASSWORD_MIN_LENGTH) out.push(`must be at least ${PASSWORD_MIN_LENGTH} characters long`);
    if (password.length > PASSWORD_MAX_LENGTH) out.push(`must be at most ${PASSWORD_MAX_LENGTH} characters long`);
    if (isCommonPassword(password)) out.push('is one of the most common passwords; choose another');
    const local = context.email?.split('@')[0]?.toLowerCase();
    if (local && local.length >= 4 && password.toLowerCase().includes(local))
      out.push('must not contain your e-mail address');
    return out;
  }
}
