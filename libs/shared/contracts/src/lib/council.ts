import { LocalizedText } from './locale';

/** Published working-group themes of the council (product brief §1). */
export enum WorkingGroupTheme {
  Accountability = 'accountability',
  PsychosocialSupport = 'psychosocial_support',
  CounteringNarratives = 'countering_narratives',
  CivilSociety = 'civil_society',
}

export const WORKING_GROUP_THEMES: readonly WorkingGroupTheme[] = Object.values(WorkingGroupTheme);

/** The five countries of the council, ISO 3166-1 alpha-2. */
export enum CountryCode {
  Kazakhstan = 'KZ',
  Kyrgyzstan = 'KG',
  Tajikistan = 'TJ',
  Turkmenistan = 'TM',
  Uzbekistan = 'UZ',
}

export interface CouncilSummary {
  id: string;
  name: LocalizedText;
  /** True while the shipped demo data is loaded: screens say so. */
  demo: boolean;
}

/** A working group as listed on the home page; public information. */
export interface WorkingGroupSummary {
  id: string;
  slug: string;
  name: LocalizedText;
  theme: WorkingGroupTheme;
  mandate: LocalizedText;
  periodStart: string; // ISO date, yyyy-mm-dd
  periodEnd: string; // ISO date, yyyy-mm-dd
  memberCount: number;
  /** Countries its members come from, sorted. */
  countries: CountryCode[];
}

export interface WorkingGroupListResponse {
  council: CouncilSummary;
  groups: WorkingGroupSummary[];
}
