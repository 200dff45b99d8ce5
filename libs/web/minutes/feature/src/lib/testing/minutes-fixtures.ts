import { GroupRole, MinutesView } from '@kengash/contracts';

export const NO_RIGHTS: MinutesView['can'] = {
  edit: false,
  circulate: false,
  amend: false,
  decideAmendments: false,
  approve: false,
  correct: false,
  comment: false,
};

export function minutesView(overrides: Partial<MinutesView> = {}): MinutesView {
  return {
    id: 'm1',
    sessionId: 's1',
    face: 'full',
    status: 'draft',
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
