import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Title } from '@angular/platform-browser';
import { provideRouter, Router, TitleStrategy, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { provideTranslateService, TranslateService } from '@ngx-translate/core';
import { of } from 'rxjs';
import { CouncilApiService } from '@kengash/web-council-data-access';
import { AuthService } from '@kengash/web-identity-data-access';
import { readTranslations } from '../testing/translations';
import { appRoutes } from './app.routes';
import { TranslatedTitleStrategy } from './i18n/translated-title.strategy';

describe('app routes', () => {
  let harness: RouterTestingHarness;
  let translate: TranslateService;
  let backend: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter(appRoutes, withComponentInputBinding()),
        provideTranslateService({ fallbackLang: 'en' }),
        { provide: TitleStrategy, useExisting: TranslatedTitleStrategy },
        { provide: CouncilApiService, useValue: { listGroups: () => of(), getCouncil: () => of() } },
      ],
    });
    translate = TestBed.inject(TranslateService);
    translate.setTranslation('en', readTranslations('en'));
    translate.setTranslation('ru', readTranslations('ru'));
    translate.use('en');
    backend = TestBed.inject(HttpTestingController);
    // Nobody is signed in: the session restore at start finds no cookie.
    const ready = TestBed.inject(AuthService).whenReady();
    backend.expectOne('/api/auth/refresh').flush(null, { status: 401, statusText: 'Unauthorized' });
    await ready;
    harness = await RouterTestingHarness.create();
  });

  afterEach(() => backend.verify());

  const heading = () => harness.routeNativeElement?.querySelector('h1')?.textContent?.trim();
  const title = () => TestBed.inject(Title).getTitle();

  it('opens the council home at / with a translated title', async () => {
    await harness.navigateByUrl('/');

    expect(heading()).toBe('Regional Expert Council');
    expect(title()).toBe('Council · Kengash');
  });

  it('/network explains the network to a visitor and offers the application form', async () => {
    await harness.navigateByUrl('/network');

    expect(heading()).toBe('Network');
    expect(title()).toBe('Network · Kengash');
    expect(harness.routeNativeElement?.querySelector('[data-testid=network-apply-link]')?.getAttribute('href')).toBe(
      '/network/apply',
    );
    expect(harness.routeNativeElement?.querySelector('[data-testid=privacy-notice]')).not.toBeNull();
  });

  it('opens the application form at /network/apply without an account (it asks for a form token first)', async () => {
    await harness.navigateByUrl('/network/apply');
    backend.expectOne('/api/network/application-form');

    expect(heading()).toBe('Apply to the network');
    expect(title()).toBe('Apply to the network · Kengash');
  });

  it('opens the status page at /network/status without an account', async () => {
    await harness.navigateByUrl('/network/status?token=abc');
    const status = backend.expectOne((r) => r.url === '/api/network/applications/status');
    expect(status.request.params.get('token')).toBe('abc');
    status.flush({ status: 'endorsed', submittedAt: '2026-11-01T10:00:00Z', updatedAt: '2026-11-02T10:00:00Z' });
    await harness.fixture.whenStable();
    harness.detectChanges();

    expect(heading()).toBe('Your application');
    expect(harness.routeNativeElement?.querySelector('[data-testid=application-status]')?.textContent?.trim()).toBe(
      'Endorsed by the focal point',
    );
  });

  const emptyLibrary = {
    total: 0,
    page: 1,
    pageSize: 20,
    hits: [],
    facets: { country: {}, theme: {}, targetGroup: {}, language: {}, evidence: {} },
  };

  it('opens the best-practice library at /practices without an account, searching in the UI language', async () => {
    await harness.navigateByUrl('/practices?q=reintegration&country=KZ');
    const search = backend.expectOne((r) => r.url === '/api/practices');
    expect(search.request.params.get('q')).toBe('reintegration');
    expect(search.request.params.get('country')).toBe('KZ');
    expect(search.request.headers.get('Accept-Language')).toBe('en');
    search.flush(emptyLibrary);
    await harness.fixture.whenStable();
    harness.detectChanges();

    expect(heading()).toBe('Best practices');
    expect(title()).toBe('Best practices · Kengash');
    expect(harness.routeNativeElement?.textContent).toContain('No entry matches.');
  });

  it('opens an entry at /practices/:id without an account (here: one the visitor may not read)', async () => {
    await harness.navigateByUrl('/practices/p1');
    backend
      .expectOne('/api/practices/p1')
      .flush(
        { statusCode: 404, code: 'NOT_FOUND', message: 'This entry was not found' },
        { status: 404, statusText: 'Not Found' },
      );
    await harness.fixture.whenStable();
    harness.detectChanges();

    expect(TestBed.inject(Router).url).toBe('/practices/p1');
    expect(heading()).toBe('Entry not available');
    expect(harness.routeNativeElement?.textContent).toContain('sign in to read them');
  });

  it('opens the sign-in form at /sign-in', async () => {
    await harness.navigateByUrl('/sign-in');
    backend.expectOne('/api/auth/sso').flush({ enabled: false, displayName: null });

    expect(heading()).toBe('Sign in');
    expect(title()).toBe('Sign in · Kengash');
    expect(harness.routeNativeElement?.querySelector('input[type=email]')).not.toBeNull();
  });

  it.each([
    ['/reset-password', 'Reset your password'],
    ['/verify-email', 'Confirm your e-mail address'],
  ])('opens %s without an account', async (url, name) => {
    await harness.navigateByUrl(url);

    expect(heading()).toBe(name);
  });

  it.each([
    '/account',
    '/admin/users',
    '/admin/audit',
    '/dashboard',
    '/council/settings',
    '/sessions',
    '/sessions/new',
    '/live',
    '/sessions/s1/live',
    '/sessions/s1/minutes',
    '/minutes',
    '/minutes/actions',
    '/minutes/board',
    '/minutes/board?overdue=true',
    '/minutes/m1',
    '/minutes/m1?version=1',
    '/practices/review',
    '/practices/new',
    '/practices/p1/edit',
    '/network/queue',
    '/network/applications/a1',
    '/network/profile',
    '/network/directory',
    '/network/announcements',
    '/network/statistics',
  ])('sends a signed-out visitor from %s to sign in', async (url) => {
    await harness.navigateByUrl(url);
    backend.expectOne('/api/auth/sso').flush({ enabled: false, displayName: null });

    expect(TestBed.inject(Router).url).toBe(`/sign-in?returnUrl=${encodeURIComponent(url)}`);
    expect(heading()).toBe('Sign in');
  });

  it('opens the public RSVP page at /rsvp without an account', async () => {
    await harness.navigateByUrl('/rsvp?token=abc');

    expect(heading()).toBe('Your answer to the invitation');
    expect(title()).toBe('Your answer to the invitation · Kengash');
    expect(harness.routeNativeElement?.querySelectorAll('[data-testid^=rsvp-]').length).toBeGreaterThanOrEqual(3);
  });

  it('opens published minutes at /public/minutes/:id without an account', async () => {
    await harness.navigateByUrl('/public/minutes/m1');
    backend
      .expectOne('/api/public/minutes/m1')
      .flush(
        { statusCode: 404, code: 'NOT_FOUND', message: 'These minutes were not found' },
        { status: 404, statusText: 'Not Found' },
      );
    await harness.fixture.whenStable();
    harness.detectChanges();

    expect(TestBed.inject(Router).url).toBe('/public/minutes/m1');
    expect(heading()).toBe('Public minutes');
    expect(title()).toBe('Public minutes · Kengash');
    expect(harness.routeNativeElement?.textContent).toContain('There are no public minutes at this address.');
  });

  it('shows a not-found page for unknown addresses', async () => {
    await harness.navigateByUrl('/no/such/page');

    expect(heading()).toBe('Page not found');
    expect(title()).toBe('Page not found · Kengash');
  });

  it('translates the page title when the language changes (the library searches again in that language)', async () => {
    await harness.navigateByUrl('/practices');
    backend.expectOne((r) => r.url === '/api/practices').flush(emptyLibrary);

    translate.use('ru');
    harness.detectChanges();
    await harness.fixture.whenStable();

    expect(title()).toBe('Лучшие практики · Kengash');
    expect(heading()).toBe('Лучшие практики');
    const again = backend.expectOne((r) => r.url === '/api/practices');
    expect(again.request.headers.get('Accept-Language')).toBe('ru');
    again.flush(emptyLibrary);
  });
});
