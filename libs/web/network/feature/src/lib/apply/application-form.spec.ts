import { CountryCode, PRIVACY_NOTICE_VERSION } from '@kengash/contracts';
import { ApiProblem } from '@kengash/web-identity-data-access';
import {
  applicationRequest,
  applyServerErrors,
  controlName,
  createApplicationForm,
  serverError,
} from './application-form';

const problem = (fields: Record<string, string[]>): ApiProblem => ({
  status: 400,
  code: null,
  message: 'Invalid input',
  fields,
  retryAfter: null,
  correlationId: null,
  reason: null,
});

function filled() {
  const form = createApplicationForm();
  form.setValue({
    name: '  Дилноза Каримова ',
    email: ' dilnoza@example.org ',
    role: 'Психолог',
    organisationType: 'ngo',
    organisationName: 'Оила маркази',
    country: CountryCode.Uzbekistan,
    region: 'Фергана',
    languages: ['ru', 'uz'],
    expertise: ['psychosocial_support'],
    motivation: ' Работаю с вернувшимися семьями пять лет. ',
    refereeEmail: '',
    consent: true,
    website: '',
  });
  return form;
}

describe('application form', () => {
  it('is invalid until the required fields, one language, one area and the consent are given', () => {
    const form = createApplicationForm();
    expect(form.valid).toBe(false);
    expect(filled().valid).toBe(true);
    const noConsent = filled();
    noConsent.controls.consent.setValue(false);
    expect(noConsent.valid).toBe(false);
    const noLanguage = filled();
    noLanguage.controls.languages.setValue([]);
    expect(noLanguage.controls.languages.errors).toEqual({ required: true });
  });

  it('sends trimmed texts, the consent as the notice version, the UI language, an empty honeypot and no empty referee', () => {
    const request = applicationRequest(filled(), 'token-1', 'ru');

    expect(request).toEqual({
      formToken: 'token-1',
      website: '',
      name: 'Дилноза Каримова',
      email: 'dilnoza@example.org',
      locale: 'ru',
      role: 'Психолог',
      organisationType: 'ngo',
      organisationName: 'Оила маркази',
      country: CountryCode.Uzbekistan,
      region: 'Фергана',
      languages: ['ru', 'uz'],
      expertise: ['psychosocial_support'],
      motivation: 'Работаю с вернувшимися семьями пять лет.',
      consentVersion: PRIVACY_NOTICE_VERSION,
    });
    expect('refereeEmail' in request).toBe(false);
  });

  it('passes a filled honeypot on (the API refuses it) and leaves out an unknown UI language', () => {
    const form = filled();
    form.controls.website.setValue('http://spam.example');
    const request = applicationRequest(form, 't', 'de');
    expect(request.website).toBe('http://spam.example');
    expect('locale' in request).toBe(false);
  });

  it('names the control of each API field', () => {
    expect(controlName('consentVersion')).toBe('consent');
    expect(controlName('languages.0')).toBe('languages');
    expect(controlName('refereeEmail')).toBe('refereeEmail');
    expect(controlName('formToken')).toBeNull();
    expect(controlName('body')).toBeNull();
    expect(controlName('somethingElse')).toBeNull();
  });

  it('puts the API messages on their fields until the value changes, and returns those naming no field', () => {
    const form = filled();
    form.controls.refereeEmail.setValue('friend@example.org');

    const others = applyServerErrors(
      form,
      problem({
        refereeEmail: ['is not an active member of the council or the network'],
        consentVersion: ['consent to the current privacy notice (version 2024-11) is required'],
        'expertise.1': ['must be one of …'],
        formToken: ['is stale'],
      }),
    );

    expect(others).toEqual([{ field: 'formToken', message: 'is stale' }]);
    expect(serverError(form.controls.refereeEmail)).toBe('is not an active member of the council or the network');
    expect(serverError(form.controls.consent)).toContain('privacy notice');
    expect(serverError(form.controls.expertise)).toBe('must be one of …');
    expect(form.controls.refereeEmail.touched).toBe(true);
    expect(form.valid).toBe(false);

    form.controls.refereeEmail.setValue('other@example.org');
    expect(serverError(form.controls.refereeEmail)).toBeNull();
    // A second verdict replaces the first one rather than piling up.
    applyServerErrors(form, problem({ refereeEmail: ['still not a member'] }));
    expect(serverError(form.controls.refereeEmail)).toBe('still not a member');
  });
});
