import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import {
  AdminUserSummary,
  CurrentUser,
  GlobalRole,
  GroupMember,
  GroupRole,
  PracticeView,
  UserStatus,
} from '@kengash/contracts';
import { AuthService } from '@kengash/web-identity-data-access';
import { currentUser, GROUP_ID, PRACTICE_ID, practiceView } from '../testing/practice-fixtures';
import { provideTestTranslations, useTestLocale } from '../testing/translate-testing';
import { ReviewerPickerComponent, uniqueCandidates } from './reviewer-picker.component';

function account(
  id: string,
  displayName: string,
  globalRole: GlobalRole,
  status = UserStatus.Active,
): AdminUserSummary {
  return {
    id,
    email: `${id}@demo.kengash.example`,
    displayName,
    globalRole,
    country: null,
    organisation: `${displayName} Org (demo)`,
    status,
    totpEnabled: false,
    lastSignInAt: null,
  };
}

function member(userId: string, displayName: string, role: GroupRole, current = true): GroupMember {
  return {
    membershipId: `m-${userId}-${role}`,
    userId,
    displayName,
    organisation: null,
    country: null,
    role,
    termStart: '2024-05-14',
    termEnd: null,
    current,
  };
}

describe('ReviewerPickerComponent', () => {
  let fixture: ComponentFixture<ReviewerPickerComponent>;
  let http: HttpTestingController;
  let sut: HTMLElement;
  const user = signal<CurrentUser | null>(null);
  const text = (element: Element | null | undefined) => element?.textContent?.replace(/\s+/g, ' ').trim();
  const options = () => [...sut.querySelectorAll<HTMLElement>('[data-testid=reviewer-option]')];
  const checkbox = (userId: string) =>
    sut.querySelector<HTMLInputElement>(`[data-testid=reviewer-option][data-user="${userId}"] input`);

  function open(practice: PracticeView): void {
    fixture = TestBed.createComponent(ReviewerPickerComponent);
    fixture.componentRef.setInput('practice', practice);
    sut = fixture.nativeElement as HTMLElement;
    fixture.detectChanges();
  }

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [ReviewerPickerComponent],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        provideTestTranslations(),
        { provide: AuthService, useValue: { user } },
      ],
    });
    useTestLocale('en');
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('orders people by name without duplicates', () => {
    expect(
      uniqueCandidates([
        { userId: 'b', name: 'Saule', detail: null },
        { userId: 'a', name: 'Aigerim', detail: null },
        { userId: 'b', name: 'Saule', detail: 'again' },
      ]).map((c) => c.userId),
    ).toEqual(['a', 'b']);
  });

  it('lets the secretariat choose among active accounts that may review, never the author', () => {
    user.set(currentUser({ globalRole: GlobalRole.Secretariat, memberships: [] }));
    open(practiceView({ status: 'in_review', author: { userId: 'u-author', name: 'Nodira Tursunova' } }));

    http.expectOne('/api/admin/users').flush({
      items: [
        account('u-chair', 'Madina Abdullaeva', GlobalRole.Member),
        account('u-author', 'Nodira Tursunova', GlobalRole.Member),
        account('u-fp', 'Yerlan Bekov', GlobalRole.FocalPoint),
        account('u-pr', 'Kamola Ismoilova', GlobalRole.Practitioner),
        account('u-obs', 'Claire Dumont', GlobalRole.Observer),
        account('u-off', 'Gone Person', GlobalRole.Member, UserStatus.Disabled),
      ],
    });
    fixture.detectChanges();

    expect(options().map(text)).toEqual([
      'Madina Abdullaeva · Madina Abdullaeva Org (demo)',
      'Yerlan Bekov · Yerlan Bekov Org (demo)',
    ]);
  });

  it('lets a chair choose among the group’s current members who are not observers, and saves', () => {
    user.set(currentUser());
    open(practiceView({ status: 'in_review', reviewers: [{ userId: 'u-old', name: 'Aigerim Seitkali' }] }));

    http.expectOne(`/api/council/groups/${GROUP_ID}/members`).flush({
      current: [
        member('u-me', 'Madina Abdullaeva', GroupRole.Chair),
        member('u-rap', 'Saule Zhaksybekova', GroupRole.Rapporteur),
        member('u-obs', 'Claire Dumont', GroupRole.Observer),
        member('u-author', 'Nodira Tursunova', GroupRole.Member),
      ],
      past: [],
    });
    fixture.detectChanges();

    expect(options().map(text)).toEqual(['Aigerim Seitkali', 'Madina Abdullaeva', 'Saule Zhaksybekova']);
    expect(checkbox('u-old')?.checked).toBe(true);
    checkbox('u-me')?.click();
    checkbox('u-old')?.click();
    fixture.detectChanges();
    expect(text(sut.querySelector('[data-testid=reviewers-save]'))).toBe('Save reviewers (1)');

    const saved: PracticeView[] = [];
    fixture.componentInstance.saved.subscribe((v) => saved.push(v));
    sut.querySelector<HTMLFormElement>('form')?.dispatchEvent(new Event('submit'));
    const put = http.expectOne(`/api/practices/${PRACTICE_ID}/reviewers`);
    expect(put.request.body).toEqual({ reviewerIds: ['u-me'] });
    put.flush(practiceView({ reviewers: [{ userId: 'u-me', name: 'Madina Abdullaeva' }] }));
    expect(saved.map((v) => v.reviewers)).toEqual([[{ userId: 'u-me', name: 'Madina Abdullaeva' }]]);
  });

  it('filters by name and shows the API’s refusal next to the list', () => {
    user.set(currentUser());
    open(practiceView({ status: 'draft' }));
    http.expectOne(`/api/council/groups/${GROUP_ID}/members`).flush({
      current: [
        member('u-me', 'Madina Abdullaeva', GroupRole.Chair),
        member('u-rap', 'Saule Zhaksybekova', GroupRole.Rapporteur),
      ],
      past: [],
    });
    fixture.detectChanges();

    const filter = sut.querySelector<HTMLInputElement>('[data-testid=reviewer-filter]');
    if (!filter) throw new Error('no filter');
    filter.value = 'saule';
    filter.dispatchEvent(new Event('input'));
    fixture.detectChanges();
    expect(options().map(text)).toEqual(['Saule Zhaksybekova']);

    checkbox('u-rap')?.click();
    sut.querySelector<HTMLFormElement>('form')?.dispatchEvent(new Event('submit'));
    http.expectOne(`/api/practices/${PRACTICE_ID}/reviewers`).flush(
      {
        statusCode: 400,
        code: 'VALIDATION_FAILED',
        message: 'Invalid',
        details: [
          {
            field: 'reviewerIds',
            messages: ['each reviewer must be an active member of the council or the secretariat'],
          },
        ],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    fixture.detectChanges();
    expect(text(sut.querySelector('[data-testid=reviewers-error]'))).toBe(
      'each reviewer must be an active member of the council or the secretariat',
    );
    expect(sut.querySelector('fieldset')?.getAttribute('aria-describedby')).toContain('reviewers-error');
  });

  it('says when the people cannot be listed', () => {
    user.set(currentUser());
    open(practiceView());
    http
      .expectOne(`/api/council/groups/${GROUP_ID}/members`)
      .flush({ statusCode: 403, code: 'FORBIDDEN', message: 'No' }, { status: 403, statusText: 'Forbidden' });
    fixture.detectChanges();
    expect(text(sut.querySelector('[data-testid=reviewers-failed]'))).toBe('The list of people could not be loaded.');
  });
});
