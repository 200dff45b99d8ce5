import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { GlobalRole } from '@kengash/contracts';
import { AuthService } from './auth.service';
import { authGuard, roleGuard, safeReturnUrl, totpEnrolmentGuard } from './guards';
import { makeSession } from './testing/identity-fixtures';

@Component({ selector: 'kg-stub', template: 'stub' })
class StubComponent {}

describe('guards', () => {
  let backend: HttpTestingController;

  async function navigate(url: string, session: ReturnType<typeof makeSession> | null): Promise<string> {
    const ready = TestBed.inject(AuthService).whenReady();
    const refresh = backend.expectOne('/api/auth/refresh');
    if (session) {
      refresh.flush(session);
    } else {
      refresh.flush({}, { status: 401, statusText: 'Unauthorized' });
    }
    await ready;
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl(url).catch(() => undefined);
    return TestBed.inject(Router).url;
  }

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([
          {
            path: '',
            canActivateChild: [totpEnrolmentGuard],
            children: [
              { path: '', component: StubComponent },
              { path: 'sign-in', component: StubComponent },
              { path: 'account', canActivate: [authGuard], component: StubComponent },
              { path: 'admin/users', canActivate: [roleGuard(GlobalRole.Admin)], component: StubComponent },
            ],
          },
        ]),
      ],
    });
    backend = TestBed.inject(HttpTestingController);
  });

  it('sends a signed-out visitor to sign in, keeping where they were going', async () => {
    expect(await navigate('/account', null)).toBe('/sign-in?returnUrl=%2Faccount');
  });

  it('lets a signed-in user in', async () => {
    expect(await navigate('/account', makeSession())).toBe('/account');
  });

  it('keeps other roles out of admin pages', async () => {
    expect(await navigate('/admin/users', makeSession())).toBe('/');
  });

  it('lets an admin with 2FA into admin pages', async () => {
    const admin = makeSession('t', { globalRole: GlobalRole.Admin, totpEnabled: true });
    expect(await navigate('/admin/users', admin)).toBe('/admin/users');
  });

  it('sends an admin without 2FA to enrolment from anywhere but the open pages', async () => {
    const admin = makeSession('t', { globalRole: GlobalRole.Admin, totpEnrolmentRequired: true });
    expect(await navigate('/admin/users', admin)).toBe('/account?twoFactor=required');
  });

  it('only follows return addresses inside the app', () => {
    expect(safeReturnUrl('/account?x=1')).toBe('/account?x=1');
    expect(safeReturnUrl('//evil.example')).toBe('/');
    expect(safeReturnUrl('https://evil.example')).toBe('/');
    expect(safeReturnUrl('/\\evil.example')).toBe('/');
    expect(safeReturnUrl(null)).toBe('/');
  });
});
