import { HttpErrorResponse, HttpInterceptorFn, HttpRequest } from '@angular/common/http';
import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { catchError, switchMap, throwError } from 'rxjs';
import { isTotpEnrolmentRequired } from './api-problem';
import { AUTH_API_ROOT, AuthService } from './auth.service';
import { TOTP_ENROLMENT_URL, TOTP_REQUIRED_QUERY } from './guards';

const API_PREFIX = '/api/';

function withToken<T>(request: HttpRequest<T>, token: string | null): HttpRequest<T> {
  return token ? request.clone({ setHeaders: { Authorization: `Bearer ${token}` } }) : request;
}

/**
 * For same-origin `/api/` calls: adds the Bearer access token; sends cookies to `/api/auth/*`
 * (the refresh cookie's path); on a 401 from any other API call, renews the token once (one
 * shared refresh for concurrent failures) and retries once; on the API's "enrol 2FA first" 403,
 * takes the user to the enrolment page.
 */
export const authInterceptor: HttpInterceptorFn = (request, next) => {
  if (!request.url.startsWith(API_PREFIX)) {
    return next(request);
  }
  const auth = inject(AuthService);
  const router = inject(Router, { optional: true });
  const authCall = request.url.startsWith(`${AUTH_API_ROOT}/`);
  const base = authCall ? request.clone({ withCredentials: true }) : request;
  const token = auth.accessToken();

  return next(withToken(base, token)).pipe(
    catchError((error: unknown) => {
      if (!(error instanceof HttpErrorResponse)) {
        return throwError(() => error);
      }
      if (error.status === 401 && !authCall && token !== null) {
        return auth
          .renewAccessToken(token)
          .pipe(switchMap((fresh) => (fresh ? next(withToken(base, fresh)) : throwError(() => error))));
      }
      if (isTotpEnrolmentRequired(error)) {
        auth.markTotpEnrolmentRequired();
        void router?.navigate([TOTP_ENROLMENT_URL], { queryParams: { [TOTP_REQUIRED_QUERY]: 'required' } });
      }
      return throwError(() => error);
    }),
  );
};
