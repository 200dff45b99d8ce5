import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { ActionItemStatus, ActionItemView, CurrentUser, GroupRole } from '@kengash/contracts';
import { AuthService } from '@kengash/web-identity-data-access';
import { TranslateService } from '@ngx-translate/core';
import { localToday } from '../shared/action-dates';
import { actionItem, currentUser, GROUP_ID, groupMembers, OTHER_GROUP_ID } from '../testing/minutes-fixtures';
import { provideTestTranslations, useTestLocale } from '../testing/translate-testing';
import { ActionBoardComponent, boardQueryParams, parseBoardFilters } from './action-board.component';

const groupsResponse = {
  council: {},
  groups: [
    {
      id: GROUP_ID,
      slug: 'psychosocial-support',
      name: { en: 'Psychosocial Support', ru: 'Психосоциальная поддержка' },
    },
    { id: OTHER_GROUP_ID, slug: 'accountability', name: { en: 'Accountability and Justice', ru: 'Ответственность' } },
  ],
};

function daysAgo(days: number): string {
  const day = new Date();
  day.setDate(day.getDate() - days);
  return localToday(day);
}

const overdueItem = actionItem({
  id: 'a1',
  title: 'Share the plans with the focal points',
  dueDate: daysAgo(3),
  overdue: true,
  ownerId: 'u-owner',
});
const startedItem = actionItem({
  id: 'a2',
  title: 'Outline the practitioners’ network',
  status: ActionItemStatus.InProgress,
  dueDate: '2099-01-15',
  ownerId: 'u-me',
  ownerName: 'Nodira Tursunova',
  minutesId: null,
  sessionId: null,
});

