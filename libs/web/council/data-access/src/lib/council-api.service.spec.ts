import { HttpErrorResponse, provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import {
  CountryCode,
  ErrorCode,
  ErrorResponse,
  GroupRole,
  GroupVisibility,
  WorkingGroupListResponse,
  WorkingGroupTheme,
  WorkPlanItem,
  WorkPlanItemStatus,
} from '@kengash/contracts';
import { Observable } from 'rxjs';
import { conflictingItem, CouncilApiService } from './council-api.service';

describe('CouncilApiService', () => {
  let sut: CouncilApiService;
  let http: HttpTestingController;

  const response: WorkingGroupListResponse = {
    council: {
      id: 'c1',
      name: {
        en: 'Regional Expert Council',
        ru: 'Региональный экспертный совет',
      },
      demo: true,
    },
    groups: [
      {
        id: 'g1',
        slug: 'psychosocial-support',
        name: { en: 'Psychosocial Support', ru: 'Психосоциальная поддержка' },
        theme: WorkingGroupTheme.PsychosocialSupport,
        mandate: { en: 'Mandate', ru: 'Мандат' },
        periodStart: '2024-01-01',
        periodEnd: '2025-12-31',
        memberCount: 12,
        countries: [CountryCode.Kazakhstan, CountryCode.Uzbekistan],
      },
    ],
  };

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting()],
    });
    sut = TestBed.inject(CouncilApiService);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('reads the council and its groups with GET /api/council/groups', () => {
    let received: WorkingGroupListResponse | undefined;
    sut.listGroups().subscribe((value) => (received = value));

    const request = http.expectOne('/api/council/groups');
    expect(request.request.method).toBe('GET');
    request.flush(response);

    expect(received).toEqual(response);
  });

  it('passes the API error body through to the caller', () => {
    const body: ErrorResponse = {
      statusCode: 503,
      code: ErrorCode.ServiceUnavailable,
      message: 'Database unavailable',
      correlationId: 'abc-123',
    };
    let failure: HttpErrorResponse | undefined;
    sut.listGroups().subscribe({
      error: (error: HttpErrorResponse) => (failure = error),
    });

    http.expectOne('/api/council/groups').flush(body, { status: 503, statusText: 'Service Unavailable' });

    expect(failure?.status).toBe(503);
    expect(failure?.error).toEqual(body);
  });
  const item: WorkPlanItem = {
    id: 'item 1',
    planId: 'p1',
    objective: 'Train psychologists',
    deliverable: 'Training module',
    ownerId: null,
    ownerName: null,
    dueDate: '2025-06-30',
    status: WorkPlanItemStatus.InProgress,
    progress: 40,
    groupIds: ['g1'],
    sessionIds: [],
    commentCount: 0,
    version: 3,
    updatedAt: '2025-01-01T00:00:00Z',
    demo: true,
  };

  /** Subscribes, answers the one expected request, and returns what the caller received. */
  function call<T>(
    observable: Observable<T>,
    method: string,
    url: string,
    answer: object | null,
    status = 200,
  ): { value: T | undefined; body: unknown } {
    let value: T | undefined;
    observable.subscribe((received) => (value = received));
    const request = http.expectOne((candidate) => candidate.urlWithParams === url);
    expect(request.request.method).toBe(method);
    request.flush(answer, { status, statusText: 'OK' });
    return { value, body: request.request.body };
  }

  it('asks for archived groups only when told to', () => {
    const { value } = call(sut.listGroups({ archived: true }), 'GET', '/api/council/groups?archived=true', response);
    expect(value).toEqual(response);
  });

  it('reads and changes the council settings', () => {
    const settings = { id: 'c1', name: { en: 'Council' } };
    expect(call(sut.getCouncil(), 'GET', '/api/council', settings).value).toEqual(settings);
    const patch = call(sut.updateCouncil({ defaultTimeZone: 'Asia/Almaty' }), 'PATCH', '/api/council', settings);
    expect(patch.body).toEqual({ defaultTimeZone: 'Asia/Almaty' });
  });

  it('reads a group by its slug, escaping the slug', () => {
    const group = { id: 'g1', slug: 'a b' };
    expect(call(sut.getGroupBySlug('a b'), 'GET', '/api/council/groups/by-slug/a%20b', group).value).toEqual(group);
  });

  it('creates, updates and archives groups', () => {
    const group = { id: 'g1' };
    const created = call(
      sut.createGroup({
        slug: 'new',
        name: { en: 'New' },
        mandate: { en: 'M' },
        theme: WorkingGroupTheme.CivilSociety,
        periodStart: '2025-01-01',
        periodEnd: '2025-12-31',
        visibility: GroupVisibility.Council,
      }),
      'POST',
      '/api/council/groups',
      group,
      201,
    );
    expect(created.value).toEqual(group);
    expect(call(sut.updateGroup('g1', { name: { en: 'N' } }), 'PATCH', '/api/council/groups/g1', group).body).toEqual({
      name: { en: 'N' },
    });
    call(sut.archiveGroup('g1'), 'POST', '/api/council/groups/g1/archive', group);
  });

  it('lists, adds, changes, removes and imports members', () => {
    const members = { current: [], past: [] };
    expect(call(sut.listMembers('g1'), 'GET', '/api/council/groups/g1/members', members).value).toEqual(members);
    call(sut.listMembers('g1', true), 'GET', '/api/council/groups/g1/members?history=true', members);
    const added = call(
      sut.addMember('g1', { userId: 'u1', role: GroupRole.Member, termStart: '2025-01-01' }),
      'POST',
      '/api/council/groups/g1/members',
      {},
      201,
    );
    expect(added.body).toEqual({ userId: 'u1', role: GroupRole.Member, termStart: '2025-01-01' });
    expect(
      call(sut.updateMembership('g1', 'm1', { termEnd: null }), 'PATCH', '/api/council/groups/g1/members/m1', {}).body,
    ).toEqual({ termEnd: null });
    let removed = false;
    sut.removeMember('g1', 'u1').subscribe(() => (removed = true));
    const remove = http.expectOne('/api/council/groups/g1/members/u1');
    expect(remove.request.method).toBe('DELETE');
    remove.flush(null, { status: 204, statusText: 'No Content' });
    expect(removed).toBe(true);
    const result = { created: 1, unchanged: 0, rejected: [] };
    const imported = call(
      sut.importMembers('g1', 'email,role\n'),
      'POST',
      '/api/council/groups/g1/members/import',
      result,
    );
    expect(imported.body).toEqual({ csv: 'email,role\n' });
    expect(imported.value).toEqual(result);
  });

  it('reads and writes work plans, items and comments', () => {
    call(sut.listWorkPlans('g1'), 'GET', '/api/council/groups/g1/work-plans', { plans: [] });
    call(
      sut.createWorkPlan('g1', { title: 'Plan', periodStart: '2024-01-01', periodEnd: '2025-12-31' }),
      'POST',
      '/api/council/groups/g1/work-plans',
      {},
      201,
    );
    call(
      sut.createWorkPlanItem('p1', { objective: 'O', deliverable: 'D' }),
      'POST',
      '/api/council/work-plans/p1/items',
      item,
      201,
    );
    const update = call(
      sut.updateWorkPlanItem('item 1', { progress: 50, version: 3 }),
      'PATCH',
      '/api/council/work-plan-items/item%201',
      item,
    );
    expect(update.body).toEqual({ progress: 50, version: 3 });
    sut.deleteWorkPlanItem('i1').subscribe();
    const remove = http.expectOne('/api/council/work-plan-items/i1');
    expect(remove.request.method).toBe('DELETE');
    remove.flush(null, { status: 204, statusText: 'No Content' });
    const comment = { id: 'c1', body: 'Hello' };
    expect(
      call(sut.listComments('i1'), 'GET', '/api/council/work-plan-items/i1/comments', { items: [comment] }).value,
    ).toEqual([comment]);
    expect(
      call(sut.addComment('i1', { body: 'Hello' }), 'POST', '/api/council/work-plan-items/i1/comments', comment, 201)
        .body,
    ).toEqual({ body: 'Hello' });
  });

  it('reads the dashboard', () => {
    expect(call(sut.getDashboard(), 'GET', '/api/council/dashboard', { groups: [] }).value).toEqual({ groups: [] });
  });

  describe('conflictingItem', () => {
    it('reads the current item out of a 409 for a stale version', () => {
      let failure: unknown;
      sut
        .updateWorkPlanItem('i1', { progress: 100, version: 2 })
        .subscribe({ error: (error: unknown) => (failure = error) });
      const body: ErrorResponse = {
        statusCode: 409,
        code: ErrorCode.Conflict,
        message: 'Changed by someone else',
        details: { current: item },
        correlationId: 'x',
      };
      http.expectOne('/api/council/work-plan-items/i1').flush(body, { status: 409, statusText: 'Conflict' });

      expect(conflictingItem(failure)).toEqual(item);
    });

    it('is null for other errors', () => {
      expect(
        conflictingItem(new HttpErrorResponse({ status: 400, error: { code: ErrorCode.ValidationFailed } })),
      ).toBeNull();
      expect(
        conflictingItem(new HttpErrorResponse({ status: 409, error: { code: ErrorCode.Conflict, message: 'x' } })),
      ).toBeNull();
      expect(conflictingItem(new Error('boom'))).toBeNull();
    });
  });
});
