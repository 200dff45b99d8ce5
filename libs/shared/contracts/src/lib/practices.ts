import type { CountryCode } from './council';
import type { LocalizedText } from './locale';

/**
 * The best-practice library: entries about programmes and methods in rehabilitation and reintegration, with
 * aggregate, sourced facts (never case data about individuals), in an original language plus translations.
 * An entry goes draft → in_review → published (visibility: council, network or public) → archived.
 */

/** Languages entries are written in (more than the UI's): each has its own full-text configuration. */
export const PRACTICE_LANGUAGES = ['en', 'ru', 'uz', 'kk', 'ky', 'tg', 'tk'] as const;
export type PracticeLanguage = (typeof PRACTICE_LANGUAGES)[number];

/** The themes shared with the practitioner network's areas of expertise. */
export const PRACTICE_THEMES = [
  'psychosocial_support',
  'education',
  'vocational_training',
  'family_community',
  'religious_counselling',
  'legal_documents',
  'health',
] as const;
export type PracticeTheme = (typeof PRACTICE_THEMES)[number];

export const TARGET_GROUPS = ['women', 'children', 'men', 'families', 'communities'] as const;
export type TargetGroup = (typeof TARGET_GROUPS)[number];

/** How well the practice's results are known, weakest first. */
export const EVIDENCE_LEVELS = ['practice_report', 'documented', 'evaluated', 'independent_evaluation'] as const;
export type EvidenceLevel = (typeof EVIDENCE_LEVELS)[number];

export type PracticeStatus = 'draft' | 'in_review' | 'published' | 'archived';

/** Who reads a published entry: council members, also the practitioner network, or anyone. */
export type PracticeVisibility = 'council' | 'network' | 'public';
export const PRACTICE_VISIBILITIES: readonly PracticeVisibility[] = ['council', 'network', 'public'];

/** The original is `original`; each translation says how far it can be trusted. */
export type TranslationStatus = 'original' | 'draft' | 'machine_assisted' | 'reviewed';
export const TRANSLATION_STATUSES: readonly Exclude<TranslationStatus, 'original'>[] = [
  'draft',
  'machine_assisted',
  'reviewed',
];

export const PRACTICE_LIMITS = {
  titleMin: 3,
  titleMax: 300,
  summaryMax: 2_000,
  /** Sanitised HTML. */
  bodyMax: 200_000,
  approachMax: 2_000,
  sourcesMax: 30,
  sourceTitleMax: 300,
  urlMax: 2_000,
  relatedMax: 20,
  reviewersMax: 10,
  commentMax: 4_000,
  queryMax: 200,
  pageSize: 20,
} as const;

export interface PracticeSource {
  url: string;
  title: string;
}

export interface PracticeTranslationInput {
  locale: PracticeLanguage;
  title: string;
  summary: string;
  /** Rich text (HTML); the server keeps paragraphs, lists, emphasis, links, h3–h4 and quotes. */
  body: string;
  /** Ignored for the original language (always `original`). */
  status?: Exclude<TranslationStatus, 'original'>;
}

/** POST /api/practices (a draft) and PUT /api/practices/:id (with `version`). */
export interface PracticeInput {
  originalLocale: PracticeLanguage;
  /** Null for a regional entry. */
  country: CountryCode | null;
  themes: PracticeTheme[];
  targetGroups: TargetGroup[];
  approach: string;
  evidence: EvidenceLevel;
  /** Required as soon as the text states a figure. */
  sources: PracticeSource[];
  relatedIds: string[];
  /** The working group the entry relates to, if any. */
  groupId: string | null;
  /** The original first or anywhere: one per language, the original language included. */
  translations: PracticeTranslationInput[];
}

export interface UpdatePracticeRequest extends PracticeInput {
  version: number;
}

export interface PracticeTranslationView {
  locale: PracticeLanguage;
  title: string;
  summary: string;
  body: string;
  status: TranslationStatus;
  updatedAt: string;
}

export interface PracticePersonRef {
  userId: string;
  name: string;
}

export interface PracticeAttachmentView {
  id: string;
  fileName: string;
  contentType: string;
  size: number;
  uploadedAt: string;
  uploadedBy: PracticePersonRef | null;
}

/**
 * Attachments: the types accepted, found from the file's content (magic bytes), never from its name or the
 * browser's claim. Plain text has no magic bytes: it is accepted as `text/plain` only when it is UTF-8 without
 * NUL bytes and its name ends in one of the listed extensions. A name whose extension does not match the
 * content gets the right one.
 */
