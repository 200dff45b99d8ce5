import {
  CountryCode,
  DashboardGroup,
  GroupVisibility,
  WorkingGroupDetail,
  WorkingGroupListResponse,
  WorkingGroupSummary,
  WorkingGroupTheme,
  WorkPlanItem,
  WorkPlanItemStatus,
} from '@kengash/contracts';

/** Test data for specs of this library only (not exported from the public index). */
export function makeGroup(overrides: Partial<WorkingGroupSummary> = {}): WorkingGroupSummary {
  return {
    id: 'wg-psychosocial',
    slug: 'psychosocial-support',
    name: { en: 'Psychosocial Support', ru: 'Психосоциальная поддержка' },
    theme: WorkingGroupTheme.PsychosocialSupport,
    mandate: {
      en: 'Shares methods of psychosocial rehabilitation.',
      ru: 'Обмен методами психосоциальной реабилитации.',
    },
    periodStart: '2024-01-01',
    periodEnd: '2025-12-31',
    memberCount: 12,
    countries: [CountryCode.Kazakhstan, CountryCode.Uzbekistan],
    ...overrides,
  };
}

export function makeGroupList(overrides: Partial<WorkingGroupListResponse> = {}): WorkingGroupListResponse {
  return {
    council: {
      id: 'council',
      name: {
        en: 'Central Asia Regional Expert Council',
        ru: 'Региональный экспертный совет Центральной Азии',
      },
      demo: true,
    },
    groups: [
      makeGroup({
        id: 'wg-accountability',
        name: {
          en: 'Accountability and Justice',
          ru: 'Подотчётность и правосудие',
        },
        theme: WorkingGroupTheme.Accountability,
      }),
      makeGroup(),
      makeGroup({
        id: 'wg-narratives',
        name: {
          en: 'Countering Terrorist Narratives',
          ru: 'Противодействие террористическим нарративам',
        },
        theme: WorkingGroupTheme.CounteringNarratives,
      }),
      makeGroup({
        id: 'wg-civil-society',
        name: {
          en: 'Civil Society Engagement',
          ru: 'Взаимодействие с гражданским обществом',
        },
        theme: WorkingGroupTheme.CivilSociety,
      }),
    ],
    ...overrides,
  };
}

export function makeGroupDetail(overrides: Partial<WorkingGroupDetail> = {}): WorkingGroupDetail {
  return {
    ...makeGroup(),
    visibility: GroupVisibility.Council,
    archivedAt: null,
    myRole: null,
    can: { editPlan: false, comment: false, manageMembers: false, manageGroup: false },
    ...overrides,
  };
}

export function makeItem(overrides: Partial<WorkPlanItem> = {}): WorkPlanItem {
  return {
    id: 'item-1',
    planId: 'plan-1',
    objective: 'Train psychologists in trauma-informed care',
    deliverable: 'Training module',
    ownerId: 'u-psy',
    ownerName: 'Dilnoza Karimova',
    dueDate: '2025-06-30',
    status: WorkPlanItemStatus.InProgress,
    progress: 40,
    groupIds: ['wg-psychosocial'],
    sessionIds: [],
    commentCount: 2,
    version: 3,
    updatedAt: '2025-03-01T10:00:00Z',
    demo: true,
    ...overrides,
  };
}

export function makeDashboardGroup(overrides: Partial<DashboardGroup> = {}): DashboardGroup {
  return {
    groupId: 'wg-psychosocial',
    slug: 'psychosocial-support',
    name: { en: 'Psychosocial Support', ru: 'Психосоциальная поддержка' },
    itemsByStatus: {
      [WorkPlanItemStatus.Planned]: 2,
      [WorkPlanItemStatus.InProgress]: 3,
      [WorkPlanItemStatus.Done]: 1,
      [WorkPlanItemStatus.Dropped]: 0,
    },
    averageProgress: 41.6,
    upcomingSessions: [
      {
        id: 's1',
        title: 'Spring session',
        startsAt: '2025-04-10T05:00:00Z',
        timeZone: 'Asia/Almaty',
        format: 'hybrid',
      },
    ],
    openActionItems: 0,
    recentActivity: [{ at: '2025-03-01T10:00:00Z', kind: 'item_updated', text: 'Training module: 40%' }],
    ...overrides,
  };
}
