import { HttpErrorResponse, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { ErrorCode, ErrorResponse, SignInResponse } from '@kengash/contracts';
import { authInterceptor } from './auth.interceptor';
import { AuthService } from './auth.service';
import { makeSession } from './testing/identity-fixtures';

describe('AuthService', () => {
  let sut: AuthService;
  let backend: HttpTestingController;

  const unauthenticated: ErrorResponse = {
    statusCode: 401,
    code: ErrorCode.Unauthenticated,
    message: 'Wrong e-mail or password.',
    correlationId: 'c-1',
  };

  beforeEach(() => {
    jest.useFakeTimers();
    localStorage.clear();
    sessionStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([authInterceptor])),
        provideHttpClientTesting(),
        provideRouter([]),
      ],
    });
    sut = TestBed.inject(AuthService);
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    backend.verify();
    jest.useRealTimers();
  });

  it('signs in and keeps the token in memory only', () => {
    let response: SignInResponse | undefined;
    sut.signIn({ email: 'psy@example.org', password: 'long enough password' }).subscribe((r) => (response = r));

    const request = backend.expectOne('/api/auth/sign-in');
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({ email: 'psy@example.org', password: 'long enough password' });
    request.flush(makeSession('secret-token'));

    expect(response?.status).toBe('signed_in');
    expect(sut.isSignedIn()).toBe(true);
    expect(sut.accessToken()).toBe('secret-token');
    expect(sut.user()?.displayName).toBe('Dilnoza Karimova');
    expect(localStorage.length).toBe(0);
    expect(sessionStorage.length).toBe(0);
    expect(document.cookie).not.toContain('secret-token');
  });

  it('stays signed out while a 2FA code is needed, then completes with the challenge', () => {
    sut.signIn({ email: 'psy@example.org', password: 'long enough password' }).subscribe();
    backend.expectOne('/api/auth/sign-in').flush({ status: 'totp_required', challengeToken: 'ch-1' });

    expect(sut.isSignedIn()).toBe(false);

    sut.completeTotp({ challengeToken: 'ch-1', code: '123456' }).subscribe();
    const totp = backend.expectOne('/api/auth/sign-in/totp');
    expect(totp.request.body).toEqual({ challengeToken: 'ch-1', code: '123456' });
    totp.flush(makeSession('t2'));

    expect(sut.accessToken()).toBe('t2');
  });

  it('passes a wrong password through as the API error, without a session', () => {
    let failure: HttpErrorResponse | undefined;
    sut.signIn({ email: 'psy@example.org', password: 'wrong password!' }).subscribe({
      error: (error: HttpErrorResponse) => (failure = error),
    });

    backend.expectOne('/api/auth/sign-in').flush(unauthenticated, { status: 401, statusText: 'Unauthorized' });

    expect(failure?.error).toEqual(unauthenticated);
    expect(sut.isSignedIn()).toBe(false);
    backend.expectNone('/api/auth/refresh');
  });

  it('restores the session from the cookie once, however often it is asked', async () => {
    const first = sut.whenReady();
    const second = sut.whenReady();

    const refresh = backend.expectOne('/api/auth/refresh');
    expect(refresh.request.withCredentials).toBe(true);
    expect(refresh.request.body).toBeNull();
    refresh.flush(makeSession('restored'));
    await Promise.all([first, second]);

    expect(sut.accessToken()).toBe('restored');
    await sut.whenReady();
    backend.expectNone('/api/auth/refresh');
  });

  it('is ready and signed out when there is no session cookie', async () => {
    const ready = sut.whenReady();
    backend.expectOne('/api/auth/refresh').flush(unauthenticated, { status: 401, statusText: 'Unauthorized' });
    await ready;

    expect(sut.isSignedIn()).toBe(false);
  });

  it('is ready, signed out, when the server cannot be reached', async () => {
    const ready = sut.whenReady();
    backend.expectOne('/api/auth/refresh').error(new ProgressEvent('error'));
    await ready;

    expect(sut.isSignedIn()).toBe(false);
  });

  it('renews the access token 60 s before it expires', () => {
    sut.signIn({ email: 'psy@example.org', password: 'long enough password' }).subscribe();
    backend.expectOne('/api/auth/sign-in').flush({ ...makeSession('t1'), expiresIn: 300 });

    jest.advanceTimersByTime(239_000);
    backend.expectNone('/api/auth/refresh');
    jest.advanceTimersByTime(1_000);
    backend.expectOne('/api/auth/refresh').flush({ ...makeSession('t2'), expiresIn: 300 });

    expect(sut.accessToken()).toBe('t2');
    jest.advanceTimersByTime(240_000);
    backend.expectOne('/api/auth/refresh').flush(unauthenticated, { status: 401, statusText: 'Unauthorized' });
    expect(sut.isSignedIn()).toBe(false);
  });

  it('signs out locally even when the server call fails, and stops renewing', () => {
    sut.signIn({ email: 'psy@example.org', password: 'long enough password' }).subscribe();
    backend.expectOne('/api/auth/sign-in').flush(makeSession('t1'));

    let done = false;
    sut.signOut().subscribe({ complete: () => (done = true) });
    const signOut = backend.expectOne('/api/auth/sign-out');
    expect(signOut.request.withCredentials).toBe(true);
    expect(signOut.request.headers.get('Authorization')).toBe('Bearer t1');
    signOut.flush(null, { status: 500, statusText: 'Server Error' });

    expect(done).toBe(true);
    expect(sut.isSignedIn()).toBe(false);
    jest.advanceTimersByTime(3_600_000);
    backend.expectNone('/api/auth/refresh');
  });

  it('accepts an invitation and is signed in', () => {
    sut.previewInvitation('a/b').subscribe();
    backend.expectOne('/api/auth/invitations/a%2Fb').flush({ email: 'x@y.z', displayName: 'X', expiresAt: '' });

    sut.acceptInvitation({ token: 'tok', password: 'long enough password' }).subscribe();
    backend.expectOne('/api/auth/invitations/accept').flush(makeSession('inv'));

    expect(sut.accessToken()).toBe('inv');
  });

  it('calls the password-reset and e-mail verification endpoints', () => {
    sut.requestPasswordReset({ email: 'x@y.z' }).subscribe();
    sut.confirmPasswordReset({ token: 't', password: 'long enough password' }).subscribe();
    sut.verifyEmail({ token: 'v' }).subscribe();

    expect(backend.expectOne('/api/auth/password-reset/request').request.body).toEqual({ email: 'x@y.z' });
    expect(backend.expectOne('/api/auth/password-reset/confirm').request.body).toEqual({
      token: 't',
      password: 'long enough password',
    });
    expect(backend.expectOne('/api/auth/email/verify').request.body).toEqual({ token: 'v' });
  });
});
