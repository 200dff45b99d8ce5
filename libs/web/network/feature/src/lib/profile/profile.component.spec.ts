import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { GlobalRole } from '@kengash/contracts';
import { AuthService } from '@kengash/web-identity-data-access';
import { of } from 'rxjs';
import { authStub, currentUser, profile } from '../testing/network-fixtures';
import { provideTestTranslations, useTestLocale } from '../testing/translate-testing';
import { ProfileComponent } from './profile.component';

describe('ProfileComponent', () => {
  let fixture: ComponentFixture<ProfileComponent>;
  let http: HttpTestingController;
  let sut: HTMLElement;
  let auth: ReturnType<typeof authStub>;
  const must = (testId: string) => sut.querySelector(`[data-testid=${testId}]`) as HTMLElement;
  const choose = (testId: string, value: string) => {
    const select = must(testId) as HTMLSelectElement;
    select.value = value;
    select.dispatchEvent(new Event('change'));
  };

  function open(locale: 'en' | 'ru' = 'en') {
    auth = authStub(currentUser(GlobalRole.Practitioner));
    auth.signOut.mockReturnValue(of(undefined));
    TestBed.configureTestingModule({
      imports: [ProfileComponent],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        provideTestTranslations(),
        { provide: AuthService, useValue: auth },
      ],
    });
    useTestLocale(locale);
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(ProfileComponent);
    sut = fixture.nativeElement as HTMLElement;
    fixture.detectChanges();
  }

  afterEach(() => http.verify());

  function loaded(locale: 'en' | 'ru' = 'en') {
    open(locale);
    http.expectOne('/api/network/profile').flush(profile());
    http.expectOne('/api/network/profile/contact-views').flush({
      views: [
        { viewer: { id: 'u2', displayName: 'Nodira Tursunova' }, fields: ['phone'], viewedAt: '2026-11-20T09:00:00Z' },
      ],
    });
    fixture.detectChanges();
  }

  it('offers a visibility choice for every field, labelled with the field', () => {
    loaded();
    const phone = must('visibility-phone') as HTMLSelectElement;
    expect(phone.value).toBe('network');
    expect([...phone.options].map((o) => o.textContent?.trim())).toEqual([
      'Only me',
      'The secretariat',
      'Council members',
      'Network members',
    ]);
    expect(phone.closest('mat-form-field')?.querySelector('mat-label')?.textContent?.trim()).toBe('Who sees: Phone');
    expect(sut.querySelectorAll('[data-testid^=visibility-]').length).toBe(11);
    expect(must('contact-view').textContent).toContain('Nodira Tursunova');
  });

  it('hides the phone: sends only that change with the version, and says it is saved', () => {
    loaded('ru');
    choose('visibility-phone', 'me');
    (sut.querySelector('[data-testid=profile-form]') as HTMLFormElement).dispatchEvent(new Event('submit'));

    const put = http.expectOne('/api/network/profile');
    expect(put.request.method).toBe('PUT');
    expect(put.request.body).toEqual({ version: 3, visibility: { phone: 'me' } });
    put.flush(profile({ visibility: { ...profile().visibility, phone: 'me' }, version: 4 }));
    fixture.detectChanges();

    expect(must('profile-message').textContent?.trim()).toBe('Профиль сохранён.');
    expect(must('profile-version').textContent?.trim()).toBe('Версия 4');
    expect((must('visibility-phone') as HTMLSelectElement).value).toBe('me');
  });

  it('says when someone else saved in between, and offers to reload', () => {
    loaded();
    choose('visibility-email', 'network');
    (sut.querySelector('[data-testid=profile-form]') as HTMLFormElement).dispatchEvent(new Event('submit'));
    http
      .expectOne('/api/network/profile')
      .flush(
        { statusCode: 409, code: 'CONFLICT', message: 'The profile was changed meanwhile' },
        { status: 409, statusText: 'Conflict' },
      );
    fixture.detectChanges();

    expect(must('profile-message').textContent).toContain('changed elsewhere');
    must('profile-reload').click();
    http.expectOne('/api/network/profile').flush(profile({ version: 5 }));
  });

  it('erases the account only after ERASE is typed, then signs out', () => {
    loaded();
    const erase = must('erase') as HTMLButtonElement;
    expect(erase.disabled).toBe(true);
    const confirm = must('erase-confirm') as HTMLInputElement;
    confirm.value = 'erase';
    confirm.dispatchEvent(new Event('input'));
    fixture.detectChanges();
    expect(erase.disabled).toBe(true);

    const navigate = jest.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    confirm.value = 'ERASE';
    confirm.dispatchEvent(new Event('input'));
    fixture.detectChanges();
    expect(erase.disabled).toBe(false);
    erase.click();
    const request = http.expectOne('/api/network/profile/erase');
    expect(request.request.body).toEqual({ confirm: 'ERASE' });
    request.flush(null, { status: 204, statusText: 'No Content' });

    expect(auth.signOut).toHaveBeenCalled();
    expect(navigate).toHaveBeenCalledWith('/network');
  });

  it('tells someone without a network profile what profiles are for', () => {
    open();
    http
      .expectOne('/api/network/profile')
      .flush({ statusCode: 404, code: 'NOT_FOUND', message: 'No profile' }, { status: 404, statusText: 'Not Found' });
    http
      .expectOne('/api/network/profile/contact-views')
      .flush({ statusCode: 404, code: 'NOT_FOUND', message: 'No profile' }, { status: 404, statusText: 'Not Found' });
    fixture.detectChanges();

    expect(must('profile-none').textContent?.trim()).toBe(
      'You have no network profile: profiles are for accepted practitioners.',
    );
    expect(sut.querySelector('[data-testid=erase]')).toBeNull();
  });
});
