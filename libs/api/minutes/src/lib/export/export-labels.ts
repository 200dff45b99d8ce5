import type { LivePerson, MinutesDecisionLine, PollResult } from '@kengash/contracts';
import { DateTime, IANAZone } from 'luxon';

/** What the exports print above the minutes: where they come from and what state they are in. */
export interface MinutesExportHeader {
  /** E.g. "Central Asia Regional Expert Council". */
  councilName: string;
  groupNames: string[];
  sessionTitle: string;
  startsAt: string;
  endsAt: string;
  /** The organiser's zone (IANA): the session time is shown in it. */
  timeZone: string;
  status: 'draft' | 'circulated' | 'approved';
  face: 'full' | 'public';
  /** SHA-256 (hex) of the approved content, shown in full when set. */
  contentHash: string | null;
  version: number;
  /** The language of the labels; the minutes' own text is printed as written. */
  locale: 'en' | 'ru';
  generatedAt: string;
}

export type ExportLocale = MinutesExportHeader['locale'];

interface Labels {
  council: string;
  groups: string;
  session: string;
  time: string;
  status: string;
  version: string;
  statuses: Record<MinutesExportHeader['status'], string>;
  faces: Record<MinutesExportHeader['face'], string>;
  hash: string;
  generated: string;
  attendance: string;
  person: string;
  country: string;
  organisation: string;
  present: string;
  noAttendance: string;
  noNotes: string;
  noItems: string;
  restricted: string;
  speakers: string;
  decisions: string;
  secret: string;
  votesCast: string;
  result: string;
  withoutQuorum: string;
  choices: Record<string, string>;
  outcomes: Record<string, string>;
  roles: Record<string, string>;
  countries: Record<string, string>;
  page: (page: number, pages: number) => string;
  turns: (count: number) => string;
  units: { h: string; min: string; s: string };
}

const EN: Labels = {
  council: 'Council',
  groups: 'Working groups',
  session: 'Session',
  time: 'Time',
  status: 'Status',
  version: 'version',
  statuses: { draft: 'Draft', circulated: 'Circulated', approved: 'Approved' },
  faces: { full: 'full record', public: 'public summary' },
  hash: 'Content hash (SHA-256)',
  generated: 'Generated',
  attendance: 'Attendance',
  person: 'Name',
  country: 'Country',
  organisation: 'Organisation',
  present: 'Time present',
  noAttendance: 'No attendance was recorded.',
  noNotes: 'No notes were taken.',
  noItems: 'The minutes have no items.',
  restricted: 'restricted',
  speakers: 'Speakers',
  decisions: 'Decisions',
  secret: 'Secret ballot',
  votesCast: 'votes cast',
  result: 'Result',
  withoutQuorum: 'without quorum',
  choices: { yes: 'Yes', no: 'No', abstain: 'Abstain' },
  outcomes: { adopted: 'Adopted', rejected: 'Rejected', no_quorum: 'No quorum', tie: 'Tie' },
  roles: {
    chair: 'Chair',
    co_chair: 'Co-chair',
    rapporteur: 'Rapporteur',
    member: 'Member',
    observer: 'Observer',
    guest: 'Guest',
    secretariat: 'Secretariat',
  },
  countries: { KZ: 'Kazakhstan', KG: 'Kyrgyzstan', TJ: 'Tajikistan', TM: 'Turkmenistan', UZ: 'Uzbekistan' },
  page: (page, pages) => `Page ${page} of ${pages}`,
  turns: (count) => `${count} ${count === 1 ? 'turn' : 'turns'}`,
  units: { h: 'h', min: 'min', s: 's' },
};

const RU_PLURAL = new Intl.PluralRules('ru');

const RU: Labels = {
  council: 'Совет',
  groups: 'Рабочие группы',
  session: 'Заседание',
  time: 'Время',
  status: 'Статус',
  version: 'версия',
  statuses: { draft: 'Проект', circulated: 'Разослан', approved: 'Утверждён' },
  faces: { full: 'полный протокол', public: 'публичная версия' },
  hash: 'Хеш содержания (SHA-256)',
  generated: 'Сформирован',
  attendance: 'Присутствовали',
  person: 'Участник',
  country: 'Страна',
  organisation: 'Организация',
  present: 'Время присутствия',
  noAttendance: 'Сведений о присутствии нет.',
  noNotes: 'Заметок не было.',
  noItems: 'В протоколе нет пунктов.',
  restricted: 'закрытый пункт',
  speakers: 'Выступления',
  decisions: 'Решения',
  secret: 'Тайное голосование',
  votesCast: 'подано голосов',
  result: 'Итог',
  withoutQuorum: 'без кворума',
  choices: { yes: 'За', no: 'Против', abstain: 'Воздержался' },
  outcomes: { adopted: 'Принято', rejected: 'Отклонено', no_quorum: 'Нет кворума', tie: 'Голоса разделились поровну' },
  roles: {
    chair: 'Председатель',
    co_chair: 'Сопредседатель',
    rapporteur: 'Докладчик',
    member: 'Член группы',
    observer: 'Наблюдатель',
    guest: 'Гость',
    secretariat: 'Секретариат',
  },
  countries: { KZ: 'Казахстан', KG: 'Кыргызстан', TJ: 'Таджикистан', TM: 'Туркменистан', UZ: 'Узбекистан' },
  page: (page, pages) => `Страница ${page} из ${pages}`,
  turns: (count) => {
    const form = RU_PLURAL.select(count);
    return `${count} ${form === 'one' ? 'выступление' : form === 'few' ? 'выступления' : 'выступлений'}`;
  },
  units: { h: 'ч', min: 'мин', s: 'с' },
};

