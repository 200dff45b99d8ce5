import { CountryCode, WorkingGroupListResponse, WorkingGroupSummary, WorkingGroupTheme } from '@kengash/contracts';

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
