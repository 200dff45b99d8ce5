import { DomainException } from '@kengash/api-core';
import { ErrorCode } from '@kengash/contracts';
import { ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard, ThrottlerLimitDetail } from '@nestjs/throttler';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** Applications per client IP and per applicant e-mail (the `ip` and `account` throttlers identity defines). */
export const APPLICATION_LIMITS = {
  ip: { limit: 10, ttl: 60 * 60_000, blockDuration: 60 * 60_000 },
  account: { limit: 3, ttl: 24 * 60 * 60_000, blockDuration: 24 * 60 * 60_000 },
};
/** The form and the status page: generous, per client IP. */
export const PUBLIC_READ_LIMITS = {
  ip: { limit: 60, ttl: 60_000, blockDuration: 60_000 },
  account: { limit: 60, ttl: 60_000, blockDuration: 60_000 },
};

/** 429 with `Retry-After`, like sign-in: one message whatever tripped it. */
@Injectable()
export class NetworkThrottleGuard extends ThrottlerGuard {
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
