import { signal } from '@angular/core';
import {
  CountryCode,
  CurrentUser,
  DEFAULT_FIELD_VISIBILITY,
  GlobalRole,
  NetworkApplicationView,
  NetworkProfile,
} from '@kengash/contracts';

export const APPLICATION_ID = '7c1e3b54-9a49-4b2d-8e8c-222222222222';

export function currentUser(globalRole: GlobalRole, overrides: Partial<CurrentUser> = {}): CurrentUser {
  return {
    id: 'u-me',
    email: 'me@demo.kengash.example',
    displayName: 'Aigerim Sadykova',
    locale: 'en',
    timeZone: 'UTC',
    country: CountryCode.Kazakhstan,
    organisation: null,
    nameVisibleToObservers: true,
    globalRole,
    emailVerified: true,
    totpEnabled: true,
    totpEnrolmentRequired: false,
    memberships: [],
    ...overrides,
  };
}

/** An AuthService stand-in with the signals the screens read. */
export function authStub(user: CurrentUser | null) {
  return { user: signal(user), signOut: jest.fn() };
}

export function applicationView(overrides: Partial<NetworkApplicationView> = {}): NetworkApplicationView {
  return {
    id: APPLICATION_ID,
    status: 'submitted',
    name: 'Айгерим Сейтказы',
    email: 'aigerim@example.org',
    locale: 'ru',
    role: 'Social worker',
    organisationType: 'ngo',
    organisationName: 'Shanyrak family centre',
    country: CountryCode.Kazakhstan,
    region: 'Shymkent',
    languages: ['kk', 'ru'],
    expertise: ['family_community'],
    motivation: 'Five years with families who came home.',
    referee: null,
    consentVersion: '2024-11',
    consentAt: '2026-11-01T10:00:00.000Z',
    submittedAt: '2026-11-01T10:00:00.000Z',
    endorsedBy: null,
    endorsedAt: null,
    endorsementNote: null,
    decidedBy: null,
    decidedAt: null,
    decisionReason: null,
    reasonShareable: false,
    statusNote: null,
    userId: null,
    revetDue: null,
    demo: false,
    version: 1,
    ...overrides,
  };
}

export function profile(overrides: Partial<NetworkProfile> = {}): NetworkProfile {
  return {
    userId: 'u-me',
    name: 'Kamola Ismoilova',
    role: 'Psychologist',
    organisationType: 'ngo',
    organisationName: 'Mahalla support centre',
    country: CountryCode.Uzbekistan,
    region: 'Namangan',
    languages: ['uz', 'ru'],
    expertise: ['psychosocial_support'],
    bio: '',
    phone: '+998 90 123 45 67',
    email: 'kamola@example.org',
    label: 'name',
    visibility: { ...DEFAULT_FIELD_VISIBILITY, phone: 'network' },
    updatedAt: '2026-11-01T10:00:00.000Z',
    version: 3,
    ...overrides,
  };
}
