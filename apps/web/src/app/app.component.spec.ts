import { Component, signal } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { CurrentUser, GlobalRole } from '@kengash/contracts';
import { AuthService, LiveService, NotificationsApiService } from '@kengash/web-identity-data-access';
import { NEVER, of } from 'rxjs';
import { provideTranslateService, TranslateService } from '@ngx-translate/core';
import { readTranslations } from '../testing/translations';
import { AppComponent } from './app.component';
import { LocaleService } from './i18n/locale.service';

@Component({ selector: 'kg-stub-page', template: '<h1>Stub page</h1>' })
class StubPageComponent {}

describe('AppComponent', () => {
  let fixture: ComponentFixture<AppComponent>;
  let sut: HTMLElement;
  const user = signal<CurrentUser | null>(null);
  const auth = {
    user,
    signOut: jest.fn(() => {
      user.set(null);
      return of(undefined);
    }),
  };

  function signInAs(globalRole: GlobalRole, overrides: Partial<CurrentUser> = {}): void {
    user.set({
      id: 'u1',
      email: 'someone@demo.kengash.example',
      displayName: 'Aigerim Sadykova',
      locale: 'en',
      timeZone: 'Asia/Almaty',
      country: null,
      organisation: null,
      nameVisibleToObservers: true,
      globalRole,
      emailVerified: true,
      totpEnabled: true,
      totpEnrolmentRequired: false,
      memberships: [],
      ...overrides,
    });
    fixture.detectChanges();
  }

  async function openUserMenu(): Promise<string[]> {
    sut.querySelector<HTMLButtonElement>('[data-testid=user-menu]')?.click();
    fixture.detectChanges();
    await fixture.whenStable();
    return [...document.querySelectorAll('.mat-mdc-menu-panel [mat-menu-item]')].map(
      (item) => item.textContent?.trim() ?? '',
    );
  }

  beforeEach(async () => {
    localStorage.clear();
    user.set(null);
    auth.signOut.mockClear();
    TestBed.configureTestingModule({
      imports: [AppComponent],
      providers: [
        provideRouter([{ path: '**', component: StubPageComponent }]),
        provideTranslateService({ fallbackLang: 'en' }),
        { provide: AuthService, useValue: auth },
        { provide: NotificationsApiService, useValue: { list: () => of({ items: [], unread: 2 }) } },
        { provide: LiveService, useValue: { notifications$: NEVER, reconnected$: NEVER } },
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
    expect(navLabels()).not.toContain('Dashboard');
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

  it('shows the signed-in person\'s name with a menu instead of "Sign in"', async () => {
    signInAs(GlobalRole.Member);

    const button = sut.querySelector('[data-testid=user-menu]');
    expect(button?.textContent).toContain('Aigerim Sadykova');
    expect(button?.getAttribute('aria-haspopup')).toBe('menu');
    expect(sut.querySelector('a.sign-in')).toBeNull();
    expect(navLabels()).toContain('Dashboard');
    expect(await openUserMenu()).toEqual(['Account', 'Sign out']);
  });

  it('shows the notification bell with the unread count to a signed-in person only', async () => {
    expect(sut.querySelector('[data-testid=notification-bell]')).toBeNull();

    signInAs(GlobalRole.Member);
    for (let i = 0; i < 20 && !sut.querySelector('[data-testid=notification-bell]'); i++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      fixture.detectChanges();
    }

    expect(sut.querySelector('[data-testid=notification-bell]')?.getAttribute('aria-label')).toBe(
      'Notifications, 2 unread',
    );
  });

  it.each([
    [GlobalRole.FocalPoint, ['Network', 'Vetting queue', 'Directory', 'Announcements']],
    [GlobalRole.Secretariat, ['Network', 'Vetting queue', 'Directory', 'Announcements']],
    [GlobalRole.Practitioner, ['Network', 'Directory', 'My network profile', 'Announcements']],
    [GlobalRole.Member, ['Network', 'Directory', 'Announcements']],
    [GlobalRole.Observer, ['Network']],
  ])('gives %s the network entries of their role, under Network', (role, expected) => {
    signInAs(role);

    const labels = navLabels();
    const network = labels.indexOf('Network');
    expect(labels.slice(network)).toEqual(expected);
  });

  it('shows a visitor only Network, nothing of the network inside', () => {
    expect(navLabels()).toContain('Network');
    expect(navLabels()).not.toContain('Directory');
    expect(navLabels()).not.toContain('Vetting queue');
  });

  it('adds the administration entries for an administrator', async () => {
    signInAs(GlobalRole.Admin);

    expect(await openUserMenu()).toEqual([
      'Account',
      'Users',
      'Council settings',
      'Development inbox',
      'Audit log',
      'Sign out',
    ]);
  });

  it('gives the secretariat the users page but not the audit log', async () => {
    signInAs(GlobalRole.Secretariat);

    expect(await openUserMenu()).toEqual(['Account', 'Users', 'Council settings', 'Development inbox', 'Sign out']);
  });

  it('signs out from the menu and goes home', async () => {
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    signInAs(GlobalRole.Member);
    await openUserMenu();

    document.querySelector<HTMLButtonElement>('[data-testid=sign-out]')?.click();
    fixture.detectChanges();

    expect(auth.signOut).toHaveBeenCalledTimes(1);
    expect(navigate).toHaveBeenCalledWith('/');
    expect(sut.querySelector('[data-testid=user-menu]')).toBeNull();
    expect(sut.textContent).toContain('Sign in');
  });

  it('switches the interface language when the profile language is saved', async () => {
    signInAs(GlobalRole.Member);
    await fixture.whenStable();

    signInAs(GlobalRole.Member, { locale: 'ru' });
    await fixture.whenStable();
    fixture.detectChanges();

    expect(document.documentElement.lang).toBe('ru');
    expect(navLabels()).toEqual(expect.arrayContaining(['Совет']));
  });
});
