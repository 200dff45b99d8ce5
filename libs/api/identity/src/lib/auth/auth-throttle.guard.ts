import { DomainException } from '@kengash/api-core';
import { ErrorCode } from '@kengash/contracts';
import { ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard, ThrottlerLimitDetail, ThrottlerModuleOptions } from '@nestjs/throttler';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** Sign-in, reset and invitation routes: per client IP and per account (the e-mail in the body). */
export const AUTH_THROTTLERS: ThrottlerModuleOptions = {
  throttlers: [
    { name: 'ip', ttl: 60_000, limit: 20, blockDuration: 60_000 },
    {
      name: 'account',
      ttl: 15 * 60_000,
      limit: 10,
      blockDuration: 15 * 60_000,
      getTracker: (req: Record<string, unknown>) => {
        const body = req['body'] as { email?: unknown; token?: unknown } | undefined;
        const key =
          typeof body?.email === 'string'
            ? body.email.trim().toLowerCase()
            : typeof body?.token === 'string'
              ? `token:${body.token}`
              : '';
        return key || String(req['ip'] ?? 'unknown');
      },
    },
  ],
  setHeaders: false,
};

/** 429 with a standard `Retry-After` and one message for every case: nothing tells whether an account exists. */
@Injectable()
export class AuthThrottleGuard extends ThrottlerGuard {
  protected override async getTracker(req: Record<string, unknown>): Promise<string> {
    return String((req as unknown as FastifyRequest).ip ?? 'unknown');
  }

  protected override async throwThrottlingException(
    context: ExecutionContext,
    detail: ThrottlerLimitDetail,
  ): Promise<void> {
    const seconds = Math.max(1, Math.ceil(detail.timeToBlockExpire));
    void context.switchToHttp().getResponse<FastifyReply>().header('retry-after', String(seconds));
    throw new DomainException(ErrorCode.RateLimited, `Too many attempts. Try again in ${seconds} seconds.`, {
      retryAfterSeconds: seconds,
    });
  }
}
