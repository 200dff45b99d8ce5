import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { ApplicationFormResponse, NetworkApplicationRequest } from '@kengash/contracts';
import { provideTestTranslations, useTestLocale } from '../testing/translate-testing';
import { ApplyComponent } from './apply.component';

const FORM: ApplicationFormResponse = {
  formToken: 'signed-token',
  issuedAt: '2026-11-30T10:00:00.000Z',
  honeypotField: 'website',
  minSeconds: 3,
  privacyNoticeVersion: '2024-11',
};

describe('ApplyComponent', () => {
  let fixture: ComponentFixture<ApplyComponent>;
  let http: HttpTestingController;
  let sut: HTMLElement;

  const input = (testId: string) => sut.querySelector<HTMLInputElement>(`[data-testid=${testId}]`) as HTMLInputElement;
  const type = (testId: string, value: string) => {
    const element = input(testId);
    element.value = value;
    element.dispatchEvent(new Event('input'));
    element.dispatchEvent(new Event('change'));
  };
  const check = (selector: string) => {
    sut.querySelector<HTMLInputElement>(`${selector} input`)?.click();
  };

  function open(locale: 'en' | 'ru') {
    useTestLocale(locale);
    fixture = TestBed.createComponent(ApplyComponent);
    sut = fixture.nativeElement as HTMLElement;
    fixture.detectChanges();
    http.expectOne('/api/network/application-form').flush(FORM);
    fixture.detectChanges();
  }

  function fill() {
    type('apply-name', 'Дилноза Каримова');
    type('apply-email', 'dilnoza@example.org');
    type('apply-role', 'Психолог');
    type('apply-organisation-type', 'ngo');
    type('apply-organisation-name', 'Оила маркази');
    type('apply-country', 'UZ');
    type('apply-region', 'Фергана');
    check('[data-testid=apply-languages] [data-value=ru]');
    check('[data-testid=apply-expertise] [data-value=psychosocial_support]');
    type('apply-motivation', 'Работаю с вернувшимися семьями пять лет.');
    check('[data-testid=apply-consent]');
    fixture.detectChanges();
  }

  const submit = () => {
    sut.querySelector<HTMLFormElement>('form')?.dispatchEvent(new Event('submit'));
    fixture.detectChanges();
  };

  beforeEach(() => {
    jest.useFakeTimers({ doNotFake: ['queueMicrotask', 'nextTick'] });
    jest.setSystemTime(new Date('2026-11-30T10:00:00.000Z'));
    TestBed.configureTestingModule({
      imports: [ApplyComponent],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([]), provideTestTranslations()],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    http.verify();
    jest.useRealTimers();
  });

  it('keeps the honeypot out of sight, out of the tab order and away from assistive technology', () => {
    open('en');
    const honeypot = input('apply-website');

    expect(honeypot.getAttribute('tabindex')).toBe('-1');
    expect(honeypot.getAttribute('autocomplete')).toBe('off');
    expect(honeypot.closest('[aria-hidden=true]')?.classList).toContain('honeypot');
  });

  it('names the privacy notice version at the consent box', () => {
    open('en');
    expect(sut.querySelector('[data-testid=privacy-notice] h2')?.textContent?.trim()).toBe(
      'Privacy notice (version 2024-11)',
    );
    expect(sut.querySelector('[data-testid=apply-consent]')?.textContent).toContain('(version 2024-11)');
  });

  it('says what is missing instead of sending an incomplete form', () => {
    open('en');
    submit();

    expect(sut.querySelector('[data-testid=languages-error]')?.textContent?.trim()).toBe(
      'Choose at least one language.',
    );
    expect(sut.querySelector('[data-testid=consent-error]')?.textContent?.trim()).toBe(
      'Your consent to the privacy notice is needed to apply.',
    );
    expect(sut.querySelectorAll('mat-error').length).toBeGreaterThan(3);
    http.expectNone('/api/network/applications');
  });

  it('waits until the form is old enough, then sends it in the UI language and says to check the e-mail', () => {
    open('ru');
    fill();
    submit();

    // Sent too early the API would take it for a bot: nothing goes out before minSeconds.
    http.expectNone('/api/network/applications');
    expect(sut.querySelector('[data-testid=apply-sending]')?.textContent?.trim()).toBe('Отправляем…');
    jest.advanceTimersByTime(FORM.minSeconds * 1000 + 300);
    const post = http.expectOne('/api/network/applications');
    const body = post.request.body as NetworkApplicationRequest;
    expect(body.formToken).toBe('signed-token');
    expect(body.locale).toBe('ru');
    expect(body.consentVersion).toBe('2024-11');
    expect(body.languages).toEqual(['ru']);
    expect(body.website).toBe('');
    post.flush({ status: 'submitted' }, { status: 201, statusText: 'Created' });
    fixture.detectChanges();

    expect(sut.querySelector('h1')?.textContent?.trim()).toBe('Проверьте почту');
    expect(sut.textContent).toContain('dilnoza@example.org');
  });

  it('shows the API field errors at their fields, and a refused form fetches a fresh token', () => {
    open('en');
    fill();
    type('apply-referee', 'friend@example.org');
    fixture.detectChanges();
    jest.advanceTimersByTime(5000);
    submit();
    jest.advanceTimersByTime(500);
    http.expectOne('/api/network/applications').flush(
      {
        statusCode: 400,
        code: 'VALIDATION_FAILED',
        message: 'Some fields are not valid',
        details: [{ field: 'refereeEmail', messages: ['is not an active member of the council or the network'] }],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    fixture.detectChanges();

    const referee = input('apply-referee').closest('mat-form-field');
    // Known API messages are said in the UI language.
    expect(referee?.querySelector('mat-error')?.textContent?.trim()).toBe(
      "This address is not an active member of the council or the network. Leave it empty or give a member's e-mail.",
    );
    expect(sut.querySelector('[data-testid=apply-error]')).toBeNull();

    // The form itself refused (no field named): said in the alert, and a new token is fetched.
    type('apply-referee', '');
    fixture.detectChanges();
    submit();
    jest.advanceTimersByTime(500);
    http.expectOne('/api/network/applications').flush(
      {
        statusCode: 400,
        code: 'MALFORMED_REQUEST',
        message: 'The form could not be accepted. Please reload the page, fill it in again and send it.',
      },
      { status: 400, statusText: 'Bad Request' },
    );
    fixture.detectChanges();
    expect(sut.querySelector('[data-testid=apply-error]')?.textContent).toContain('The form could not be accepted');
    http.expectOne('/api/network/application-form').flush({ ...FORM, formToken: 'fresh' });
  });
});
