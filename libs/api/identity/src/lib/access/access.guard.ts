import { DomainException } from '@kengash/api-core';
import { ErrorCode } from '@kengash/contracts';
import { ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import type { FastifyRequest } from 'fastify';
import { CAN_METADATA } from '@kengash/api-core';
import { Action } from '@kengash/api-core';
import { decide } from './policy';
import type { Principal } from './principal';

export type RequestWithPrincipal = FastifyRequest & { user?: Principal | false | null; principal?: Principal | null };

/**
 * The global REST guard: authenticates a Bearer token with the passport JWT strategy (when one is sent),
 * then asks the policy about the route's declared action. A route that declares none is refused.
 */
@Injectable()
export class AccessGuard extends AuthGuard('jwt') {
  private readonly logger = new Logger(AccessGuard.name);

  constructor(private readonly reflector: Reflector) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true; // sockets: LiveAccess in the gateway
    const action = this.reflector.getAllAndOverride<Action | undefined>(CAN_METADATA, [
      context.getHandler(),
      context.getClass(),
    ]);
    const request = context.switchToHttp().getRequest<RequestWithPrincipal>();
    if (!action) {
      this.logger.error(`${request.method} ${request.url} declares no @Can action: refused`);
      throw new DomainException(ErrorCode.Forbidden, 'Access to this route is not configured');
    }
    let principal: Principal | null = null;
    const sentToken = typeof request.headers.authorization === 'string' && request.headers.authorization.length > 0;
    if (sentToken) {
      await (super.canActivate(context) as Promise<boolean>).catch(() => false);
      principal = request.user || null;
      if (!principal && action !== Action.Public) {
        throw new DomainException(ErrorCode.Unauthenticated, 'Your session has ended; sign in again');
      }
    }
    request.principal = principal;
    const decision = decide(principal, action);
    if (decision.allowed) return true;
    if (decision.reason === 'unauthenticated')
      throw new DomainException(ErrorCode.Unauthenticated, 'Sign in to continue');
    if (decision.reason === 'totp_enrolment_required') {
      throw new DomainException(ErrorCode.Forbidden, 'Set up two-factor sign-in to continue', {
        reason: 'totp_enrolment_required',
      });
    }
    throw new DomainException(ErrorCode.Forbidden, 'You do not have access to this');
  }

  /** Never throw from passport: the policy decides what an anonymous request may do. */
  override handleRequest<T>(_err: unknown, user: T): T {
    return user;
  }
}
