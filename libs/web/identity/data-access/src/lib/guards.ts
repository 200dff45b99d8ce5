import { inject } from '@angular/core';
import { CanActivateChildFn, CanActivateFn, Router, RouterStateSnapshot, UrlTree } from '@angular/router';
import { GlobalRole } from '@kengash/contracts';
import { AuthService } from './auth.service';

export const SIGN_IN_URL = '/sign-in';

/** The account page holds the 2FA enrolment section. */
export const TOTP_ENROLMENT_URL = '/account';
/** `?twoFactor=required` makes the account page explain why the user was sent there. */
export const TOTP_REQUIRED_QUERY = 'twoFactor';

/** Pages a user who must enrol 2FA may still open. */
const OPEN_DURING_ENROLMENT = ['/account', '/sign-in', '/reset-password', '/invitation', '/verify-email'];

function pathOf(url: string): string {
  return url.split(/[?#]/)[0];
}

function signInRedirect(router: Router, state: RouterStateSnapshot): UrlTree {
  return router.createUrlTree([SIGN_IN_URL], { queryParams: { returnUrl: state.url } });
}

/** Signed-in users only; others go to `/sign-in?returnUrl=<where they were going>`. */
export const authGuard: CanActivateFn = async (_route, state) => {
  const auth = inject(AuthService);
  const router = inject(Router);
  await auth.whenReady();
  return auth.isSignedIn() || signInRedirect(router, state);
};

/** Signed-in users holding one of `roles`; others signed in get the home page. */
export function roleGuard(...roles: GlobalRole[]): CanActivateFn {
  return async (_route, state) => {
    const auth = inject(AuthService);
    const router = inject(Router);
    await auth.whenReady();
    if (!auth.isSignedIn()) {
      return signInRedirect(router, state);
    }
    return auth.hasRole(...roles) || router.createUrlTree(['/']);
  };
}

/**
 * Waits for the session to be restored, then sends a user whose role needs 2FA and who has not
 * enrolled yet to the enrolment page, whatever they tried to open.
 */
export const totpEnrolmentGuard: CanActivateFn & CanActivateChildFn = async (_route, state) => {
  const auth = inject(AuthService);
  const router = inject(Router);
  await auth.whenReady();
  const path = pathOf(state.url);
  const open = OPEN_DURING_ENROLMENT.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
  if (!auth.totpEnrolmentRequired() || open) {
    return true;
  }
  return router.createUrlTree([TOTP_ENROLMENT_URL], { queryParams: { [TOTP_REQUIRED_QUERY]: 'required' } });
};

/** A `returnUrl` is followed only when it is a path inside this app (no open redirect). */
export function safeReturnUrl(value: string | null | undefined): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) {
    return '/';
  }
  return value;
}