export const exportLabels = (locale: ExportLocale): Labels => (locale === 'ru' ? RU : EN);

const lookup = (table: Record<string, string>, key: string) =>
  Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;

/** The session's time in the organiser's zone: "26 July 2024, 15:00–17:30 (Asia/Tashkent, UTC+5)". */
export function formatSessionTime(header: MinutesExportHeader): string {
  const zone = IANAZone.isValidZone(header.timeZone) ? header.timeZone : 'UTC';
  const locale = header.locale === 'ru' ? 'ru' : 'en-GB';
  const start = DateTime.fromISO(header.startsAt, { zone }).setLocale(locale);
  const end = DateTime.fromISO(header.endsAt, { zone }).setLocale(locale);
  if (!start.isValid) return `${header.startsAt} – ${header.endsAt}`;
  const day = (d: DateTime) => d.toLocaleString(DateTime.DATE_FULL);
  const clock = (d: DateTime) => d.toFormat('HH:mm');
  const offset = (d: DateTime) => `UTC${d.toFormat('Z')}`;
  let range: string;
  if (!end.isValid) range = `${day(start)}, ${clock(start)}`;
  else if (start.hasSame(end, 'day')) range = `${day(start)}, ${clock(start)}–${clock(end)}`;
  else range = `${day(start)}, ${clock(start)} – ${day(end)}, ${clock(end)}`;
  const offsets = end.isValid && end.offset !== start.offset ? `${offset(start)} → ${offset(end)}` : offset(start);
  return `${range} (${zone}, ${offsets})`;
}

/** When the export was made, in the same zone as the session. */
export function formatGeneratedAt(header: MinutesExportHeader): string {
  const zone = IANAZone.isValidZone(header.timeZone) ? header.timeZone : 'UTC';
  const at = DateTime.fromISO(header.generatedAt, { zone }).setLocale(header.locale === 'ru' ? 'ru' : 'en-GB');
  return at.isValid
    ? `${at.toLocaleString(DateTime.DATE_FULL)}, ${at.toFormat('HH:mm')} (${zone})`
    : header.generatedAt;
}

/** "Approved · version 3 · full record". */
export function formatStatusLine(header: MinutesExportHeader): string {
  const t = exportLabels(header.locale);
  return `${t.statuses[header.status]} · ${t.version} ${header.version} · ${t.faces[header.face]}`;
}

/** Time present as h:mm (seconds dropped), or a dash when unknown. */
export function formatHoursMinutes(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return '—';
  const total = Math.max(0, Math.floor(seconds / 60));
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;
}

/** A speaking time: "45 s", "4 min 20 s", "1 h 05 min" (or in Russian). */
export function formatDuration(seconds: number, locale: ExportLocale): string {
  const { units } = exportLabels(locale);
  const total = Math.max(0, Math.round(seconds));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  if (h > 0) return `${h} ${units.h} ${String(m).padStart(2, '0')} ${units.min}`;
  if (m > 0) return s ? `${m} ${units.min} ${String(s).padStart(2, '0')} ${units.s}` : `${m} ${units.min}`;
  return `${s} ${units.s}`;
}

export function roleLabel(role: string, locale: ExportLocale): string {
  return lookup(exportLabels(locale).roles, role) ?? role;
}

/** The name, with the role after it; only the role when the name is withheld. */
export function personLabel(person: LivePerson, locale: ExportLocale): string {
  const role = roleLabel(person.role, locale);
  return person.name ? `${person.name} (${role})` : role;
}

export function countryLabel(country: string | null, locale: ExportLocale): string {
  return country ? (lookup(exportLabels(locale).countries, country) ?? country) : '—';
}

export function outcomeLabel(outcome: string, locale: ExportLocale): string {
  return lookup(exportLabels(locale).outcomes, outcome) ?? `«${outcome}»`;
}

/** "Yes 10 · No 2 · Abstain 1 — votes cast: 13 — Result: Adopted" (yes/no/abstain first, options as given). */
export function formatVote(result: PollResult, locale: ExportLocale): string {
  const t = exportLabels(locale);
  const keys = Object.keys(result.tally);
  const ordered = [
    ...['yes', 'no', 'abstain'].filter((k) => keys.includes(k)),
    ...keys.filter((k) => !['yes', 'no', 'abstain'].includes(k)),
  ];
  const yesNo = keys.every((k) => k === 'yes' || k === 'no' || k === 'abstain');
  const tally = ordered
    .map((k) => (yesNo ? `${lookup(t.choices, k) ?? k} ${result.tally[k]}` : `${k}: ${result.tally[k]}`))
    .join(' · ');
  const parts = [tally, `${t.votesCast}: ${result.votesCast}`];
  const outcome = `${t.result}: ${outcomeLabel(result.outcome, locale)}`;
  parts.push(!result.quorumReached && result.outcome !== 'no_quorum' ? `${outcome} (${t.withoutQuorum})` : outcome);
  return parts.filter(Boolean).join(' — ');
}

/** The line under a decision: the ballot kind and the vote, or null for a decision recorded by hand. */
export function decisionSummary(decision: MinutesDecisionLine, locale: ExportLocale): string | null {
  const t = exportLabels(locale);
  const parts = [decision.secret ? t.secret : null, decision.result ? formatVote(decision.result, locale) : null];
  const text = parts.filter(Boolean).join('. ');
  return text || null;
}

export function speakerSummary(turns: number, seconds: number, locale: ExportLocale): string {
  return `${exportLabels(locale).turns(turns)}, ${formatDuration(seconds, locale)}`;
}
