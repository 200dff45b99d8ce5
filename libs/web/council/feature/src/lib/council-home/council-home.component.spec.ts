import { HttpErrorResponse } from '@angular/common/http';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { signal } from '@angular/core';
import {
  CouncilSettings,
  CountryCode,
  CurrentUser,
  ErrorCode,
  ErrorResponse,
  GlobalRole,
  GroupRole,
  MembershipSummary,
  WorkingGroupListResponse,
} from '@kengash/contracts';
import { CouncilApiService } from '@kengash/web-council-data-access';
import { AuthService } from '@kengash/web-identity-data-access';
import { Subject } from 'rxjs';
import { makeGroupList } from '../testing/council-fixtures';
import { provideTestTranslations, useTestLocale } from '../testing/translate-testing';
import { CouncilHomeComponent } from './council-home.component';

describe('CouncilHomeComponent', () => {
  let fixture: ComponentFixture<CouncilHomeComponent>;
  let responses: Subject<WorkingGroupListResponse>[];
  let sut: HTMLElement;

  /** Each call to listGroups() gets its own pending response, answered by the test. */
  let council: Subject<CouncilSettings>;
  const api = {
    getCouncil: jest.fn(() => {
      council = new Subject<CouncilSettings>();
      return council;
    }),
    listGroups: jest.fn(() => {
      const response = new Subject<WorkingGroupListResponse>();
      responses.push(response);
      return response;
    }),
  };

  function create(locale: 'en' | 'ru' = 'en'): void {
    useTestLocale(locale);
    fixture = TestBed.createComponent(CouncilHomeComponent);
    fixture.detectChanges();
    sut = fixture.nativeElement as HTMLElement;
  }

  function respond(value: WorkingGroupListResponse): void {
    responses[responses.length - 1].next(value);
    fixture.detectChanges();
  }

  function fail(error: HttpErrorResponse): void {
    responses[responses.length - 1].error(error);
    fixture.detectChanges();
  }

  const cards = () => sut.querySelectorAll('[data-testid=working-group]');
  const text = (selector: string) => sut.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim();

  /** The signed-in person, or null; only the signals the page reads. */
  const user = signal<CurrentUser | null>(null);
  const auth = { user, isSignedIn: () => user() !== null };

  function signInWith(memberships: MembershipSummary[]): void {
    user.set({
      id: 'u-psy',
      email: 'psychologist@demo.kengash.example',
      displayName: 'Psychologist',
      locale: 'en',
      timeZone: 'Asia/Tashkent',
      country: null,
      organisation: null,
      nameVisibleToObservers: true,
      globalRole: GlobalRole.Member,
      emailVerified: true,
      totpEnabled: true,
      totpEnrolmentRequired: false,
      memberships,
    });
  }

  const membership = (groupId: string, role: GroupRole): MembershipSummary => ({
    groupId,
    groupSlug: groupId,
    role,
    termStart: '2024-05-14',
    termEnd: null,
  });

  const myGroups = () =>
    [...sut.querySelectorAll('[data-testid=my-group]')].map((item) => item.textContent?.replace(/\s+/g, ' ').trim());

  beforeEach(() => {
    responses = [];
    api.listGroups.mockClear();
    user.set(null);
    TestBed.configureTestingModule({
      imports: [CouncilHomeComponent],
      providers: [
        provideRouter([]),
        provideTestTranslations(),
        { provide: CouncilApiService, useValue: api },
        { provide: AuthService, useValue: auth },
      ],
    });
  });

  it('shows a progress indicator while the groups load', () => {
    create();

    expect(sut.querySelector('[role=progressbar]')).not.toBeNull();
    expect(text('[role=status]')).toContain('Loading working groups…');
    expect(cards()).toHaveLength(0);
  });

  it('lists every working group under the council name, with a demo-data banner', () => {
    create();
    respond(makeGroupList());

    expect(text('h1')).toBe('Central Asia Regional Expert Council');
    expect(text('[data-testid=demo-banner]')).toContain('Demo data.');
    expect(cards()).toHaveLength(4);
    expect([...cards()].map((card) => card.querySelector('h3')?.textContent?.trim())).toEqual([
      'Accountability and Justice',
      'Psychosocial Support',
      'Countering Terrorist Narratives',
      'Civil Society Engagement',
    ]);
    expect(sut.querySelector('[role=progressbar]')).toBeNull();
  });

  it('shows no demo banner for real data', () => {
    const list = makeGroupList();
    create();
    respond({ ...list, council: { ...list.council, demo: false } });

    expect(sut.querySelector('[data-testid=demo-banner]')).toBeNull();
  });

  it('says so when the council has no groups', () => {
    create();
    respond(makeGroupList({ groups: [] }));

    expect(cards()).toHaveLength(0);
    expect(text('section')).toContain('The council has no working groups yet.');
  });

  it('follows a language change: Russian council name, group names and labels', () => {
    create('en');
    respond(makeGroupList());

    useTestLocale('ru');
    fixture.detectChanges();

    expect(text('h1')).toBe('Региональный экспертный совет Центральной Азии');
    expect(text('#groups-heading')).toBe('Рабочие группы');
    expect(cards()[1].querySelector('h3')?.textContent?.trim()).toBe('Психосоциальная поддержка');
    expect(api.listGroups).toHaveBeenCalledTimes(1);
  });

  it('shows the server error with its reference and loads again on retry', () => {
    const body: ErrorResponse = {
      statusCode: 503,
      code: ErrorCode.ServiceUnavailable,
      message: 'Service unavailable',
      correlationId: 'corr-42',
    };
    create();
    fail(new HttpErrorResponse({ status: 503, error: body }));

    expect(text('[role=alert]')).toContain(
      'The working groups could not be loaded because of a problem on the server.',
    );
    expect(text('[role=alert]')).toContain('Reference for support: corr-42');
    expect(cards()).toHaveLength(0);

    (sut.querySelector('[role=alert] button') as HTMLButtonElement).click();
    fixture.detectChanges();

    expect(api.listGroups).toHaveBeenCalledTimes(2);
    expect(sut.querySelector('[role=alert]')).toBeNull();
    expect(sut.querySelector('[role=progressbar]')).not.toBeNull();
    expect(document.activeElement?.id).toBe('groups-heading');

    respond(makeGroupList());
    expect(cards()).toHaveLength(4);
  });

  it('tells the user to check the connection when the server cannot be reached', () => {
    create('ru');
    fail(new HttpErrorResponse({ status: 0 }));

    expect(text('[role=alert]')).toContain('Не удалось связаться с сервером Kengash.');
    expect(text('[role=alert] button')).toBe('Повторить');
  });

  it('shows the current chairmanship under the council name', () => {
    create();
    respond(makeGroupList());
    const chair = { country: CountryCode.Kazakhstan, periodStart: '2025-01-01', periodEnd: '2025-12-31' };
    council.next({
      id: 'council',
      name: { en: 'Council' },
      defaultTimeZone: 'Asia/Almaty',
      memberCountries: [CountryCode.Kazakhstan],
      chairmanships: [chair],
      currentChair: chair,
      demo: true,
    });
    fixture.detectChanges();

    expect(text('[data-testid=current-chair]')).toBe('Chair: Kazakhstan (2025)');

    useTestLocale('ru');
    fixture.detectChanges();
    expect(text('[data-testid=current-chair]')).toBe('Председатель: Казахстан (2025)');
  });

  it('shows no chairmanship when the settings cannot be read', () => {
    create();
    respond(makeGroupList());
    council.error(new HttpErrorResponse({ status: 503 }));
    fixture.detectChanges();

    expect(sut.querySelector('[data-testid=current-chair]')).toBeNull();
    expect(cards()).toHaveLength(4);
  });

  describe('my working groups', () => {
    it('is not shown to a signed-out visitor', () => {
      create();
      respond(makeGroupList());

      expect(sut.querySelector('[data-testid=my-groups]')).toBeNull();
      expect(cards()).toHaveLength(4);
    });

    it('lists only the groups the signed-in person belongs to, with their role, above the list', () => {
      signInWith([membership('wg-psychosocial', GroupRole.Member)]);
      create();
      respond(makeGroupList());

      expect(myGroups()).toEqual(['Psychosocial Support, Member']);
      expect(text('#my-groups-heading')).toBe('My working groups');
      const section = sut.querySelector('[data-testid=my-groups]');
      const list = sut.querySelector('section.groups');
      expect(section && list && section.compareDocumentPosition(list) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
      expect(cards()).toHaveLength(4);
      expect(sut.querySelector('[data-testid=my-group] a')?.getAttribute('href')).toBe('/groups/psychosocial-support');
      expect(sut.querySelector('[data-testid=dashboard-link]')?.getAttribute('href')).toBe('/dashboard');
    });

    it('translates group names and roles', () => {
      signInWith([membership('wg-accountability', GroupRole.Chair), membership('wg-civil-society', GroupRole.CoChair)]);
      create('ru');
      respond(makeGroupList());

      expect(myGroups()).toEqual([
        'Подотчётность и правосудие, Председатель',
        'Взаимодействие с гражданским обществом, Сопредседатель',
      ]);
    });

    it('says so when the person belongs to no group, and follows sign-out', () => {
      signInWith([]);
      create();
      respond(makeGroupList());

      expect(myGroups()).toEqual([]);
      expect(text('[data-testid=my-groups]')).toContain('You are not a member of any working group yet.');

      user.set(null);
      fixture.detectChanges();
      expect(sut.querySelector('[data-testid=my-groups]')).toBeNull();
    });
  });
});
