import { HttpErrorResponse, HttpHeaders } from '@angular/common/http';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { ErrorCode, ErrorResponse, SessionResponse, SignInResponse, SsoInfo } from '@kengash/contracts';
import { AuthService } from '@kengash/web-identity-data-access';
import { of, Subject } from 'rxjs';
import { provideTestTranslations, useTestLocale } from '../testing/translate-testing';
import { SignInComponent } from './sign-in.component';

describe('SignInComponent', () => {
  let fixture: ComponentFixture<SignInComponent>;
  let sut: HTMLElement;
  let signIn$: Subject<SignInResponse>;
  let totp$: Subject<SessionResponse>;
  let navigate: jest.SpyInstance;

  const auth = {
    signIn: jest.fn(() => (signIn$ = new Subject<SignInResponse>())),
    completeTotp: jest.fn(() => (totp$ = new Subject<SessionResponse>())),
    ssoInfo: jest.fn(() => of<SsoInfo>({ enabled: false, displayName: null })),
  };
  const session = { status: 'signed_in', accessToken: 't', expiresIn: 900 } as SessionResponse;

  async function create(returnUrl?: string): Promise<void> {
    useTestLocale('en');
    fixture = TestBed.createComponent(SignInComponent);
    if (returnUrl) {
      fixture.componentRef.setInput('returnUrl', returnUrl);
    }
    fixture.detectChanges();
    await fixture.whenStable();
    sut = fixture.nativeElement as HTMLElement;
  }

  function type(testId: string, value: string): void {
    const input = sut.querySelector<HTMLInputElement>(`[data-testid=${testId}]`);
    if (!input) {
      throw new Error(`no input ${testId}`);
    }
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }

  async function click(testId: string): Promise<void> {
    sut.querySelector<HTMLButtonElement>(`[data-testid=${testId}]`)?.click();
    fixture.detectChanges();
    await fixture.whenStable();
  }

  async function signInWithPassword(): Promise<void> {
    type('email', 'psychologist@demo.kengash.example');
    type('password', 'kengash-demo-2024');
    await click('sign-in-submit');
  }

  const alertText = () => sut.querySelector('[data-testid=sign-in-error]')?.textContent?.replace(/\s+/g, ' ').trim();

  beforeEach(() => {
    jest.clearAllMocks();
    TestBed.configureTestingModule({
      imports: [SignInComponent],
      providers: [provideTestTranslations(), provideRouter([]), { provide: AuthService, useValue: auth }],
    });
    navigate = jest.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
  });

  it('has labelled e-mail and password fields, a show-password toggle and a reset link', async () => {
    await create();

    expect(sut.querySelector('input[type=email]')?.getAttribute('autocomplete')).toBe('username');
    const password = sut.querySelector<HTMLInputElement>('[data-testid=password]');
    expect(password?.type).toBe('password');
    expect(password?.getAttribute('autocomplete')).toBe('current-password');
    expect(sut.querySelector('label')?.textContent).toContain('E-mail');

    const toggle = sut.querySelector<HTMLButtonElement>('button[aria-label="Show password"]');
    toggle?.click();
    fixture.detectChanges();
    expect(password?.type).toBe('text');
    expect(toggle?.getAttribute('aria-label')).toBe('Hide password');
    expect(toggle?.getAttribute('aria-pressed')).toBe('true');

    expect(sut.querySelector('[data-testid=forgot-password]')?.getAttribute('href')).toBe('/reset-password');
    expect(sut.querySelector('[data-testid=sso-button]')).toBeNull();
  });

  it('does not call the API with empty fields, and says what is missing', async () => {
    await create();

    await click('sign-in-submit');

    expect(auth.signIn).not.toHaveBeenCalled();
    expect(sut.textContent).toContain('Please fill in this field.');
    expect(document.activeElement?.getAttribute('data-testid')).toBe('email');
  });

  it('signs in and goes to the return address', async () => {
    await create('/account');
    await signInWithPassword();

    expect(auth.signIn).toHaveBeenCalledWith({
      email: 'psychologist@demo.kengash.example',
      password: 'kengash-demo-2024',
    });
    signIn$.next(session);

    expect(navigate).toHaveBeenCalledWith('/account');
  });

  it('never follows a return address outside the app', async () => {
    await create('https://evil.example/');
    await signInWithPassword();
    signIn$.next(session);

    expect(navigate).toHaveBeenCalledWith('/');
  });

  it('asks for the 2FA code next, and sends it with the challenge', async () => {
    await create();
    await signInWithPassword();
    signIn$.next({ status: 'totp_required', challengeToken: 'challenge-1' });
    fixture.detectChanges();
    await fixture.whenStable();

    const code = sut.querySelector<HTMLInputElement>('[data-testid=totp-code]');
    expect(code?.getAttribute('autocomplete')).toBe('one-time-code');
    expect(code?.getAttribute('inputmode')).toBe('numeric');
    expect(document.activeElement).toBe(code);
    expect(navigate).not.toHaveBeenCalled();

    type('totp-code', '123456');
    await click('totp-submit');
    expect(auth.completeTotp).toHaveBeenCalledWith({ challengeToken: 'challenge-1', code: '123456' });
    totp$.next(session);

    expect(navigate).toHaveBeenCalledWith('/');
  });

  it('accepts a recovery code instead', async () => {
    await create();
    await signInWithPassword();
    signIn$.next({ status: 'totp_required', challengeToken: 'challenge-1' });
    fixture.detectChanges();

    await click('toggle-recovery');
    expect(sut.querySelector('[data-testid=totp-code]')).toBeNull();
    type('recovery-code', ' abcd-efgh ');
    await click('totp-submit');

    expect(auth.completeTotp).toHaveBeenCalledWith({ challengeToken: 'challenge-1', recoveryCode: 'abcd-efgh' });
  });

  it('announces a wrong password with the server message and stays signed out', async () => {
    const body: ErrorResponse = {
      statusCode: 401,
      code: ErrorCode.Unauthenticated,
      message: 'The e-mail address or password is not correct.',
      correlationId: 'c-9',
    };
    await create();
    await signInWithPassword();
    signIn$.error(new HttpErrorResponse({ status: 401, error: body }));
    fixture.detectChanges();

    expect(sut.querySelector('[data-testid=sign-in-error]')?.getAttribute('role')).toBe('alert');
    expect(alertText()).toContain('The e-mail address or password is not correct.');
    expect(navigate).not.toHaveBeenCalled();
    expect(sut.querySelector('[data-testid=totp-code]')).toBeNull();
  });

  it('says how long to wait when rate-limited', async () => {
    await create();
    await signInWithPassword();
    signIn$.error(
      new HttpErrorResponse({
        status: 429,
        headers: new HttpHeaders({ 'Retry-After': '42' }),
        error: { statusCode: 429, code: ErrorCode.RateLimited, message: 'Too many requests', correlationId: 'c' },
      }),
    );
    fixture.detectChanges();

    expect(alertText()).toContain('Too many attempts. Please try again in 42 seconds.');
  });

  it('offers single sign-on when the API has it', async () => {
    auth.ssoInfo.mockReturnValueOnce(of({ enabled: true, displayName: 'UN Identity' }));
    await create();

    const sso = sut.querySelector<HTMLAnchorElement>('[data-testid=sso-button]');
    expect(sso?.getAttribute('href')).toBe('/api/auth/sso/start');
    expect(sso?.textContent?.trim()).toBe('Sign in with UN Identity');
  });
});
