import { HttpClient, HttpErrorResponse, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { ErrorCode, ErrorResponse } from '@kengash/contracts';
import { authInterceptor } from './auth.interceptor';
import { AuthService } from './auth.service';
import { makeSession } from './testing/identity-fixtures';

describe('authInterceptor', () => {
  let http: HttpClient;
  let backend: HttpTestingController;
  let auth: AuthService;

  const unauthenticated: ErrorResponse = {
    statusCode: 401,
    code: ErrorCode.Unauthenticated,
    message: 'Sign in to continue.',
    correlationId: 'c-401',
  };

  function signIn(token = 'token-1'): void {
    auth.signIn({ email: 'a@b.example', password: 'correct horse battery' }).subscribe();
    backend.expectOne('/api/auth/sign-in').flush(makeSession(token));
  }

  beforeEach(() => {
    jest.useFakeTimers();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([authInterceptor])),
        provideHttpClientTesting(),
        provideRouter([]),
      ],
    });
    http = TestBed.inject(HttpClient);
    backend = TestBed.inject(HttpTestingController);
    auth = TestBed.inject(AuthService);
  });

  afterEach(() => {
    backend.verify();
    jest.useRealTimers();
  });

  it('adds the Bearer token to /api/ calls, and nothing to other addresses', () => {
    signIn();

    http.get('/api/council/groups').subscribe();
    http.get('/i18n/en.json').subscribe();

    const api = backend.expectOne('/api/council/groups');
    const asset = backend.expectOne('/i18n/en.json');
    expect(api.request.headers.get('Authorization')).toBe('Bearer token-1');
    expect(api.request.withCredentials).toBe(false);
    expect(asset.request.headers.has('Authorization')).toBe(false);
    api.flush({});
    asset.flush({});
  });

  it('sends cookies to /api/auth/* only', () => {
    auth.refresh().subscribe();

    const refresh = backend.expectOne('/api/auth/refresh');
    expect(refresh.request.withCredentials).toBe(true);
    expect(refresh.request.headers.has('Authorization')).toBe(false);
    refresh.flush(unauthenticated, { status: 401, statusText: 'Unauthorized' });
  });

  it('refreshes once on a 401 and retries the call with the new token', () => {
    signIn('old');
    let body: unknown;
    http.get('/api/me').subscribe((value) => (body = value));

    backend.expectOne('/api/me').flush(unauthenticated, { status: 401, statusText: 'Unauthorized' });
    backend.expectOne('/api/auth/refresh').flush(makeSession('new'));
    const retry = backend.expectOne('/api/me');

    expect(retry.request.headers.get('Authorization')).toBe('Bearer new');
    retry.flush({ ok: true });
    expect(body).toEqual({ ok: true });
    expect(auth.accessToken()).toBe('new');
  });

  it('shares one refresh between concurrent 401s', () => {
    signIn('old');
    const results: unknown[] = [];
    http.get('/api/a').subscribe((value) => results.push(value));
    http.get('/api/b').subscribe((value) => results.push(value));
    http.get('/api/c').subscribe((value) => results.push(value));

    for (const url of ['/api/a', '/api/b', '/api/c']) {
      backend.expectOne(url).flush(unauthenticated, { status: 401, statusText: 'Unauthorized' });
    }
    const refreshes = backend.match('/api/auth/refresh');
    expect(refreshes).toHaveLength(1);
    refreshes[0].flush(makeSession('new'));

    for (const url of ['/api/a', '/api/b', '/api/c']) {
      const retry = backend.expectOne(url);
      expect(retry.request.headers.get('Authorization')).toBe('Bearer new');
      retry.flush(url);
    }
    expect(results).toEqual(['/api/a', '/api/b', '/api/c']);
  });

  it('retries with the already renewed token when a 401 arrives after the refresh', () => {
    signIn('old');
    http.get('/api/a').subscribe();
    http.get('/api/b').subscribe();

    backend.expectOne('/api/a').flush(unauthenticated, { status: 401, statusText: 'Unauthorized' });
    backend.expectOne('/api/auth/refresh').flush(makeSession('new'));
    backend.expectOne('/api/a').flush('a');
    backend.expectOne('/api/b').flush(unauthenticated, { status: 401, statusText: 'Unauthorized' });

    backend.expectNone('/api/auth/refresh');
    const retry = backend.expectOne('/api/b');
    expect(retry.request.headers.get('Authorization')).toBe('Bearer new');
    retry.flush('b');
  });

  it('retries only once: a second 401 reaches the caller', () => {
    signIn('old');
    let failure: HttpErrorResponse | undefined;
    http.get('/api/me').subscribe({ error: (error: HttpErrorResponse) => (failure = error) });

    backend.expectOne('/api/me').flush(unauthenticated, { status: 401, statusText: 'Unauthorized' });
    backend.expectOne('/api/auth/refresh').flush(makeSession('new'));
    backend.expectOne('/api/me').flush(unauthenticated, { status: 401, statusText: 'Unauthorized' });

    expect(failure?.status).toBe(401);
    backend.expectNone('/api/auth/refresh');
  });

  it('ends the session and passes the 401 on when the refresh is refused', () => {
    signIn('old');
    let failure: HttpErrorResponse | undefined;
    http.get('/api/me').subscribe({ error: (error: HttpErrorResponse) => (failure = error) });

    backend.expectOne('/api/me').flush(unauthenticated, { status: 401, statusText: 'Unauthorized' });
    backend.expectOne('/api/auth/refresh').flush(unauthenticated, { status: 401, statusText: 'Unauthorized' });

    expect(failure?.status).toBe(401);
    expect(failure?.error).toEqual(unauthenticated);
    expect(auth.isSignedIn()).toBe(false);
    backend.expectNone('/api/me');
  });

  it('does not refresh for a 401 from /api/auth/* (a wrong password stays a wrong password)', () => {
    signIn('old');
    let failure: HttpErrorResponse | undefined;
    http.post('/api/auth/sign-in/totp', {}).subscribe({ error: (error: HttpErrorResponse) => (failure = error) });

    backend.expectOne('/api/auth/sign-in/totp').flush(unauthenticated, { status: 401, statusText: 'Unauthorized' });

    expect(failure?.status).toBe(401);
    backend.expectNone('/api/auth/refresh');
  });

  it('does not refresh for anonymous calls', () => {
    let failure: HttpErrorResponse | undefined;
    http.get('/api/me').subscribe({ error: (error: HttpErrorResponse) => (failure = error) });

    backend.expectOne('/api/me').flush(unauthenticated, { status: 401, statusText: 'Unauthorized' });

    expect(failure?.status).toBe(401);
    backend.expectNone('/api/auth/refresh');
  });

  it('sends the user to 2FA enrolment on the API 403 totp_enrolment_required', () => {
    signIn('old');
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    const forbidden: ErrorResponse = {
      statusCode: 403,
      code: ErrorCode.Forbidden,
      message: 'Set up two-factor sign-in first.',
      details: { reason: 'totp_enrolment_required' },
      correlationId: 'c-403',
    };
    http.get('/api/admin/users').subscribe({ error: () => undefined });

    backend.expectOne('/api/admin/users').flush(forbidden, { status: 403, statusText: 'Forbidden' });

    expect(navigate).toHaveBeenCalledWith(['/account'], { queryParams: { twoFactor: 'required' } });
    expect(auth.totpEnrolmentRequired()).toBe(true);
  });
});
