import { Component } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { provideTranslateService, TranslateService } from '@ngx-translate/core';
import { readTranslations } from '../testing/translations';
import { AppComponent } from './app.component';
import { LocaleService } from './i18n/locale.service';

@Component({ selector: 'kg-stub-page', template: '<h1>Stub page</h1>' })
class StubPageComponent {}

describe('AppComponent', () => {
  let fixture: ComponentFixture<AppComponent>;
  let sut: HTMLElement;

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      imports: [AppComponent],
      providers: [
        provideRouter([{ path: '**', component: StubPageComponent }]),
        provideTranslateService({ fallbackLang: 'en' }),
      ],
    });
    const translate = TestBed.inject(TranslateService);
    translate.setTranslation('en', readTranslations('en'));
    translate.setTranslation('ru', readTranslations('ru'));
    await TestBed.inject(LocaleService).use('en');

    fixture = TestBed.createComponent(AppComponent);
    fixture.detectChanges();
    await fixture.whenStable();
    sut = fixture.nativeElement as HTMLElement;
  });

  const navLabels = () => [...sut.querySelectorAll('mat-nav-list a')].map((link) => link.textContent?.trim());

  it('offers a skip link as the first focusable element', () => {
    const focusable = sut.querySelector<HTMLElement>('a[href], button');

    expect(focusable?.classList).toContain('skip-link');
    expect(focusable?.textContent?.trim()).toBe('Skip to main content');
  });

  it('moves focus to <main> when the skip link is followed', () => {
    sut.querySelector<HTMLAnchorElement>('.skip-link')?.click();

    expect(document.activeElement).toBe(sut.querySelector('main'));
  });

  it('has banner, navigation, main and contentinfo landmarks', () => {
    expect(sut.querySelector('header mat-toolbar')).not.toBeNull();
    expect(sut.querySelector('[role=navigation]')?.getAttribute('aria-label')).toBe('Main sections');
    expect(sut.querySelector('main#main')).not.toBeNull();
    expect(sut.querySelector('footer')).not.toBeNull();
  });

  it('lists every domain in the navigation, plus sign-in', () => {
    expect(navLabels()).toEqual(
      expect.arrayContaining(['Council', 'Sessions', 'Live meetings', 'Minutes', 'Best practices', 'Network']),
    );
    expect(sut.textContent).toContain('Sign in');
  });

  it('switches the whole shell to Russian from the language switcher', async () => {
    const russian = [...sut.querySelectorAll<HTMLButtonElement>('mat-button-toggle button')].find(
      (button) => button.textContent?.trim() === 'Русский',
    );

    russian?.click();
    await fixture.whenStable();
    fixture.detectChanges();

    expect(navLabels()).toEqual(expect.arrayContaining(['Совет', 'Заседания', 'Онлайн-встречи', 'Протоколы']));
    expect(sut.querySelector('.skip-link')?.textContent?.trim()).toBe('Перейти к основному содержанию');
    expect(document.documentElement.lang).toBe('ru');
    expect(localStorage.getItem('kengash.locale')).toBe('ru');
  });
});
