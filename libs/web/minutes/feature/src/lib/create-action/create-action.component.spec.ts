import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { ActionItemView, DecisionRegisterEntry } from '@kengash/contracts';
import { actionItem, decisionEntry, GROUP_ID, groupMembers, OTHER_GROUP_ID } from '../testing/minutes-fixtures';
import { provideTestTranslations, useTestLocale } from '../testing/translate-testing';
import { ActionGroupChoice, CreateActionComponent } from './create-action.component';

const PSYCHOSOCIAL: ActionGroupChoice = {
  id: GROUP_ID,
  name: { en: 'Psychosocial Support', ru: 'Психосоциальная поддержка' },
};
const ACCOUNTABILITY: ActionGroupChoice = {
  id: OTHER_GROUP_ID,
  name: { en: 'Accountability and Justice', ru: 'Ответственность и правосудие' },
};
const plans = {
  plans: [
    {
      id: 'p1',
      groupId: GROUP_ID,
      title: 'Plan 2024–2025',
      periodStart: '2024-07-01',
      periodEnd: '2025-06-30',
      demo: false,
      items: [
        { id: 'w1', objective: 'Referral protocol', groupIds: [GROUP_ID] },
        { id: 'w2', objective: 'Someone else’s item', groupIds: [OTHER_GROUP_ID] },
      ],
    },
  ],
};

