import {
  ActionItemStatus,
  ActionItemView,
  CurrentUser,
  DecisionRegisterEntry,
  GlobalRole,
  GroupMembersResponse,
  GroupRole,
  MinutesView,
} from '@kengash/contracts';

export const NO_RIGHTS: MinutesView['can'] = {
  edit: false,
  circulate: false,
  amend: false,
  decideAmendments: false,
  approve: false,
  correct: false,
  comment: false,
  setVisibility: false,
};

export function minutesView(overrides: Partial<MinutesView> = {}): MinutesView {
  return {
    id: 'm1',
    sessionId: 's1',
    face: 'full',
    status: 'draft',
    visibility: 'group',
    contentHash: null,
    approvedAt: null,
    approvedBy: null,
    approvedByName: null,
    approvalVote: null,
    correctsId: null,
    version: 2,
    content: {
      title: 'Psychosocial support: spring session',
      attendance: [
        {
          person: {
            userId: 'u1',
            name: 'Nodira Tursunova',
            role: GroupRole.Member,
            country: null,
            organisation: 'Clinic',
          },
          secondsPresent: null,
          firstJoinedAt: null,
          lastLeftAt: null,
        },
      ],
      items: [
        {
          key: 'i1',
          title: 'Work plan',
          notes: '<p>The work plan was <strong>agreed</strong>.</p>',
          speakers: [],
          decisions: [{ text: 'Adopt the plan', result: null, secret: false }],
          restricted: false,
        },
      ],
    },
    versions: [
      { number: 1, authorName: 'Rapporteur', note: null, createdAt: '2031-03-12T05:00:00Z' },
      { number: 2, authorName: 'Rapporteur', note: 'typos', createdAt: '2031-03-12T06:00:00Z' },
    ],
    session: {
      title: 'Spring session',
      startsAt: '2031-03-12T04:00:00.000Z',
      endsAt: '2031-03-12T05:30:00.000Z',
      timeZone: 'Asia/Tashkent',
      groups: [{ id: 'g1', name: { en: 'Psychosocial Support', ru: 'Психосоциальная поддержка' } }],
    },
    can: { ...NO_RIGHTS },
    ...overrides,
  };
}

export const GROUP_ID = '11111111-1111-4111-8111-111111111111';
export const OTHER_GROUP_ID = '22222222-2222-4222-8222-222222222222';

/** A signed-in person: by default a member of the group (may read, not edit, its action items). */
export function currentUser(
  role: GroupRole | null = GroupRole.Member,
  overrides: Partial<CurrentUser> = {},
): CurrentUser {
  return {
    id: 'u-me',
    email: 'me@demo.kengash.example',
    displayName: 'Nodira Tursunova',
    locale: 'en',
    timeZone: 'Asia/Tashkent',
    country: null,
    organisation: null,
    nameVisibleToObservers: true,
    globalRole: GlobalRole.Member,
    emailVerified: true,
    totpEnabled: false,
    totpEnrolmentRequired: false,
    memberships: role
      ? [{ groupId: GROUP_ID, groupSlug: 'psychosocial-support', role, termStart: '2024-05-14', termEnd: null }]
      : [],
    ...overrides,
  };
}

export function actionItem(overrides: Partial<ActionItemView> = {}): ActionItemView {
  return {
    id: 'a1',
    title: 'Draft the counselling guide',
    groupId: GROUP_ID,
    groupName: { en: 'Psychosocial Support', ru: 'Психосоциальная поддержка' },
    groupSlug: 'psychosocial-support',
    sessionId: 's1',
    minutesId: 'm1',
    itemKey: 'i1',
    decisionIndex: 0,
    ownerId: 'u-owner',
    ownerName: 'Saule Zhaksybekova',
    dueDate: '2031-04-01',
    status: ActionItemStatus.Open,
    overdue: false,
    workPlanItemId: null,
    createdBy: null,
    createdAt: '2031-03-12T05:00:00Z',
    updatedAt: '2031-03-12T05:00:00Z',
    version: 1,
    ...overrides,
  };
}

export function decisionEntry(overrides: Partial<DecisionRegisterEntry> = {}): DecisionRegisterEntry {
  return {
    id: 'm1:i1:2',
    text: 'Joint items between groups are marked in each plan and followed by both chairs.',
    status: 'draft',
    session: { id: 's1', title: 'Spring session', startsAt: '2031-03-12T04:00:00Z', timeZone: 'Asia/Tashkent' },
    groups: [
      { id: GROUP_ID, name: { en: 'Psychosocial Support', ru: 'Психосоциальная поддержка' } },
      { id: OTHER_GROUP_ID, name: { en: 'Accountability and Justice', ru: 'Ответственность и правосудие' } },
    ],
    agendaItem: { key: 'i1', title: 'Work plans' },
    result: null,
    minutesId: 'm1',
    fromPublicSummary: false,
    ...overrides,
  };
}

/** The group's members: a chair, a member and an observer (who may not own action items). */
export function groupMembers(): GroupMembersResponse {
  const member = (userId: string, displayName: string, role: GroupRole) => ({
    membershipId: `ms-${userId}`,
    userId,
    displayName,
    organisation: null,
    country: null,
    role,
    termStart: '2024-05-14',
    termEnd: null,
    current: true,
  });
  return {
    current: [
      member('u-chair', 'Madina Abdullaeva', GroupRole.Chair),
      member('u-owner', 'Saule Zhaksybekova', GroupRole.Rapporteur),
      member('u-psy', 'Nodira Tursunova', GroupRole.Member),
      member('u-obs', 'Claire Dumont', GroupRole.Observer),
    ],
    past: [],
  };
}
