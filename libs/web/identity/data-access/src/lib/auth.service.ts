import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { computed, DestroyRef, inject, Injectable, signal } from '@angular/core';
import {
  AcceptInvitationRequest,
  CurrentUser,
  GlobalRole,
  InvitationPreview,
  PasswordResetConfirm,
  PasswordResetRequest,
  SessionResponse,
  SignInRequest,
  SignInResponse,
  SsoInfo,
  TotpSignInRequest,
  VerifyEmailRequest,
} from '@kengash/contracts';
import {
  catchError,
  defer,
  finalize,
  firstValueFrom,
  from,
  map,
  Observable,
  of,
  shareReplay,
  tap,
  throwError,
} from 'rxjs';

export const AUTH_API_ROOT = '/api/auth';

/** Where the browser goes for single sign-on (a full-page navigation, not an XHR). */
export const SSO_START_URL = `${AUTH_API_ROOT}/sso/start`;

/** The access token is renewed this long before it expires. */
export const REFRESH_MARGIN_SECONDS = 60;

/** Never renew more often than this, whatever `expiresIn` says. */
const MIN_REFRESH_DELAY_SECONDS = 5;

interface Session {
  accessToken: string;
  user: CurrentUser;
}

/**
 * The signed-in session. The access token lives in memory only (never in web storage); the
 * refresh token is the API's HttpOnly cookie, so a reload restores the session with one
 * `POST /api/auth/refresh`.
 */
@Injectable({ providedIn: 'root' })
export class AuthService {
  private readonly http = inject(HttpClient);
  private readonly session = signal<Session | null>(null);
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  private refreshInFlight: Observable<SessionResponse | null> | null = null;
  private restoring: Promise<void> | null = null;

  readonly user = computed(() => this.session()?.user ?? null);
  readonly accessToken = computed(() => this.session()?.accessToken ?? null);
  readonly isSignedIn = computed(() => this.session() !== null);
  /** Admin or secretariat without 2FA yet: only the enrolment screens are open. */
  readonly totpEnrolmentRequired = computed(() => this.user()?.totpEnrolmentRequired ?? false);

  constructor() {
    inject(DestroyRef).onDestroy(() => clearTimeout(this.refreshTimer));
  }

  /**
   * Restores the session from the refresh cookie, once per app start. Resolves when it is known
   * whether someone is signed in; never rejects.
   */
  whenReady(): Promise<void> {
    this.restoring ??= new Promise<void>((resolve) => {
      this.refresh().subscribe({ complete: resolve, error: () => resolve() });
    });
    return this.restoring;
  }

  hasRole(...roles: GlobalRole[]): boolean {
    const user = this.user();
    return user !== null && roles.includes(user.globalRole);
  }

  /** `POST /api/auth/sign-in`: a session, or a 2FA challenge to complete with `completeTotp`. */
  signIn(request: SignInRequest): Observable<SignInResponse> {
    return this.http.post<SignInResponse>(`${AUTH_API_ROOT}/sign-in`, request).pipe(
      tap((response) => {
        if (response.status === 'signed_in') {
          this.start(response);
        }
      }),
    );
  }

  /** `POST /api/auth/sign-in/totp` with a 6-digit code or a recovery code. */
  completeTotp(request: TotpSignInRequest): Observable<SessionResponse> {
    return this.http
      .post<SessionResponse>(`${AUTH_API_ROOT}/sign-in/totp`, request)
      .pipe(tap((response) => this.start(response)));
  }

  /** `POST /api/auth/sign-out`; the local session ends whether or not the server answers. */
  signOut(): Observable<void> {
    return this.http.post<void>(`${AUTH_API_ROOT}/sign-out`, null).pipe(
      catchError(() => of(undefined)),
      finalize(() => this.clear()),
      map(() => undefined),
    );
  }

  /**
   * `POST /api/auth/refresh` with the cookie. Emits the new session, or null when there is none
   * (401: the local session is cleared). Concurrent callers share one request.
   */
  refresh(): Observable<SessionResponse | null> {
    this.refreshInFlight ??= this.oneTabAtATime(this.http.post<SessionResponse>(`${AUTH_API_ROOT}/refresh`, null)).pipe(
      tap((response) => this.start(response)),
      catchError((error: unknown) => {
        if (error instanceof HttpErrorResponse && (error.status === 401 || error.status === 403)) {
          this.clear();
          return of(null);
        }
        return throwError(() => error);
      }),
      finalize(() => (this.refreshInFlight = null)),
      shareReplay({ bufferSize: 1, refCount: false }),
    );
    return this.refreshInFlight;
  }