describe('ActionBoardComponent', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;
  let sut: HTMLElement;
  const text = (element: Element | null | undefined) => element?.textContent?.replace(/\s+/g, ' ').trim();
  const one = <T extends Element>(selector: string, root: ParentNode = sut) => {
    const element = root.querySelector<T>(selector);
    if (!element) throw new Error(`no ${selector}`);
    return element;
  };
  const card = (id: string) => one(`[data-testid=board-card][data-id="${id}"]`);
  const column = (status: string) => one(`[data-testid=board-column][data-status=${status}]`);
  const count = (status: string) => text(one('[data-testid=column-count]', column(status)));
  const url = () => TestBed.inject(Router).url;

  async function open(path: string, user: CurrentUser, expected: string, items: ActionItemView[]): Promise<void> {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([{ path: 'minutes/board', component: ActionBoardComponent }], withComponentInputBinding()),
        provideTestTranslations(),
        { provide: AuthService, useValue: { user: signal(user) } },
      ],
    });
    useTestLocale('en');
    http = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create(path);
    sut = harness.routeNativeElement as HTMLElement;
    http.expectOne('/api/council/groups').flush(groupsResponse);
    http.expectOne(expected).flush({ items });
    harness.detectChanges();
  }

  afterEach(() => http.verify());

  it('shows a column per status with its count, and cards with owner, due date, group and source', async () => {
    await open('/minutes/board', currentUser(GroupRole.Member), '/api/actions', [overdueItem, startedItem]);

    expect(one('h1').textContent?.trim()).toBe('Action board');
    expect([...sut.querySelectorAll('[data-testid=board-column] h2')].map((h) => text(h))).toEqual([
      'Open 1',
      'In progress 1',
      'Done 0',
      'Dropped 0',
    ]);
    expect(text(one('[data-testid=board-total]'))).toBe('2 action item(s)');
    expect(card('a1').closest('[data-testid=board-column]')?.getAttribute('data-status')).toBe('open');
    expect(text(one('[data-testid=card-owner]', card('a1')))).toBe('Saule Zhaksybekova');
    expect(text(one('[data-testid=card-group]', card('a1')))).toBe('Psychosocial Support');
    expect(text(one('[data-testid=card-due]', card('a2')))).toBe('Jan 15, 2099');
    expect(one('[data-testid=card-session]', card('a1')).getAttribute('href')).toBe('/sessions/s1');
    expect(one('[data-testid=card-decision]', card('a1')).getAttribute('href')).toBe('/minutes/m1');
    expect(card('a2').querySelector('[data-testid=card-session]')).toBeNull();
    expect(text(column('done'))).toContain('No items.');
  });

  it('says in words how many days an item is overdue', async () => {
    await open('/minutes/board', currentUser(GroupRole.Member), '/api/actions', [overdueItem, startedItem]);

    expect(text(one('[data-testid=card-overdue]', card('a1')))).toBe('Overdue by 3 days');
    expect(card('a2').querySelector('[data-testid=card-overdue]')).toBeNull();
  });

  it('says it in Russian too, with the Russian plural', async () => {
    await open('/minutes/board', currentUser(GroupRole.Member), '/api/actions', [overdueItem]);

    TestBed.inject(TranslateService).use('ru');
    harness.detectChanges();

    expect(one('h1').textContent?.trim()).toBe('Доска поручений');
    expect(text(one('[data-testid=card-overdue]', card('a1')))).toBe('Просрочено на 3 дня');
  });

  it('lets a member move only the items they own, and edit none', async () => {
    await open('/minutes/board', currentUser(GroupRole.Member), '/api/actions', [overdueItem, startedItem]);

    expect(card('a1').querySelector('[data-testid=move-button]')).toBeNull();
    expect(card('a2').querySelector('[data-testid=move-button]')).not.toBeNull();
    expect(sut.querySelector('[data-testid=edit-button]')).toBeNull();
    expect(sut.querySelector('[data-testid=new-action]')).toBeNull();
  });

  it('reads the filters from the address and lists only the groups the person reads', async () => {
    await open(
      `/minutes/board?groupId=${GROUP_ID}&status=open&owner=me&overdue=true`,
      currentUser(GroupRole.Chair),
      `/api/actions?groupId=${GROUP_ID}&status=open&owner=me&overdue=true`,
      [overdueItem],
    );

    expect(one('h1').textContent?.trim()).toBe('Overdue action items');
    expect([...sut.querySelectorAll('[data-testid=board-column]')].map((c) => c.getAttribute('data-status'))).toEqual([
      'open',
    ]);
    const groups = one<HTMLSelectElement>('[data-testid=filter-group]');
    expect([...groups.options].map((o) => o.textContent?.trim())).toEqual(['All my groups', 'Psychosocial Support']);
    expect(groups.value).toBe(GROUP_ID);
    expect(one<HTMLSelectElement>('[data-testid=filter-status]').value).toBe('open');
    expect(one<HTMLSelectElement>('[data-testid=filter-owner]').value).toBe('me');
    expect(one<HTMLInputElement>('[data-testid=filter-overdue] input').checked).toBe(true);
    expect(one('[data-testid=overdue-link]').getAttribute('aria-current')).toBe('page');
  });

  it('keeps a changed filter in the address and loads the board again', async () => {
    await open('/minutes/board', currentUser(GroupRole.Chair), '/api/actions', [overdueItem, startedItem]);

    one<HTMLInputElement>('[data-testid=filter-overdue] input').click();
    await harness.fixture.whenStable();
    expect(url()).toBe('/minutes/board?overdue=true');
    http.expectOne('/api/actions?overdue=true').flush({ items: [overdueItem] });
    harness.detectChanges();
    expect(count('open')).toBe('1');
    expect(count('in_progress')).toBe('0');

    const status = one<HTMLSelectElement>('[data-testid=filter-status]');
    status.value = 'in_progress';
    status.dispatchEvent(new Event('change'));
    await harness.fixture.whenStable();
    expect(url()).toBe('/minutes/board?status=in_progress&overdue=true');
    http.expectOne('/api/actions?status=in_progress&overdue=true').flush({ items: [] });
    harness.detectChanges();

    one<HTMLButtonElement>('[data-testid=clear-filters]').click();
    await harness.fixture.whenStable();
    expect(url()).toBe('/minutes/board');
    http.expectOne('/api/actions').flush({ items: [] });
  });

  it('ignores filter values the API would refuse', () => {
    expect(parseBoardFilters({ groupId: 'x', status: 'closed', owner: 'them', overdue: 'yes' })).toEqual({
      groupId: '',
      status: '',
      owner: '',
      overdue: false,
    });
    expect(boardQueryParams({ groupId: '', status: ActionItemStatus.Done, owner: 'me', overdue: false })).toEqual({
      status: 'done',
      owner: 'me',
    });
  });

  it('moves an item to another status with its version, and says so', async () => {
    await open('/minutes/board', currentUser(GroupRole.Member), '/api/actions', [overdueItem, startedItem]);

    one<HTMLButtonElement>('[data-testid=move-button]', card('a2')).click();
    harness.detectChanges();
    expect([...document.querySelectorAll('[data-testid^=move-to-]')].map((b) => text(b))).toEqual([
      'Move to Open',
      'Move to Done',
      'Move to Dropped',
    ]);
    one<HTMLButtonElement>('[data-testid=move-to-done]', document).click();
    harness.detectChanges();
    expect(card('a2').closest('[data-testid=board-column]')?.getAttribute('data-status')).toBe('done');

    const patch = http.expectOne('/api/actions/a2');
    expect(patch.request.method).toBe('PATCH');
    expect(patch.request.body).toEqual({ version: 1, status: 'done' });
    patch.flush({ ...startedItem, status: ActionItemStatus.Done, version: 2 });
    harness.detectChanges();
    expect(text(one('[data-testid=board-message]'))).toBe('“Outline the practitioners’ network” was moved to Done.');
    expect(count('done')).toBe('1');
    expect(count('in_progress')).toBe('0');
  });

  it('reloads the board and tells the person when the item changed meanwhile (409)', async () => {
    await open('/minutes/board', currentUser(GroupRole.Member), '/api/actions', [overdueItem, startedItem]);

    one<HTMLButtonElement>('[data-testid=move-button]', card('a2')).click();
    harness.detectChanges();
    one<HTMLButtonElement>('[data-testid=move-to-done]', document).click();
    http
      .expectOne('/api/actions/a2')
      .flush({ statusCode: 409, code: 'CONFLICT', message: 'Stale' }, { status: 409, statusText: 'Conflict' });
    http.expectOne('/api/actions').flush({ items: [overdueItem, { ...startedItem, title: 'Renamed', version: 2 }] });
    harness.detectChanges();

    expect(one('[data-testid=board-message]').getAttribute('role')).toBe('alert');
    expect(text(one('[data-testid=board-message]'))).toContain('Someone else changed this action item meanwhile');
    expect(text(one('[data-testid=card-title]', card('a2')))).toBe('Renamed');
    expect(count('in_progress')).toBe('1');
  });

  it('shows the API’s reason when a move is refused', async () => {
    await open('/minutes/board', currentUser(GroupRole.Member), '/api/actions', [startedItem]);

    one<HTMLButtonElement>('[data-testid=move-button]', card('a2')).click();
    harness.detectChanges();
    one<HTMLButtonElement>('[data-testid=move-to-dropped]', document).click();
    http
      .expectOne('/api/actions/a2')
      .flush(
        { statusCode: 403, code: 'FORBIDDEN', message: 'As its owner you may change only the status' },
        { status: 403, statusText: 'Forbidden' },
      );
    harness.detectChanges();

    expect(text(one('[data-testid=board-message]'))).toBe(
      'The change could not be saved: As its owner you may change only the status',
    );
    expect(count('in_progress')).toBe('1');
  });

  it('lets a chair edit the title, owner and due date, sending only what changed with the version', async () => {
    await open('/minutes/board', currentUser(GroupRole.Chair), '/api/actions', [overdueItem]);

    one<HTMLButtonElement>('[data-testid=edit-button]', card('a1')).click();
    harness.detectChanges();
    http.expectOne(`/api/council/groups/${GROUP_ID}/members`).flush(groupMembers());
    harness.detectChanges();
    const owner = one<HTMLSelectElement>('[data-testid=edit-owner]');
    expect(owner.value).toBe('u-owner');
    owner.value = 'u-psy';
    owner.dispatchEvent(new Event('change'));
    const due = one<HTMLInputElement>('[data-testid=edit-due]');
    due.value = '2099-02-01';
    due.dispatchEvent(new Event('input'));
    await harness.fixture.whenStable();
    one<HTMLButtonElement>('[data-testid=edit-save]').click();

    const patch = http.expectOne('/api/actions/a1');
    expect(patch.request.body).toEqual({ version: 1, ownerId: 'u-psy', dueDate: '2099-02-01' });
    patch.flush({
      ...overdueItem,
      ownerId: 'u-psy',
      ownerName: 'Nodira Tursunova',
      dueDate: '2099-02-01',
      overdue: false,
      version: 2,
    });
    harness.detectChanges();

    expect(sut.querySelector('[data-testid=edit-form]')).toBeNull();
    expect(text(one('[data-testid=card-owner]', card('a1')))).toBe('Nodira Tursunova');
    expect(card('a1').querySelector('[data-testid=card-overdue]')).toBeNull();
    expect(text(one('[data-testid=board-message]'))).toBe('The action item was saved.');
  });

  it('shows field errors from the API next to the edited fields, and reloads on 409', async () => {
    await open('/minutes/board', currentUser(GroupRole.Chair), '/api/actions', [overdueItem]);
    one<HTMLButtonElement>('[data-testid=edit-button]', card('a1')).click();
    harness.detectChanges();
    http.expectOne(`/api/council/groups/${GROUP_ID}/members`).flush(groupMembers());
    harness.detectChanges();
    // Her term ended a moment ago: the API refuses her as the owner.
    const owner = one<HTMLSelectElement>('[data-testid=edit-owner]');
    owner.value = 'u-chair';
    owner.dispatchEvent(new Event('change'));
    await harness.fixture.whenStable();
    one<HTMLButtonElement>('[data-testid=edit-save]').click();

    const refused = http.expectOne('/api/actions/a1');
    expect(refused.request.body).toEqual({ version: 1, ownerId: 'u-chair' });
    refused.flush(
      {
        statusCode: 400,
        code: 'VALIDATION_FAILED',
        message: 'The request has invalid fields',
        details: [{ field: 'ownerId', messages: ['must be a current member of the group, or the secretariat'] }],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await harness.fixture.whenStable();
    harness.detectChanges();
    expect(text(one('[data-testid=edit-form] mat-error'))).toBe(
      'must be a current member of the group, or the secretariat',
    );
    expect(text(one('[data-testid=edit-error]'))).toBe('Please correct the fields marked below.');

    const due = one<HTMLInputElement>('[data-testid=edit-due]');
    due.value = '2099-03-01';
    due.dispatchEvent(new Event('input'));
    await harness.fixture.whenStable();
    one<HTMLButtonElement>('[data-testid=edit-save]').click();
    http
      .expectOne('/api/actions/a1')
      .flush({ statusCode: 409, code: 'CONFLICT', message: 'Stale' }, { status: 409, statusText: 'Conflict' });
    http.expectOne('/api/actions').flush({ items: [{ ...overdueItem, version: 3 }] });
    harness.detectChanges();

    expect(sut.querySelector('[data-testid=edit-form]')).toBeNull();
    expect(text(one('[data-testid=board-message]'))).toContain('The board was reloaded');
  });

  it('lets a chair create an item in the groups they chair, then reloads', async () => {
    await open('/minutes/board', currentUser(GroupRole.Chair), '/api/actions', []);

    one<HTMLButtonElement>('[data-testid=new-action]').click();
    harness.detectChanges();
    http.expectOne(`/api/council/groups/${GROUP_ID}/members`).flush(groupMembers());
    http.expectOne(`/api/council/groups/${GROUP_ID}/work-plans`).flush({ plans: [] });
    harness.detectChanges();
    const groups = one<HTMLSelectElement>('[data-testid=action-group]');
    expect([...groups.options].map((o) => o.textContent?.trim())).toEqual(['Psychosocial Support']);
    const title = one<HTMLTextAreaElement>('[data-testid=action-title]');
    title.value = 'Draft the referral protocol';
    title.dispatchEvent(new Event('input'));
    const owner = one<HTMLSelectElement>('[data-testid=action-owner]');
    owner.value = 'u-psy';
    owner.dispatchEvent(new Event('change'));
    const due = one<HTMLInputElement>('[data-testid=action-due]');
    due.value = '2099-05-01';
    due.dispatchEvent(new Event('input'));
    await harness.fixture.whenStable();
    one<HTMLButtonElement>('[data-testid=action-submit]').click();

    const post = http.expectOne('/api/actions');
    expect(post.request.body).toEqual({
      title: 'Draft the referral protocol',
      groupId: GROUP_ID,
      ownerId: 'u-psy',
      dueDate: '2099-05-01',
    });
    post.flush(actionItem({ id: 'a9', title: 'Draft the referral protocol' }), { status: 201, statusText: 'Created' });
    http.expectOne('/api/actions').flush({ items: [actionItem({ id: 'a9', title: 'Draft the referral protocol' })] });
    harness.detectChanges();

    expect(text(one('[data-testid=board-message]'))).toBe('“Draft the referral protocol” was created.');
    expect(count('open')).toBe('1');
  });
});
