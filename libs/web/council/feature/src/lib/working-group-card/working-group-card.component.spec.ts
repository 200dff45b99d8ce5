import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { CountryCode, WorkingGroupSummary } from '@kengash/contracts';
import { makeGroup } from '../testing/council-fixtures';
import { provideTestTranslations, useTestLocale } from '../testing/translate-testing';
import { WorkingGroupCardComponent } from './working-group-card.component';

describe('WorkingGroupCardComponent', () => {
  let fixture: ComponentFixture<WorkingGroupCardComponent>;

  function render(group: WorkingGroupSummary, locale: 'en' | 'ru'): HTMLElement {
    useTestLocale(locale);
    fixture = TestBed.createComponent(WorkingGroupCardComponent);
    fixture.componentRef.setInput('group', group);
    fixture.componentRef.setInput('locale', locale);
    fixture.detectChanges();
    return fixture.nativeElement as HTMLElement;
  }

  const text = (root: HTMLElement, selector: string) =>
    root.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim();

  const countries = (root: HTMLElement) =>
    [...root.querySelectorAll('[data-testid=countries] li')].map((li) => li.textContent?.trim());

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [WorkingGroupCardComponent],
      providers: [provideRouter([]), provideTestTranslations()],
    });
  });

  it('shows the group in English: name, theme, mandate, period, members and countries', () => {
    const sut = render(makeGroup(), 'en');

    expect(sut.getAttribute('data-testid')).toBe('working-group');
    expect(text(sut, 'h3')).toBe('Psychosocial Support');
    expect(text(sut, '[data-testid=theme]')).toBe('Psychosocial support');
    expect(text(sut, '.mandate')).toBe('Shares methods of psychosocial rehabilitation.');
    expect(text(sut, '[data-testid=period]')).toBe('January 1, 2024 – December 31, 2025');
    expect(text(sut, '[data-testid=member-count]')).toBe('12 members');
    expect(countries(sut)).toEqual(['Kazakhstan', 'Uzbekistan']);
    expect(sut.querySelector('h3 a')?.getAttribute('href')).toBe('/groups/psychosocial-support');
  });

  it('shows the Russian texts, Russian date range and translated country names', () => {
    const sut = render(
      makeGroup({
        countries: [CountryCode.Kyrgyzstan, CountryCode.Tajikistan],
      }),
      'ru',
    );

    expect(text(sut, 'h3')).toBe('Психосоциальная поддержка');
    expect(text(sut, '[data-testid=theme]')).toBe('Психосоциальная поддержка');
    expect(text(sut, '.mandate')).toBe('Обмен методами психосоциальной реабилитации.');
    expect(text(sut, '[data-testid=period]')).toBe('1 января 2024 г. – 31 декабря 2025 г.');
    expect(countries(sut)).toEqual(['Кыргызстан', 'Таджикистан']);
  });

  it.each([
    [1, '1 участник'],
    [3, '3 участника'],
    [5, '5 участников'],
    [21, '21 участник'],
  ])('agrees the Russian member count with %i', (count, expected) => {
    const sut = render(makeGroup({ memberCount: count }), 'ru');

    expect(text(sut, '[data-testid=member-count]')).toBe(expected);
  });

  it('says "1 member" in English', () => {
    const sut = render(makeGroup({ memberCount: 1 }), 'en');

    expect(text(sut, '[data-testid=member-count]')).toBe('1 member');
  });

  it('falls back to English text, marked lang="en", when there is no Russian version', () => {
    const sut = render(makeGroup({ mandate: { en: 'Mandate in English only.' } }), 'ru');

    const mandate = sut.querySelector('.mandate');
    expect(mandate?.textContent?.trim()).toBe('Mandate in English only.');
    expect(mandate?.getAttribute('lang')).toBe('en');
    expect(sut.querySelector('h3')?.hasAttribute('lang')).toBe(false);
  });
});