describe('CreateActionComponent', () => {
  let fixture: ComponentFixture<CreateActionComponent>;
  let http: HttpTestingController;
  let sut: HTMLElement;
  let created: ActionItemView[];
  const field = <T extends HTMLElement>(id: string) => {
    const element = sut.querySelector<T>(`[data-testid=${id}]`);
    if (!element) throw new Error(`no ${id}`);
    return element;
  };
  const setValue = (id: string, value: string) => {
    const element = field<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>(id);
    element.value = value;
    element.dispatchEvent(new Event(element instanceof HTMLSelectElement ? 'change' : 'input'));
  };
  const errorsText = () =>
    [...sut.querySelectorAll('mat-error')].map((e) => e.textContent?.replace(/\s+/g, ' ').trim());

  function render(groups: ActionGroupChoice[], decision: DecisionRegisterEntry | null): void {
    TestBed.configureTestingModule({
      imports: [CreateActionComponent],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideTestTranslations()],
    });
    useTestLocale('en');
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(CreateActionComponent);
    fixture.componentRef.setInput('groups', groups);
    fixture.componentRef.setInput('decision', decision);
    created = [];
    fixture.componentInstance.created.subscribe((item) => created.push(item));
    sut = fixture.nativeElement as HTMLElement;
    fixture.detectChanges();
  }

  function loadGroup(groupId = GROUP_ID): void {
    http.expectOne(`/api/council/groups/${groupId}/members`).flush(groupMembers());
    http.expectOne(`/api/council/groups/${groupId}/work-plans`).flush(plans);
    fixture.detectChanges();
  }

  afterEach(() => http.verify());

  it('prefills the title from the decision and offers members (not observers) and the group’s work-plan items', () => {
    render([PSYCHOSOCIAL], decisionEntry());
    loadGroup();

    expect(field<HTMLTextAreaElement>('action-title').value).toBe(
      'Joint items between groups are marked in each plan and followed by both chairs.',
    );
    expect(field('action-decision').textContent).toContain('From the decision: Joint items');
    const owners = [...field<HTMLSelectElement>('action-owner').options].map((o) => o.textContent?.trim());
    expect(owners).toEqual(['Choose a person', 'Madina Abdullaeva', 'Nodira Tursunova', 'Saule Zhaksybekova']);
    const items = [...field<HTMLSelectElement>('action-work-plan').options].map((o) => o.value);
    expect(items).toEqual(['', 'w1']);
  });

  it('creates the item from the decision: its session, minutes, item and 0-based decision index', async () => {
    render([PSYCHOSOCIAL], decisionEntry({ id: 'm1:i1:2' }));
    loadGroup();

    setValue('action-owner', 'u-psy');
    setValue('action-due', '2031-05-01');
    setValue('action-work-plan', 'w1');
    await fixture.whenStable();
    field<HTMLButtonElement>('action-submit').click();

    const post = http.expectOne('/api/actions');
    expect(post.request.method).toBe('POST');
    expect(post.request.body).toEqual({
      title: 'Joint items between groups are marked in each plan and followed by both chairs.',
      groupId: GROUP_ID,
      ownerId: 'u-psy',
      dueDate: '2031-05-01',
      workPlanItemId: 'w1',
      sessionId: 's1',
      minutesId: 'm1',
      itemKey: 'i1',
      decisionIndex: 1,
    });
    const item = actionItem({ id: 'new', ownerId: 'u-psy' });
    post.flush(item, { status: 201, statusText: 'Created' });
    expect(created).toEqual([item]);
  });

  it('does not send an incomplete form, and says which fields need filling', async () => {
    render([PSYCHOSOCIAL], null);
    loadGroup();

    expect(field<HTMLTextAreaElement>('action-title').value).toBe('');
    field<HTMLButtonElement>('action-submit').click();
    await fixture.whenStable();
    fixture.detectChanges();

    http.expectNone('/api/actions');
    expect(errorsText()).toEqual([
      'Please fill in this field.',
      'Please fill in this field.',
      'Please fill in this field.',
    ]);
  });

  it('shows the API’s field errors next to the fields and the others in the alert', async () => {
    render([PSYCHOSOCIAL], decisionEntry());
    loadGroup();
    setValue('action-owner', 'u-psy');
    setValue('action-due', '2031-05-01');
    await fixture.whenStable();
    field<HTMLButtonElement>('action-submit').click();

    http.expectOne('/api/actions').flush(
      {
        statusCode: 400,
        code: 'VALIDATION_FAILED',
        message: 'The request has invalid fields',
        details: [
          { field: 'ownerId', messages: ['must be a current member of the group, or the secretariat'] },
          { field: 'decisionIndex', messages: ['must be a decision of the item'] },
        ],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await fixture.whenStable();
    fixture.detectChanges();

    expect(errorsText()).toContain('must be a current member of the group, or the secretariat');
    expect(field('action-form-error').textContent).toContain('Please correct the fields marked below.');
    expect(field('action-other-error').textContent?.replace(/\s+/g, ' ').trim()).toBe(
      'Decision: must be a decision of the item',
    );
    expect(created).toEqual([]);
  });

  it('shows the API’s reason when it refuses outright (403)', async () => {
    render([PSYCHOSOCIAL], null);
    loadGroup();
    setValue('action-title', 'Draft the referral protocol');
    setValue('action-owner', 'u-psy');
    setValue('action-due', '2031-05-01');
    await fixture.whenStable();
    field<HTMLButtonElement>('action-submit').click();

    http.expectOne('/api/actions').flush(
      {
        statusCode: 403,
        code: 'FORBIDDEN',
        message: 'Only the chair, a co-chair, the rapporteur or the secretariat can create action items',
      },
      { status: 403, statusText: 'Forbidden' },
    );
    fixture.detectChanges();

    expect(field('action-form-error').textContent).toContain('Only the chair, a co-chair');
  });

  it('loads the owners of another group when the group changes', () => {
    render([PSYCHOSOCIAL, ACCOUNTABILITY], decisionEntry());
    loadGroup();
    setValue('action-owner', 'u-psy');

    setValue('action-group', OTHER_GROUP_ID);
    http
      .expectOne(`/api/council/groups/${OTHER_GROUP_ID}/members`)
      .flush({ current: [groupMembers().current[0]], past: [] });
    http
      .expectOne(`/api/council/groups/${OTHER_GROUP_ID}/work-plans`)
      .flush({ plans: [] }, { status: 500, statusText: 'Server Error' });
    fixture.detectChanges();

    const select = field<HTMLSelectElement>('action-owner');
    expect(select.value).toBe('');
    expect([...select.options].map((o) => o.value)).toEqual(['', 'u-chair']);
    expect(field('work-plan-failed').textContent).toContain('could not be loaded');
  });
});
