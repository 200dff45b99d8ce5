import { CountryCode } from './council';
import { Locale } from './locale';
import { PracticeLanguage, PracticeTheme } from './practices';

/**
 * The informal regional network of practitioners (issue 9): public applications and their vetting.
 * Areas of expertise are the library's themes (`PRACTICE_THEMES`), languages the library's languages.
 */

/** The privacy notice applicants consent to; an application must name this exact version. */
export const PRIVACY_NOTICE_VERSION = '2024-11';

export const ORGANISATION_TYPES = [
  'government',
  'ngo',
  'international',
  'academic',
  'religious',
  'health',
  'education',
  'other',
] as const;
export type OrganisationType = (typeof ORGANISATION_TYPES)[number];

export const APPLICATION_STATUSES = ['submitted', 'endorsed', 'accepted', 'rejected', 'suspended', 'left'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export const APPLICATION_DECISIONS = ['accepted', 'rejected'] as const;
export type ApplicationDecision = (typeof APPLICATION_DECISIONS)[number];

/** Years from acceptance to the default re-vetting date. */
export const NETWORK_REVET_YEARS = 2;

export const NETWORK_LIMITS = {
  nameMax: 120,
  emailMax: 254,
  roleMax: 120,
  organisationNameMax: 200,
  regionMax: 120,
  motivationMin: 20,
  motivationMax: 2000,
  reasonMax: 2000,
  noteMax: 1000,
  /** A form submitted sooner than this after it was issued is refused (a bot). */
  formMinSeconds: 3,
  /** A form token older than this is refused: reload the form. */
  formMaxHours: 24,
} as const;

/** GET /api/network/application-form: what the public form needs, with its signed token. */
export interface ApplicationFormResponse {
  /** Send back unchanged as `formToken`. */
  formToken: string;
  /** ISO 8601: when the token was issued. */
  issuedAt: string;
  /** The hidden field that must stay empty (people never see it; bots fill it). */
  honeypotField: 'website';
  minSeconds: number;
  privacyNoticeVersion: string;
}

/** POST /api/network/applications */
export interface NetworkApplicationRequest {
  formToken: string;
  /** The hidden field: must be absent or empty. */
  website?: string;
  name: string;
  email: string;
  /** The language of the e-mails the applicant receives. */
  locale?: Locale;
  role: string;
  organisationType: OrganisationType;
  organisationName: string;
  country: CountryCode;
  region: string;
  languages: PracticeLanguage[];
  expertise: PracticeTheme[];
  motivation: string;
  /** An active member who knows the applicant (optional). */
  refereeEmail?: string | null;
  /** Must equal `PRIVACY_NOTICE_VERSION`. */
  consentVersion: string;
}

/** 201 from POST /api/network/applications: the status link is sent by e-mail, never in the response. */
export interface NetworkApplicationReceipt {
  status: 'submitted';
}

/** GET /api/network/applications/status?token= (the applicant's status link). */
export interface ApplicationStatusView {
  status: ApplicationStatus;
  submittedAt: string;
  updatedAt: string;
  /** Present only when the secretariat marked the reason shareable. */
  reason?: string;
}

export interface NetworkPersonRef {
  id: string;
  displayName: string;
}

/** An application as the secretariat and the country's focal point see it. */
export interface NetworkApplicationView {
  id: string;
  status: ApplicationStatus;
  name: string;
  email: string;
  locale: Locale;
  role: string;
  organisationType: OrganisationType;
  organisationName: string;
  country: CountryCode;
  region: string;
  languages: PracticeLanguage[];
  expertise: PracticeTheme[];
  motivation: string;
  referee: NetworkPersonRef | null;
  consentVersion: string;
  consentAt: string;
  submittedAt: string;
  endorsedBy: NetworkPersonRef | null;
  endorsedAt: string | null;
  endorsementNote: string | null;
  decidedBy: NetworkPersonRef | null;
  decidedAt: string | null;
  decisionReason: string | null;
  reasonShareable: boolean;
  statusNote: string | null;
  /** The practitioner account created on acceptance. */
  userId: string | null;
  /** YYYY-MM-DD */
  revetDue: string | null;
  demo: boolean;
  version: number;
}

export interface NetworkApplicationListResponse {
  applications: NetworkApplicationView[];
}

/** POST /api/network/applications/:id/endorse */
export interface EndorseApplicationRequest {
  note?: string;
}

/** POST /api/network/applications/:id/decision: a written reason is required (422 without one). */
export interface ApplicationDecisionRequest {
  decision: ApplicationDecision;
  reason: string;
  reasonShareable: boolean;
  /** Accepted only: the first re-vetting date (YYYY-MM-DD); default `NETWORK_REVET_YEARS` from today. */
  revetDue?: string;
}

/** POST …/:id/suspend and …/:id/leave */
export interface ApplicationStatusChangeRequest {
  note?: string;
}

/** PUT /api/network/applications/:id/revet-due */
export interface RevetDueRequest {
  revetDue: string;
}
