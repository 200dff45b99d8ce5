import {
  COUNCIL_COUNTRIES,
  CountryCode,
  EVIDENCE_LEVELS,
  EvidenceLevel,
  PRACTICE_LANGUAGES,
  PRACTICE_LIMITS,
  PRACTICE_THEMES,
  PracticeFacets,
  PracticeLanguage,
  PracticeSearchQuery,
  PracticeTheme,
  TARGET_GROUPS,
  TargetGroup,
} from '@kengash/contracts';

/** The facets of the library, in the order the page shows them; each is one query parameter. */
export type FacetKey = keyof PracticeFacets;
export const FACET_KEYS: readonly FacetKey[] = ['country', 'theme', 'targetGroup', 'language', 'evidence'];

/** Every value of each facet, in the order shown. */
export const FACET_VALUES: { [K in FacetKey]: readonly string[] } = {
  country: COUNCIL_COUNTRIES,
  theme: PRACTICE_THEMES,
  targetGroup: TARGET_GROUPS,
  language: PRACTICE_LANGUAGES,
  evidence: EVIDENCE_LEVELS,
};

/** The library's query string as the router gives it (every value a string, or absent). */
export interface LibraryParams {
  q?: string;
  country?: string;
  theme?: string;
  targetGroup?: string;
  language?: string;
  evidence?: string;
  page?: string;
}

const oneOf = <T extends string>(values: readonly T[], value: string | undefined): T | undefined =>
  value !== undefined && (values as readonly string[]).includes(value) ? (value as T) : undefined;

/** Reads the search from the address; values the API would refuse are left out. */
export function parseLibraryQuery(params: LibraryParams): PracticeSearchQuery {
  const q = (params.q ?? '').trim().slice(0, PRACTICE_LIMITS.queryMax);
  const page = Number(params.page);
  const query: PracticeSearchQuery = {};
  if (q) query.q = q;
  const country = oneOf<CountryCode>(COUNCIL_COUNTRIES, params.country);
  if (country) query.country = country;
  const theme = oneOf<PracticeTheme>(PRACTICE_THEMES, params.theme);
  if (theme) query.theme = theme;
  const targetGroup = oneOf<TargetGroup>(TARGET_GROUPS, params.targetGroup);
  if (targetGroup) query.targetGroup = targetGroup;
  const language = oneOf<PracticeLanguage>(PRACTICE_LANGUAGES, params.language);
  if (language) query.language = language;
  const evidence = oneOf<EvidenceLevel>(EVIDENCE_LEVELS, params.evidence);
  if (evidence) query.evidence = evidence;
  if (Number.isInteger(page) && page > 1 && page <= 10_000) query.page = page;
  return query;
}

/** The query string for a search (empty values and page 1 left out, so plain `/practices` is the whole library). */
export function libraryQueryParams(query: PracticeSearchQuery): Record<string, string> {
  const params: Record<string, string> = {};
  if (query.q) params['q'] = query.q;
  for (const key of FACET_KEYS) {
    const value = query[key];
    if (value) params[key] = value;
  }
  if (query.page && query.page > 1) params['page'] = String(query.page);
  return params;
}

export interface FacetOption {
  value: string;
  count: number;
  selected: boolean;
}

/**
 * The options of one facet: the values with matching entries, in their usual order, plus the chosen one even
 * when nothing matches it any more (so it can be cleared).
 */
export function facetOptions(
  facets: PracticeFacets | null,
  key: FacetKey,
  selected: string | undefined,
): FacetOption[] {
  const counts: Partial<Record<string, number>> = facets?.[key] ?? {};
  return FACET_VALUES[key]
    .map((value) => ({ value, count: counts[value] ?? 0, selected: value === selected }))
    .filter((option) => option.count > 0 || option.selected);
}