export const ATTACHMENT_TYPES = [
  { mime: 'application/pdf', extensions: ['pdf'], label: 'PDF' },
  {
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extensions: ['docx'],
    label: 'Word (DOCX)',
  },
  {
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    extensions: ['xlsx'],
    label: 'Excel (XLSX)',
  },
  {
    mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    extensions: ['pptx'],
    label: 'PowerPoint (PPTX)',
  },
  { mime: 'application/vnd.oasis.opendocument.text', extensions: ['odt'], label: 'OpenDocument text (ODT)' },
  { mime: 'image/png', extensions: ['png'], label: 'PNG image' },
  { mime: 'image/jpeg', extensions: ['jpg', 'jpeg'], label: 'JPEG image' },
  { mime: 'image/webp', extensions: ['webp'], label: 'WebP image' },
  { mime: 'text/plain', extensions: ['txt', 'csv'], label: 'Text or CSV (UTF-8)' },
] as const;
export type AttachmentContentType = (typeof ATTACHMENT_TYPES)[number]['mime'];

/** For `<input type="file" accept>`: every accepted extension. */
export const ATTACHMENT_ACCEPT = ATTACHMENT_TYPES.flatMap((t) => t.extensions.map((e) => `.${e}`)).join(',');

export const ATTACHMENT_LIMITS = {
  /** The server's default cap (`ATTACHMENT_MAX_BYTES`); a 413 answer carries the configured `maxBytes`. */
  defaultMaxBytes: 20 * 1024 * 1024,
  perEntryMax: 20,
  fileNameMax: 200,
} as const;

/**
 * POST /api/practices/:id/attachments: `multipart/form-data` with one file in the field `file`; answers the
 * stored attachment (201). 413 over the size cap (`details.maxBytes`), 415 for a type not accepted (field
 * error `file`), 422 when the virus scanner finds something, 503 when the scanner cannot be reached.
 */
export const ATTACHMENT_FIELD = 'file';

/** Something in the text that looks like a personal identifier: the editor warns, the author decides. */
export interface PersonalDataWarning {
  locale: PracticeLanguage;
  field: 'title' | 'summary' | 'body' | 'approach';
  kind: 'passport' | 'birth_date' | 'phone' | 'national_id' | 'email';
  /** The matched text, for the author to find it. */
  excerpt: string;
}

export interface PracticeView {
  id: string;
  status: PracticeStatus;
  visibility: PracticeVisibility | null;
  originalLocale: PracticeLanguage;
  country: CountryCode | null;
  themes: PracticeTheme[];
  targetGroups: TargetGroup[];
  approach: string;
  evidence: EvidenceLevel;
  sources: PracticeSource[];
  related: { id: string; title: string }[];
  group: { id: string; name: LocalizedText } | null;
  translations: PracticeTranslationView[];
  author: PracticePersonRef | null;
  reviewers: PracticePersonRef[];
  attachments: PracticeAttachmentView[];
  endorsements: number;
  endorsedByMe: boolean;
  views: number;
  createdAt: string;
  updatedAt: string;
  publishedAt: string | null;
  version: number;
  warnings: PersonalDataWarning[];
  can: {
    edit: boolean;
    submit: boolean;
    assignReviewers: boolean;
    review: boolean;
    archive: boolean;
    comment: boolean;
    endorse: boolean;
    attach: boolean;
  };
  demo: boolean;
}

export interface PublishPracticeRequest {
  visibility: PracticeVisibility;
  note?: string;
}

export interface ReturnPracticeRequest {
  note: string;
}

export interface AssignReviewersRequest {
  reviewerIds: string[];
}

export interface PracticeCommentView {
  id: string;
  author: PracticePersonRef | null;
  body: string;
  /** Review comments (before publication) are seen by the author, reviewers and secretariat only. */
  kind: 'review' | 'discussion';
  createdAt: string;
}

export interface PracticeCommentRequest {
  body: string;
}

// ---- search --------------------------------------------------------------------------------------------

export interface PracticeSearchQuery {
  q?: string;
  country?: CountryCode;
  theme?: PracticeTheme;
  targetGroup?: TargetGroup;
  language?: PracticeLanguage;
  evidence?: EvidenceLevel;
  page?: number;
}

export interface PracticeSearchHit {
  id: string;
  /** The translation shown: the best match, else the reader's language, else the original. */
  locale: PracticeLanguage;
  title: string;
  summary: string;
  /** HTML-escaped text with the matched words in `<mark>`; empty without a query. */
  snippet: string;
  country: CountryCode | null;
  themes: PracticeTheme[];
  targetGroups: TargetGroup[];
  evidence: EvidenceLevel;
  languages: PracticeLanguage[];
  publishedAt: string | null;
  endorsements: number;
  rank: number;
}

