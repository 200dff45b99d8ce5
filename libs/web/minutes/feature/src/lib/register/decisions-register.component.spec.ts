import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { CurrentUser, DecisionRegisterEntry, GroupRole } from '@kengash/contracts';
import { AuthService } from '@kengash/web-identity-data-access';
import { actionItem, currentUser, decisionEntry, GROUP_ID, groupMembers } from '../testing/minutes-fixtures';
import { provideTestTranslations, useTestLocale } from '../testing/translate-testing';
import { DecisionsRegisterComponent } from './decisions-register.component';

const entry: DecisionRegisterEntry = {
  id: 'm1:i1:0',
  text: 'Adopt the work plan',
  status: 'approved',
  session: { id: 's1', title: 'Spring session', startsAt: '2031-03-12T04:00:00Z', timeZone: 'Asia/Tashkent' },
  groups: [{ id: 'g1', name: { en: 'Psychosocial Support', ru: 'Психосоциальная поддержка' } }],
  agendaItem: { key: 'i1', title: 'Work plan' },
  result: { tally: { yes: 3, no: 1 }, votesCast: 4, quorumReached: true, outcome: 'adopted' },
  minutesId: 'm1',
  fromPublicSummary: false,
};

function must<T>(value: T | null | undefined): T {
  if (value === null || value === undefined) throw new Error('missing element');
  return value;
}

describe('DecisionsRegisterComponent', () => {
  let fixture: ComponentFixture<DecisionsRegisterComponent>;
  let http: HttpTestingController;
  let sut: HTMLElement;
  const text = (id: string) => sut.querySelector(`[data-testid=${id}]`)?.textContent?.replace(/\s+/g, ' ').trim();

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [DecisionsRegisterComponent],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([]), provideTestTranslations()],
    });
    useTestLocale('en');
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(DecisionsRegisterComponent);
    sut = fixture.nativeElement as HTMLElement;
    fixture.detectChanges();
    http.expectOne('/api/council/groups').flush({ council: {}, groups: [] });
  });

  afterEach(() => http.verify());

  it('lists the decisions with their status, vote, session and a link to the minutes', () => {
    http.expectOne('/api/decisions').flush({ decisions: [entry], truncated: false });
    fixture.detectChanges();

    expect(text('decision')).toContain('Adopt the work plan');
    expect(text('decision')).toContain('Approved');
    expect(text('decision')).toContain('Adopted (yes 3, no 1)');
    expect(text('decision')).toContain('Psychosocial Support');
    expect(sut.querySelector('[data-testid=decision] a[href="/minutes/m1"]')).not.toBeNull();
    expect(sut.querySelector('[data-testid=my-actions-link]')?.getAttribute('href')).toBe('/minutes/actions');
  });

  it('searches by text', async () => {
    http.expectOne('/api/decisions').flush({ decisions: [], truncated: false });
    fixture.detectChanges();
    expect(sut.textContent).toContain('No decisions found.');

    const input = must(sut.querySelector<HTMLInputElement>('[data-testid=register-q]'));
    input.value = 'plan';
    input.dispatchEvent(new Event('input'));
    await fixture.whenStable();
    must(sut.querySelector<HTMLButtonElement>('[data-testid=register-search]')).click();

    http.expectOne('/api/decisions?q=plan').flush({ decisions: [entry], truncated: true });
    fixture.detectChanges();
    expect(sut.textContent).toContain('Only the first 200 are shown');
  });
});

