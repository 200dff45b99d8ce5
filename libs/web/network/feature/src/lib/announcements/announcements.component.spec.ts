import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { AnnouncementView, GlobalRole } from '@kengash/contracts';
import { AuthService } from '@kengash/web-identity-data-access';
import { authStub, currentUser } from '../testing/network-fixtures';
import { provideTestTranslations, useTestLocale } from '../testing/translate-testing';
import { announcementRequest, AnnouncementsComponent } from './announcements.component';

const announcement: AnnouncementView = {
  id: 'a1',
  title: 'Webinar on family counselling',
  body: 'Join us on Thursday.',
  locale: 'en',
  author: { id: 's1', displayName: 'Secretariat' },
  createdAt: '2026-11-20T10:00:00Z',
  recipients: 14,
};

describe('AnnouncementsComponent', () => {
  let fixture: ComponentFixture<AnnouncementsComponent>;
  let http: HttpTestingController;
  let sut: HTMLElement;
  const type = (testId: string, value: string) => {
    const input = sut.querySelector(`[data-testid=${testId}]`) as HTMLInputElement;
    input.value = value;
    input.dispatchEvent(new Event('input'));
  };

  function open(role: GlobalRole) {
    TestBed.configureTestingModule({
      imports: [AnnouncementsComponent],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideTestTranslations(),
        { provide: AuthService, useValue: authStub(currentUser(role)) },
      ],
    });
    useTestLocale('en');
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(AnnouncementsComponent);
    sut = fixture.nativeElement as HTMLElement;
    fixture.detectChanges();
    http.expectOne('/api/network/announcements').flush({ announcements: [announcement] });
    fixture.detectChanges();
  }

  afterEach(() => http.verify());

  it('lists the announcements; a practitioner gets no form', () => {
    open(GlobalRole.Practitioner);
    expect(sut.querySelector('[data-testid=announcement] h2')?.textContent?.trim()).toBe(
      'Webinar on family counselling',
    );
    expect(sut.querySelector('[data-testid=announcement-send]')).toBeNull();
  });

  it('lets the secretariat send one with English required and Russian optional', () => {
    open(GlobalRole.Secretariat);
    const form = sut.querySelector('form') as HTMLFormElement;
    type('announcement-title-ru', 'Вебинар');
    form.dispatchEvent(new Event('submit'));
    fixture.detectChanges();
    http.expectNone((r) => r.method === 'POST');
    expect(sut.querySelectorAll('mat-error').length).toBe(2);

    type('announcement-title-en', ' Webinar ');
    type('announcement-body-en', 'On Thursday.');
    form.dispatchEvent(new Event('submit'));
    const post = http.expectOne({ method: 'POST', url: '/api/network/announcements' });
    expect(post.request.body).toEqual({ title: { en: 'Webinar', ru: 'Вебинар' }, body: { en: 'On Thursday.' } });
    post.flush({ ...announcement, recipients: 31 });
    http.expectOne('/api/network/announcements').flush({ announcements: [announcement] });
    fixture.detectChanges();
    expect(sut.querySelector('[data-testid=announcement-sent]')?.textContent?.trim()).toBe(
      'The announcement was sent to 31 people.',
    );
  });
});

describe('announcementRequest', () => {
  it('leaves out blank Russian texts', () => {
    expect(announcementRequest({ titleEn: 'T', bodyEn: 'B', titleRu: ' ', bodyRu: '' })).toEqual({
      title: { en: 'T' },
      body: { en: 'B' },
    });
  });
});
