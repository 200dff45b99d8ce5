import { HttpErrorResponse } from '@angular/common/http';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { CurrentUser, ErrorCode, GlobalRole, RecoveryCodesResponse, TotpEnrolmentResponse } from '@kengash/contracts';
import { AuthService, MeApiService } from '@kengash/web-identity-data-access';
import { of, Subject } from 'rxjs';
import { provideTestTranslations, useTestLocale } from '../testing/translate-testing';
import { groupSecret, svgDataUrl, TwoFactorComponent } from './two-factor.component';

describe('TwoFactorComponent', () => {
  let fixture: ComponentFixture<TwoFactorComponent>;
  let sut: HTMLElement;
  let confirm$: Subject<RecoveryCodesResponse>;

  const svg = '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script><text>é</text></svg>';
  const enrolment: TotpEnrolmentResponse = {
    secret: 'JBSWY3DPEHPK3PXPJBSWY3DP',
    otpauthUrl: 'otpauth://totp/Kengash:psy?secret=JBSWY3DPEHPK3PXPJBSWY3DP',
    qrSvg: svg,
  };
  const me = {
    enrolTotp: jest.fn(() => of(enrolment)),
    confirmTotp: jest.fn(() => (confirm$ = new Subject<RecoveryCodesResponse>())),
    disableTotp: jest.fn(() => of(undefined)),
  };
  const auth = { refresh: jest.fn(() => of(null)), setUser: jest.fn() };
  const user = {
    id: 'u1',
    displayName: 'Admin',
    globalRole: GlobalRole.Admin,
    totpEnabled: false,
  } as CurrentUser;

  function create(overrides: Partial<CurrentUser> = {}): void {
    useTestLocale('en');
    fixture = TestBed.createComponent(TwoFactorComponent);
    fixture.componentRef.setInput('user', { ...user, ...overrides });
    fixture.detectChanges();
    sut = fixture.nativeElement as HTMLElement;
  }

  function click(testId: string): void {
    sut.querySelector<HTMLElement>(`[data-testid=${testId}]`)?.click();
    fixture.detectChanges();
  }

  function type(testId: string, value: string): void {
    const input = sut.querySelector<HTMLInputElement>(`[data-testid=${testId}]`);
    if (input) {
      input.value = value;
      input.dispatchEvent(new Event('input'));
    }
  }

  beforeEach(() => {
    jest.clearAllMocks();
    TestBed.configureTestingModule({
      imports: [TwoFactorComponent],
      providers: [
        provideTestTranslations(),
        { provide: MeApiService, useValue: me },
        { provide: AuthService, useValue: auth },
      ],
    });
  });

  it('encodes the QR code as a data: URL, never as markup in the page', () => {
    const url = svgDataUrl(svg);

    expect(url.startsWith('data:image/svg+xml;base64,')).toBe(true);
    expect(Buffer.from(url.split(',')[1], 'base64').toString('utf8')).toBe(svg);
    expect(groupSecret('JBSWY3DPEHPK3PXP')).toBe('JBSW Y3DP EHPK 3PXP');
  });

  it('enrols: QR image, manual key, code; then shows the recovery codes once', () => {
    create();
    expect(sut.textContent).toContain('Two-factor sign-in is off.');

    click('totp-enrol');

    const qr = sut.querySelector<HTMLImageElement>('[data-testid=totp-qr]');
    expect(qr?.getAttribute('src')).toBe(svgDataUrl(svg));
    expect(qr?.getAttribute('alt')).toBe('QR code to add Kengash to an authenticator app');
    expect(sut.querySelector('svg script')).toBeNull();
    expect(sut.querySelector('[data-testid=totp-secret]')?.textContent?.trim()).toBe('JBSW Y3DP EHPK 3PXP JBSW Y3DP');

    type('totp-confirm-code', '654321');
    click('totp-confirm');
    expect(me.confirmTotp).toHaveBeenCalledWith('654321');
    confirm$.next({ recoveryCodes: ['aaaa-1111', 'bbbb-2222'] });
    fixture.detectChanges();

    const codes = [...sut.querySelectorAll('[data-testid=recovery-codes] li')].map((li) => li.textContent?.trim());
    expect(codes).toEqual(['aaaa-1111', 'bbbb-2222']);
    expect(auth.refresh).toHaveBeenCalled();
    const done = sut.querySelector<HTMLButtonElement>('[data-testid=codes-done]');
    expect(done?.disabled).toBe(true);

    sut.querySelector<HTMLInputElement>('[data-testid=codes-saved] input')?.click();
    fixture.detectChanges();
    expect(done?.disabled).toBe(false);
    click('codes-done');

    expect(sut.querySelector('[data-testid=recovery-codes]')).toBeNull();
    expect(sut.textContent).not.toContain('aaaa-1111');
  });

  it('shows a refused code next to the field and lets the user try again', () => {
    create();
    click('totp-enrol');
    type('totp-confirm-code', '000000');
    click('totp-confirm');
    confirm$.error(
      new HttpErrorResponse({
        status: 400,
        error: {
          statusCode: 400,
          code: ErrorCode.ValidationFailed,
          message: 'The code is not valid.',
          details: [{ field: 'code', messages: ['The code is not valid or has expired.'] }],
          correlationId: 'c',
        },
      }),
    );
    fixture.detectChanges();

    expect(sut.querySelector('[data-testid=two-factor-error]')?.textContent).toContain('The code is not valid.');
    expect(sut.querySelector('mat-error')?.textContent).toContain('The code is not valid or has expired.');
    expect(sut.querySelector('[data-testid=totp-confirm-code]')).not.toBeNull();
  });

  it('turns 2FA off with a current code', () => {
    create({ totpEnabled: true });
    expect(sut.textContent).toContain('Two-factor sign-in is on.');

    type('totp-disable-code', '112233');
    click('totp-disable');

    expect(me.disableTotp).toHaveBeenCalledWith('112233');
    expect(auth.setUser).toHaveBeenCalledWith(expect.objectContaining({ totpEnabled: false }));
  });
});