describe('DecisionsRegisterComponent: creating an action item from a decision', () => {
  let fixture: ComponentFixture<DecisionsRegisterComponent>;
  let http: HttpTestingController;
  let sut: HTMLElement;
  const decisions = [
    decisionEntry(),
    decisionEntry({ id: 'm2:k:1', text: 'Read from a public summary', fromPublicSummary: true }),
  ];
  const buttons = () => [...sut.querySelectorAll('[data-testid=create-action]')];

  function open(user: CurrentUser): void {
    TestBed.configureTestingModule({
      imports: [DecisionsRegisterComponent],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        provideTestTranslations(),
        { provide: AuthService, useValue: { user: signal(user) } },
      ],
    });
    useTestLocale('en');
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(DecisionsRegisterComponent);
    sut = fixture.nativeElement as HTMLElement;
    fixture.detectChanges();
    http.expectOne('/api/council/groups').flush({ council: {}, groups: [] });
    http.expectOne('/api/decisions').flush({ decisions, truncated: false });
    fixture.detectChanges();
  }

  afterEach(() => http.verify());

  it('offers members no button, and links them to the board but not to the overdue view', () => {
    open(currentUser(GroupRole.Member));

    expect(buttons()).toHaveLength(0);
    expect(sut.querySelector('[data-testid=board-link]')?.getAttribute('href')).toBe('/minutes/board');
    expect(sut.querySelector('[data-testid=overdue-link]')).toBeNull();
  });

  it('offers a chair the button on decisions of their group, not on those read from a public summary', () => {
    open(currentUser(GroupRole.Chair));

    expect(buttons()).toHaveLength(1);
    expect(buttons()[0].closest('[data-testid=decision]')?.getAttribute('data-id')).toBe('m1:i1:2');
    expect(buttons()[0].textContent).toContain('Create action item');
  });

  it('creates the item in the chair’s group only, then links to it on the board', async () => {
    open(currentUser(GroupRole.Chair));
    (buttons()[0] as HTMLButtonElement).click();
    fixture.detectChanges();
    http.expectOne(`/api/council/groups/${GROUP_ID}/members`).flush(groupMembers());
    http.expectOne(`/api/council/groups/${GROUP_ID}/work-plans`).flush({ plans: [] });
    fixture.detectChanges();

    const group = must(sut.querySelector<HTMLSelectElement>('[data-testid=action-group]'));
    expect([...group.options].map((o) => o.textContent?.trim())).toEqual(['Psychosocial Support']);
    const owner = must(sut.querySelector<HTMLSelectElement>('[data-testid=action-owner]'));
    owner.value = 'u-psy';
    owner.dispatchEvent(new Event('change'));
    const due = must(sut.querySelector<HTMLInputElement>('[data-testid=action-due]'));
    due.value = '2031-05-01';
    due.dispatchEvent(new Event('input'));
    await fixture.whenStable();
    must(sut.querySelector<HTMLButtonElement>('[data-testid=action-submit]')).click();

    const post = http.expectOne('/api/actions');
    expect(post.request.body).toMatchObject({ groupId: GROUP_ID, minutesId: 'm1', itemKey: 'i1', decisionIndex: 1 });
    post.flush(actionItem({ id: 'new', title: decisions[0].text }), { status: 201, statusText: 'Created' });
    fixture.detectChanges();

    expect(sut.querySelector('[data-testid=create-action-form]')).toBeNull();
    expect(sut.querySelector('[data-testid=action-created]')?.textContent).toContain('was created');
    expect(sut.querySelector('[data-testid=action-created-board]')?.getAttribute('href')).toBe(
      `/minutes/board?groupId=${GROUP_ID}`,
    );
  });

  it('closes the form on cancel without sending anything', () => {
    open(currentUser(GroupRole.Chair));
    (buttons()[0] as HTMLButtonElement).click();
    fixture.detectChanges();
    http.expectOne(`/api/council/groups/${GROUP_ID}/members`).flush(groupMembers());
    http.expectOne(`/api/council/groups/${GROUP_ID}/work-plans`).flush({ plans: [] });
    must(sut.querySelector<HTMLButtonElement>('[data-testid=action-cancel]')).click();
    fixture.detectChanges();

    expect(sut.querySelector('[data-testid=create-action-form]')).toBeNull();
    expect(buttons()).toHaveLength(1);
  });
});
