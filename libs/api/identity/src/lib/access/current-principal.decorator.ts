import { DomainException } from '@kengash/api-core';
import { ErrorCode } from '@kengash/contracts';
import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { RequestWithPrincipal } from './access.guard';
import type { Principal } from './principal';

/** The signed-in principal of a route whose action requires one. */
export const CurrentPrincipal = createParamDecorator((_data: unknown, context: ExecutionContext): Principal => {
  const principal = context.switchToHttp().getRequest<RequestWithPrincipal>().principal;
  if (!principal) throw new DomainException(ErrorCode.Unauthenticated, 'Sign in to continue');
  return principal;
});

/** The principal when the caller sent a valid token, else null (public routes that show more to members). */
export const OptionalPrincipal = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Principal | null =>
    context.switchToHttp().getRequest<RequestWithPrincipal>().principal ?? null,
);