  /**
   * The refresh cookie is shared by every tab and rotates on each use; the API treats a rotated token
   * presented again as theft. Tabs therefore refresh one at a time (Web Locks): the second tab's request
   * carries the cookie the first one just received.
   */
  private oneTabAtATime<T>(request: Observable<T>): Observable<T> {
    const locks = (globalThis.navigator as Navigator | undefined)?.locks;
    if (!locks) return request;
    return defer(() => from(locks.request('kengash-auth-refresh', () => firstValueFrom(request)) as Promise<T>));
  }

  /**
   * A token to retry with after `rejected` got a 401: the current one if another call already
   * renewed it, else the result of one shared refresh (null when the session is gone).
   */
  renewAccessToken(rejected: string | null): Observable<string | null> {
    const current = this.accessToken();
    if (current !== null && current !== rejected) {
      return of(current);
    }
    return this.refresh().pipe(
      map((session) => session?.accessToken ?? null),
      catchError(() => of(null)),
    );
  }

  /** Replaces the signed-in user (after a profile or 2FA change). */
  setUser(user: CurrentUser): void {
    this.session.update((session) => (session ? { ...session, user } : session));
  }

  /** The API said this user must enrol 2FA first (403 `totp_enrolment_required`). */
  markTotpEnrolmentRequired(): void {
    const user = this.user();
    if (user && !user.totpEnrolmentRequired) {
      this.setUser({ ...user, totpEnrolmentRequired: true });
    }
  }

  /** `GET /api/auth/invitations/:token`: who the invitation is for. */
  previewInvitation(token: string): Observable<InvitationPreview> {
    return this.http.get<InvitationPreview>(`${AUTH_API_ROOT}/invitations/${encodeURIComponent(token)}`);
  }

  /** `POST /api/auth/invitations/accept`: sets the password and signs in. */
  acceptInvitation(request: AcceptInvitationRequest): Observable<SessionResponse> {
    return this.http
      .post<SessionResponse>(`${AUTH_API_ROOT}/invitations/accept`, request)
      .pipe(tap((response) => this.start(response)));
  }

  /** `POST /api/auth/password-reset/request` (202 whether or not the account exists). */
  requestPasswordReset(request: PasswordResetRequest): Observable<void> {
    return this.http.post<void>(`${AUTH_API_ROOT}/password-reset/request`, request);
  }

  /** `POST /api/auth/password-reset/confirm`. */
  confirmPasswordReset(request: PasswordResetConfirm): Observable<void> {
    return this.http.post<void>(`${AUTH_API_ROOT}/password-reset/confirm`, request);
  }

  /** `POST /api/auth/email/verify`; updates the signed-in user when it is theirs. */
  verifyEmail(request: VerifyEmailRequest): Observable<void> {
    return this.http.post<void>(`${AUTH_API_ROOT}/email/verify`, request).pipe(
      tap(() => {
        const user = this.user();
        if (user && !user.emailVerified) {
          this.setUser({ ...user, emailVerified: true });
        }
      }),
    );
  }

  /** `GET /api/auth/sso`: whether single sign-on is offered, and its button label. */
  ssoInfo(): Observable<SsoInfo> {
    return this.http.get<SsoInfo>(`${AUTH_API_ROOT}/sso`);
  }

  private start(response: SessionResponse): void {
    this.session.set({ accessToken: response.accessToken, user: response.user });
    this.scheduleRefresh(response.expiresIn);
  }

  private clear(): void {
    clearTimeout(this.refreshTimer);
    this.refreshTimer = undefined;
    this.session.set(null);
  }

  private scheduleRefresh(expiresIn: number): void {
    clearTimeout(this.refreshTimer);
    const delay = Math.max(expiresIn - REFRESH_MARGIN_SECONDS, MIN_REFRESH_DELAY_SECONDS);
    this.refreshTimer = setTimeout(() => {
      this.refreshTimer = undefined;
      // A failure other than 401 (offline) keeps the session: the next API 401 retries the refresh.
      this.refresh().subscribe({ error: () => undefined });
    }, delay * 1000);
  }
}
