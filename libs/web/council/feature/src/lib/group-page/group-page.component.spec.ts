import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import {
  GroupMembersResponse,
  GroupRole,
  GroupVisibility,
  WorkingGroupDetail,
  WorkPlanListResponse,
} from '@kengash/contracts';
import { CouncilApiService } from '@kengash/web-council-data-access';
import { AdminApiService } from '@kengash/web-identity-data-access';
import { HttpErrorResponse } from '@angular/common/http';
import { of, Subject, throwError } from 'rxjs';
import { makeGroupDetail, makeItem } from '../testing/council-fixtures';
import { provideTestTranslations, useTestLocale } from '../testing/translate-testing';
import { GroupPageComponent } from './group-page.component';

describe('GroupPageComponent', () => {
  let fixture: ComponentFixture<GroupPageComponent>;
  let sut: HTMLElement;
  let group: Subject<WorkingGroupDetail>;
  const plans: WorkPlanListResponse = {
    plans: [
      {
        id: 'plan-1',
        groupId: 'wg-psychosocial',
        title: 'Work plan 2024–2025',
        periodStart: '2024-01-01',
        periodEnd: '2025-12-31',
        items: [makeItem()],
        demo: true,
      },
    ],
  };
  const members: GroupMembersResponse = {
    current: [
      {
        membershipId: 'm1',
        userId: 'u1',
        displayName: 'Aigerim Sadykova',
        organisation: 'Ministry of Health',
        country: null,
        role: GroupRole.Chair,
        termStart: '2024-01-01',
        termEnd: null,
        current: true,
      },
    ],
    past: [],
  };
  const api = {
    getGroupBySlug: jest.fn(() => {
      group = new Subject<WorkingGroupDetail>();
      return group;
    }),
    listWorkPlans: jest.fn(() => of(plans)),
    listMembers: jest.fn(() => of(members)),
  };

  function open(detail: WorkingGroupDetail): void {
    useTestLocale('en');
    fixture = TestBed.createComponent(GroupPageComponent);
    fixture.componentRef.setInput('slug', 'psychosocial-support');
    fixture.detectChanges();
    group.next(detail);
    fixture.detectChanges();
    sut = fixture.nativeElement as HTMLElement;
  }

  const has = (id: string) => sut.querySelector(`[data-testid=${id}]`) !== null;
  const text = (id: string) => sut.querySelector(`[data-testid=${id}]`)?.textContent?.replace(/\s+/g, ' ').trim();

  beforeEach(() => {
    jest.clearAllMocks();
    TestBed.configureTestingModule({
      imports: [GroupPageComponent],
      providers: [
        provideRouter([]),
        provideTestTranslations(),
        { provide: CouncilApiService, useValue: api },
        { provide: AdminApiService, useValue: { listUsers: () => of({ items: [] }) } },
      ],
    });
  });

  it('loads the group by its slug and shows its header, work plan and members', () => {
    open(makeGroupDetail({ visibility: GroupVisibility.Restricted, myRole: GroupRole.Member }));

    expect(api.getGroupBySlug).toHaveBeenCalledWith('psychosocial-support');
    expect(text('group-name')).toBe('Psychosocial Support');
    expect(text('visibility-badge')).toBe('Restricted to members');
    expect(has('archived-badge')).toBe(false);
    expect(sut.textContent).toContain('Your role: Member');
    expect(api.listWorkPlans).toHaveBeenCalledWith('wg-psychosocial');
    expect(sut.querySelectorAll('[data-testid=work-plan-item]')).toHaveLength(1);
    expect(text('member-row')).toContain('Aigerim Sadykova');
  });

  it('shows no editing controls to someone who may only read', () => {
    open(makeGroupDetail());

    for (const control of [
      'edit-item',
      'delete-item',
      'open-add-item-plan-1',
      'open-new-plan',
      'open-add-member',
      'open-import',
      'remove-member',
      'archive-group',
    ]) {
      expect({ control, shown: has(control) }).toEqual({ control, shown: false });
    }
  });

  it('shows each control the API allows, and only those', () => {
    open(makeGroupDetail({ can: { editPlan: true, comment: true, manageMembers: false, manageGroup: false } }));
    expect(has('edit-item')).toBe(true);
    expect(has('open-add-item-plan-1')).toBe(true);
    expect(has('open-add-member')).toBe(false);
    expect(has('archive-group')).toBe(false);

    open(makeGroupDetail({ can: { editPlan: false, comment: false, manageMembers: true, manageGroup: true } }));
    expect(has('edit-item')).toBe(false);
    expect(has('open-add-member')).toBe(true);
    expect(has('open-import')).toBe(true);
    expect(has('remove-member')).toBe(true);
    expect(has('archive-group')).toBe(true);
  });

  it('shows an archived group as archived, without the archive button', () => {
    open(
      makeGroupDetail({
        archivedAt: '2025-02-01T09:00:00Z',
        can: { editPlan: false, comment: false, manageMembers: false, manageGroup: true },
      }),
    );

    expect(text('archived-badge')).toBe('Archived on Feb 1, 2025');
    expect(has('archive-group')).toBe(false);
  });

  it('says so when the group does not exist or is closed to the viewer', () => {
    useTestLocale('en');
    api.getGroupBySlug.mockReturnValueOnce(throwError(() => new HttpErrorResponse({ status: 404 })) as never);
    fixture = TestBed.createComponent(GroupPageComponent);
    fixture.componentRef.setInput('slug', 'secret');
    fixture.detectChanges();
    sut = fixture.nativeElement as HTMLElement;

    expect(text('group-not-found')).toContain('There is no working group at this address');
  });
});
