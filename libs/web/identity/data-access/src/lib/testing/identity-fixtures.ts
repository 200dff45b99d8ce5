import { CurrentUser, GlobalRole, GroupRole, SessionResponse } from '@kengash/contracts';

/** Test data for this library's specs (not exported from the public index). */
export function makeUser(overrides: Partial<CurrentUser> = {}): CurrentUser {
  return {
    id: 'u-psy',
    email: 'psychologist@demo.kengash.example',
    displayName: 'Dilnoza Karimova',
    locale: 'en',
    timeZone: 'Asia/Tashkent',
    country: null,
    organisation: null,
    nameVisibleToObservers: true,
    globalRole: GlobalRole.Member,
    emailVerified: true,
    totpEnabled: false,
    totpEnrolmentRequired: false,
    memberships: [
      {
        groupId: 'wg-psychosocial',
        groupSlug: 'psychosocial-support',
        role: GroupRole.Member,
        termStart: '2024-05-14',
        termEnd: null,
      },
    ],
    ...overrides,
  };
}

export function makeSession(accessToken = 'token-1', overrides: Partial<CurrentUser> = {}): SessionResponse {
  return { status: 'signed_in', accessToken, expiresIn: 900, user: makeUser(overrides) };
}
