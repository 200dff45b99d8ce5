import { HttpXhrBackend } from '@angular/common/http';
import { HttpTestingController } from '@angular/common/http/testing';
import { Provider } from '@angular/core';
import {
  CountryCode,
  CurrentUser,
  GlobalRole,
  GroupRole,
  PracticeSearchHit,
  PracticeSearchResponse,
  PracticeView,
} from '@kengash/contracts';

export const GROUP_ID = '5b0f2a43-8f38-4a1c-9d7b-111111111111';
export const PRACTICE_ID = '7c1e3b54-9a49-4b2d-8e8c-222222222222';

/** Uploads run on their own XMLHttpRequest client; in tests it reaches the testing backend too. */
export const UPLOAD_TESTING: Provider = { provide: HttpXhrBackend, useExisting: HttpTestingController };

export const NO_RIGHTS: PracticeView['can'] = {
  edit: false,
  submit: false,
  assignReviewers: false,
  review: false,
  archive: false,
  comment: false,
  endorse: false,
  attach: false,
};

export function practiceView(overrides: Partial<PracticeView> = {}): PracticeView {
  return {
    id: PRACTICE_ID,
    status: 'published',
    visibility: 'network',
    originalLocale: 'en',
    country: CountryCode.Uzbekistan,
    themes: ['psychosocial_support', 'family_community'],
    targetGroups: ['women', 'children'],
    approach: 'Peer groups led by trained psychologists',
    evidence: 'documented',
    sources: [{ url: 'https://example.org/report', title: 'Annual report 2024' }],
    related: [{ id: 'r1', title: 'Mahalla mentors' }],
    group: { id: GROUP_ID, name: { en: 'Psychosocial Support', ru: 'Психосоциальная поддержка' } },
    translations: [
      {
        locale: 'en',
        title: 'Family reintegration circles',
        summary: 'Monthly circles for returning families.',
        body: '<p>Circles meet <strong>monthly</strong>.</p>',
        status: 'original',
        updatedAt: '2025-03-01T10:00:00.000Z',
      },
      {
        locale: 'ru',
        title: 'Круги семейной реинтеграции',
        summary: 'Ежемесячные встречи для вернувшихся семей.',
        body: '<p>Встречи проходят <strong>ежемесячно</strong>.</p>',
        status: 'reviewed',
        updatedAt: '2025-03-02T10:00:00.000Z',
      },
    ],
    author: { userId: 'u-author', name: 'Nodira Tursunova' },
    reviewers: [],
    attachments: [],
    endorsements: 3,
    endorsedByMe: false,
    views: 12,
    createdAt: '2025-02-01T10:00:00.000Z',
    updatedAt: '2025-03-02T10:00:00.000Z',
    publishedAt: '2025-03-03T10:00:00.000Z',
    version: 4,
    warnings: [],
    can: NO_RIGHTS,
    demo: false,
    ...overrides,
  };
}

export function searchHit(overrides: Partial<PracticeSearchHit> = {}): PracticeSearchHit {
  return {
    id: PRACTICE_ID,
    locale: 'en',
    title: 'Family reintegration circles',
    summary: 'Monthly circles for returning families.',
    snippet: '',
    country: CountryCode.Uzbekistan,
    themes: ['psychosocial_support'],
    targetGroups: ['women'],
    evidence: 'documented',
    languages: ['en', 'ru'],
    publishedAt: '2025-03-03T10:00:00.000Z',
    endorsements: 3,
    rank: 0,
    ...overrides,
  };
}

export function searchResponse(overrides: Partial<PracticeSearchResponse> = {}): PracticeSearchResponse {
  return {
    total: 1,
    page: 1,
    pageSize: 20,
    hits: [searchHit()],
    facets: {
      country: { UZ: 1 },
      theme: { psychosocial_support: 1 },
      targetGroup: { women: 1 },
      language: { en: 1, ru: 1 },
      evidence: { documented: 1 },
    },
    ...overrides,
  };
}

export function currentUser(overrides: Partial<CurrentUser> = {}): CurrentUser {
  return {
    id: 'u-me',
    email: 'me@demo.kengash.example',
    displayName: 'Madina Abdullaeva',
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
        groupId: GROUP_ID,
        groupSlug: 'psychosocial-support',
        role: GroupRole.Chair,
        termStart: '2024-05-14',
        termEnd: null,
      },
    ],
    ...overrides,
  };
}