export type FacetCounts<K extends string> = Partial<Record<K, number>>;

export interface PracticeFacets {
  country: FacetCounts<CountryCode>;
  theme: FacetCounts<PracticeTheme>;
  targetGroup: FacetCounts<TargetGroup>;
  language: FacetCounts<PracticeLanguage>;
  evidence: FacetCounts<EvidenceLevel>;
}

export interface PracticeSearchResponse {
  total: number;
  page: number;
  pageSize: number;
  hits: PracticeSearchHit[];
  facets: PracticeFacets;
}

/** GET /api/practices/review-queue: entries in review assigned to me (all of them for the secretariat). */
export interface PracticeQueueItem {
  id: string;
  title: string;
  status: PracticeStatus;
  author: PracticePersonRef | null;
  reviewers: PracticePersonRef[];
  submittedAt: string | null;
  updatedAt: string;
}

export interface PracticeQueueResponse {
  items: PracticeQueueItem[];
}

/** GET /api/practices/reviewer-candidates?q= (secretariat and group chairs): people who may review entries. */
export interface ReviewerCandidate {
  userId: string;
  name: string;
  country: CountryCode | null;
  organisation: string | null;
}

export interface ReviewerCandidatesResponse {
  people: ReviewerCandidate[];
}

// ---- personal-data detector (shared by the editor and the API) -------------------------------------------

const PATTERNS: { kind: PersonalDataWarning['kind']; re: RegExp }[] = [
  // Passports of the region: two letters and seven digits (e.g. AA1234567), or N + 8 digits.
  { kind: 'passport', re: /\b[A-ZА-Я]{1,2}\s?\d{7,8}\b/gu },
  // Dates of birth written as dd.mm.yyyy / dd/mm/yyyy / yyyy-mm-dd next to a birth word, or any full date.
  {
    kind: 'birth_date',
    re: /\b(?:(?:0?[1-9]|[12]\d|3[01])[./-](?:0?[1-9]|1[0-2])[./-](?:19|20)\d{2}|(?:19|20)\d{2}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01]))\b/gu,
  },
  // Phone numbers: + and 9–14 digits with optional spaces, dashes or brackets.
  { kind: 'phone', re: /(?:\+|\b00)\d[\d\s()-]{8,16}\d\b/gu },
  // Personal identification numbers: 12–14 digits in a row (IIN, PINFL).
  { kind: 'national_id', re: /\b\d{12,14}\b/gu },
  { kind: 'email', re: /\b[\w.+-]+@[\w-]+\.[\w.-]+\b/gu },
];

/** Text of HTML, for the detector and the search index. */
export function htmlText(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Finds what looks like personal identifiers (passport-like numbers, dates, phone numbers, personal ID numbers,
 * e-mail addresses) in an entry's texts. Years, percentages and counts are not flagged.
 */
export function personalDataWarnings(
  input: Pick<PracticeInput, 'approach'> & {
    translations: Pick<PracticeTranslationInput, 'locale' | 'title' | 'summary' | 'body'>[];
  },
): PersonalDataWarning[] {
  const warnings: PersonalDataWarning[] = [];
  const scan = (locale: PracticeLanguage, field: PersonalDataWarning['field'], text: string) => {
    const found: { warning: PersonalDataWarning; from: number; to: number }[] = [];
    for (const { kind, re } of PATTERNS)
      for (const match of text.matchAll(re)) {
        const from = match.index ?? 0;
        found.push({ warning: { locale, field, kind, excerpt: match[0].trim() }, from, to: from + match[0].length });
      }
    // One warning per place: the digits of a phone number are not also reported as an ID number.
    const covered = (a: (typeof found)[number]) =>
      found.some((b) => b !== a && b.from <= a.from && b.to >= a.to && b.to - b.from > a.to - a.from);
    for (const f of found.sort((a, b) => a.from - b.from)) if (!covered(f)) warnings.push(f.warning);
  };
  for (const t of input.translations) {
    scan(t.locale, 'title', t.title);
    scan(t.locale, 'summary', t.summary);
    scan(t.locale, 'body', htmlText(t.body));
  }
  const original = input.translations[0]?.locale ?? 'en';
  scan(original, 'approach', input.approach);
  return warnings;
}

/** Whether a text states a figure (a number other than a year alone): such entries need a source. */
export function statesFigures(text: string): boolean {
  const withoutYears = text.replace(/\b(?:19|20)\d{2}(?:[–-](?:19|20)\d{2})?\b/g, ' ');
  return /\d/.test(withoutYears);
}
