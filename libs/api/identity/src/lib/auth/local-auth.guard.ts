import { ValidationDomainException } from '@kengash/api-core';
import { ExecutionContext, Injectable } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import type { FastifyRequest } from 'fastify';

/** Runs the local strategy; a body without the fields is a 400 listing them, not passport's bare 401. */
@Injectable()
export class LocalAuthGuard extends AuthGuard('local') {
  override canActivate(context: ExecutionContext) {
    const body = context.switchToHttp().getRequest<FastifyRequest>().body as Record<string, unknown> | undefined;
    const missing = ['email', 'password'].filter((f) => typeof body?.[f] !== 'string' || body[f] === '');
    if (missing.length)
      throw new ValidationDomainException(missing.map((field) => ({ field, messages: [`${field} is required`] })));
    return super.canActivate(context);
  }

  override handleRequest<T>(err: unknown, user: T): T {
    if (err) throw err;
    return user;
  }
}
