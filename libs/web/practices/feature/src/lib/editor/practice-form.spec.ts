import { FormControl } from '@angular/forms';
import { ApiProblem } from '@kengash/web-identity-data-access';
import { practiceView } from '../testing/practice-fixtures';
import {
  applyServerErrors,
  clearServerErrors,
  controlPath,
  createPracticeForm,
  fillPracticeForm,
  firstInvalidTab,
  httpUrl,
  practiceInput,
  serverError,
  sourceGroup,
  translationGroup,
  translationIndex,
} from './practice-form';

const problem = (fields: Record<string, string[]>): ApiProblem => ({
  status: 400,
  code: null,
  message: 'Invalid',
  fields,
  retryAfter: null,
  correlationId: null,
  reason: null,
});

describe('practice form', () => {
  it('starts a new entry with one original tab in the UI language, or English for another', () => {
    expect(
      createPracticeForm('ru')
        .getRawValue()
        .translations.map((t) => t.locale),
    ).toEqual(['ru']);
    expect(
      createPracticeForm('ar')
        .getRawValue()
        .translations.map((t) => t.locale),
    ).toEqual(['en']);
    expect(createPracticeForm('en').valid).toBe(false); // no title, no theme yet
  });

  it('fills from a saved entry, the original first, and sends it back as the API expects', () => {
    const view = practiceView({
      originalLocale: 'ru',
      country: null,
      group: null,
      translations: [...practiceView().translations].map((t) => ({
        ...t,
        status: t.locale === 'ru' ? ('original' as const) : ('machine_assisted' as const),
      })),
    });
    const form = createPracticeForm('en');

    fillPracticeForm(form, view);

    expect(form.valid).toBe(true);
    expect(form.pristine).toBe(true);
    expect(practiceInput(form)).toEqual({
      originalLocale: 'ru',
      country: null,
      themes: ['psychosocial_support', 'family_community'],
      targetGroups: ['women', 'children'],
      approach: 'Peer groups led by trained psychologists',
      evidence: 'documented',
      sources: [{ url: 'https://example.org/report', title: 'Annual report 2024' }],
      relatedIds: ['r1'],
      groupId: null,
      translations: [
        {
          locale: 'ru',
          title: 'Круги семейной реинтеграции',
          summary: 'Ежемесячные встречи для вернувшихся семей.',
          body: '<p>Встречи проходят <strong>ежемесячно</strong>.</p>',
        },
        {
          locale: 'en',
          title: 'Family reintegration circles',
          summary: 'Monthly circles for returning families.',
          body: '<p>Circles meet <strong>monthly</strong>.</p>',
          status: 'machine_assisted',
        },
      ],
    });
  });

  it('checks titles (trimmed, 3 to 300), source addresses (http or https) and at least one theme', () => {
    const t = translationGroup({ locale: 'en', title: '  ab ' });
    expect(t.controls.title.hasError('minlength')).toBe(true);
    t.controls.title.setValue('   ');
    expect(t.controls.title.hasError('required')).toBe(true);
    t.controls.title.setValue('Family circles');
    expect(t.valid).toBe(true);

    expect(httpUrl(new FormControl('ftp://example.org', { nonNullable: true }))).toEqual({ url: true });
    expect(httpUrl(new FormControl('not an address', { nonNullable: true }))).toEqual({ url: true });
    expect(httpUrl(new FormControl('https://example.org/a', { nonNullable: true }))).toBeNull();
    expect(sourceGroup({ url: 'https://example.org', title: '' }).controls.title.hasError('required')).toBe(true);

    const form = createPracticeForm('en');
    expect(form.controls.themes.hasError('required')).toBe(true);
    form.controls.themes.setValue(['health']);
    expect(form.controls.themes.valid).toBe(true);
  });

  it('maps the API’s dotted field paths to tabs and fields', () => {
    expect(controlPath('originalLocale')).toBe('translations.0.locale');
    expect(controlPath('sources.2.url')).toBe('sources.2.url');
    expect(translationIndex('translations.1.title')).toBe(1);
    expect(translationIndex('originalLocale')).toBe(0);
    expect(translationIndex('translations')).toBeNull();
    expect(translationIndex('sources')).toBeNull();
  });

  it('puts the API’s field errors next to their fields and returns the others; they go before the next save', () => {
    const form = createPracticeForm('en');
    fillPracticeForm(form, practiceView());

    const others = applyServerErrors(
      form,
      problem({
        'translations.1.title': ['must be at least 3 characters'],
        sources: ['the text states figures: give at least one source (address and title)'],
        'sources.0.url': ['must be an http(s) address'],
        version: ['must be the version you edited'],
        originalLocale: ['must be one of en, ru'],
      }),
    );

    expect(serverError(form.get('translations.1.title'))).toBe('must be at least 3 characters');
    expect(form.get('translations.1.title')?.touched).toBe(true);
    expect(serverError(form.controls.sources)).toContain('give at least one source');
    expect(serverError(form.get('sources.0.url'))).toBe('must be an http(s) address');
    expect(serverError(form.get('translations.0.locale'))).toBe('must be one of en, ru');
    expect(others).toEqual([{ field: 'version', message: 'must be the version you edited' }]);
    expect(firstInvalidTab(form)).toBe(0);

    // A message stands while the value stays (validators re-run when a tab is shown again), and goes with a change.
    form.get('translations.1.title')?.updateValueAndValidity();
    expect(serverError(form.get('translations.1.title'))).toBe('must be at least 3 characters');
    form.get('translations.1.title')?.setValue('Круги');
    expect(serverError(form.get('translations.1.title'))).toBeNull();

    clearServerErrors(form);
    expect(form.valid).toBe(true);
    expect(firstInvalidTab(form)).toBeNull();
  });
});
