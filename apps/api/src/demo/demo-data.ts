import {
  CountryCode,
  GlobalRole,
  GroupRole,
  LocalizedText,
  WorkingGroupTheme,
  WorkPlanItemStatus,
} from '@kengash/contracts';

/**
 * The shipped demo council (product brief §6). Dates and themes are the public facts of the source
 * article; every person and organisation below is FICTIONAL, and group names, chairs and membership are
 * invented because the real ones are not public.
 */

export const DEMO_COUNCIL = {
  slug: 'ca-expert-council',
  name: {
    en: 'Regional Expert Council on Rehabilitation and Reintegration of Returnees (Central Asia)',
    ru: 'Региональный экспертный совет по реабилитации и реинтеграции возвращённых лиц (Центральная Азия)',
  } satisfies LocalizedText,
};

export interface DemoGroup {
  slug: string;
  theme: WorkingGroupTheme;
  name: LocalizedText;
  mandate: LocalizedText;
}

export const DEMO_GROUPS: DemoGroup[] = [
  {
    slug: 'accountability',
    theme: WorkingGroupTheme.Accountability,
    name: { en: 'Accountability and Justice', ru: 'Подотчётность и правосудие' },
    mandate: {
      en: 'Prosecution, fair trial and justice approaches for returnees, in line with international law.',
      ru: 'Уголовное преследование, справедливое судопроизводство и правосудие в отношении возвращённых лиц в соответствии с международным правом.',
    },
  },
  {
    slug: 'psychosocial-support',
    theme: WorkingGroupTheme.PsychosocialSupport,
    name: { en: 'Psychosocial Support', ru: 'Психосоциальная поддержка' },
    mandate: {
      en: 'Psychological and social rehabilitation of women, children and families, with gender- and age-sensitive approaches.',
      ru: 'Психологическая и социальная реабилитация женщин, детей и семей с учётом гендерных и возрастных особенностей.',
    },
  },
  {
    slug: 'countering-narratives',
    theme: WorkingGroupTheme.CounteringNarratives,
    name: { en: 'Countering Terrorist Narratives', ru: 'Противодействие террористическим нарративам' },
    mandate: {
      en: 'Counter-narratives and alternative narratives with theologians, teachers and communities.',
      ru: 'Контрнарративы и альтернативные нарративы совместно с теологами, учителями и местными сообществами.',
    },
  },
  {
    slug: 'civil-society',
    theme: WorkingGroupTheme.CivilSociety,
    name: { en: 'Civil Society Engagement', ru: 'Взаимодействие с гражданским обществом' },
    mandate: {
      en: 'Civil-society-led reintegration programmes and the informal regional network of practitioners.',
      ru: 'Программы реинтеграции под руководством гражданского общества и неформальная региональная сеть практиков.',
    },
  },
];

export interface DemoPerson {
  key: string;
  displayName: string;
  country: CountryCode | null;
  organisation: string;
  timeZone: string;
  locale: 'en' | 'ru';
  globalRole: GlobalRole;
  /** group slug → role */
  groups: Partial<Record<string, GroupRole>>;
}

const KZ = CountryCode.Kazakhstan;
const KG = CountryCode.Kyrgyzstan;
const TJ = CountryCode.Tajikistan;
const TM = CountryCode.Turkmenistan;
const UZ = CountryCode.Uzbekistan;

/** Fictional people of fictional organisations ("(demo)" in every organisation name). */
export const DEMO_PEOPLE: DemoPerson[] = [
  {
    key: 'secretariat',
    displayName: 'Dilnoza Karimova',
    country: UZ,
    organisation: 'Council Secretariat (demo)',
    timeZone: 'Asia/Tashkent',
    locale: 'ru',
    globalRole: GlobalRole.Secretariat,
    groups: {},
  },
  {
    key: 'admin',
    displayName: 'Timur Rakhimov',
    country: UZ,
    organisation: 'Council Secretariat (demo)',
    timeZone: 'Asia/Tashkent',
    locale: 'en',
    globalRole: GlobalRole.Admin,
    groups: {},
  },
  {
    key: 'chair-accountability',
    displayName: 'Aigerim Seitkali',
    country: KZ,
    organisation: 'Steppe Law Institute (demo)',
    timeZone: 'Asia/Almaty',
    locale: 'ru',
    globalRole: GlobalRole.Member,
    groups: { accountability: GroupRole.Chair },
  },
  {
    key: 'cochair-accountability',
    displayName: 'Bakyt Osmonov',
    country: KG,
    organisation: 'Ala-Too Justice Centre (demo)',
    timeZone: 'Asia/Bishkek',
    locale: 'ru',
    globalRole: GlobalRole.Member,
    groups: { accountability: GroupRole.CoChair },
  },
  {
    key: 'prosecutor',
    displayName: 'Farrukh Yusupov',
    country: UZ,
    organisation: 'Fictional Prosecutors’ Academy (demo)',
    timeZone: 'Asia/Tashkent',
    locale: 'ru',
    globalRole: GlobalRole.Member,
    groups: { accountability: GroupRole.Member },
  },
  {
    key: 'probation',
    displayName: 'Gulshan Nazarova',
    country: TJ,
    organisation: 'Varzob Probation Service (demo)',
    timeZone: 'Asia/Dushanbe',
    locale: 'ru',
    globalRole: GlobalRole.Member,
    groups: { accountability: GroupRole.Member, 'psychosocial-support': GroupRole.Member },
  },
  {
    key: 'chair-psychosocial',
    displayName: 'Madina Abdullaeva',
    country: TJ,
    organisation: 'Pamir Family Wellbeing Centre (demo)',
    timeZone: 'Asia/Dushanbe',
    locale: 'ru',
    globalRole: GlobalRole.Member,
    groups: { 'psychosocial-support': GroupRole.Chair },
  },
  {
    key: 'rapporteur-psychosocial',
    displayName: 'Saule Zhaksybekova',
    country: KZ,
    organisation: 'Irtysh Psychology Network (demo)',
    timeZone: 'Asia/Almaty',
    locale: 'ru',
    globalRole: GlobalRole.Member,
    groups: { 'psychosocial-support': GroupRole.Rapporteur },
  },
  {
    key: 'psychologist',
    displayName: 'Nodira Tursunova',
    country: UZ,
    organisation: 'Fergana Children’s Support House (demo)',
    timeZone: 'Asia/Tashkent',
    locale: 'ru',
    globalRole: GlobalRole.Member,
    groups: { 'psychosocial-support': GroupRole.Member },
  },
  {
    key: 'social-worker',
    displayName: 'Aibek Toktogulov',
    country: KG,
    organisation: 'Osh Social Work Association (demo)',
    timeZone: 'Asia/Bishkek',
    locale: 'ru',
    globalRole: GlobalRole.Member,
    groups: { 'psychosocial-support': GroupRole.Member, 'civil-society': GroupRole.Member },
  },
  {
    key: 'chair-narratives',
    displayName: 'Merdan Orazov',
    country: TM,
    organisation: 'Kopetdag Education Institute (demo)',
    timeZone: 'Asia/Ashgabat',
    locale: 'ru',
    globalRole: GlobalRole.Member,
    groups: { 'countering-narratives': GroupRole.Chair },
  },
  {
    key: 'theologian',
    displayName: 'Ilhom Safarov',
    country: TJ,
    organisation: 'Hisor Theological Seminary (demo)',
    timeZone: 'Asia/Dushanbe',
    locale: 'ru',
    globalRole: GlobalRole.Member,
    groups: { 'countering-narratives': GroupRole.Member },
  },
  {
    key: 'teacher',
    displayName: 'Zarina Mambetova',
    country: KG,
    organisation: 'Issyk-Kul Teachers’ Union (demo)',
    timeZone: 'Asia/Bishkek',
    locale: 'ru',
    globalRole: GlobalRole.Member,
    groups: { 'countering-narratives': GroupRole.Rapporteur },
  },
  {
    key: 'media',
    displayName: 'Arman Dzhumabaev',
    country: KZ,
    organisation: 'Open Steppe Media Lab (demo)',
    timeZone: 'Asia/Almaty',
    locale: 'en',
    globalRole: GlobalRole.Member,
    groups: { 'countering-narratives': GroupRole.Member },
  },
  {
    key: 'chair-civil-society',
    displayName: 'Shahnoza Ergasheva',
    country: UZ,
    organisation: 'Mahalla Partnership Foundation (demo)',
    timeZone: 'Asia/Tashkent',
    locale: 'ru',
    globalRole: GlobalRole.Member,
    groups: { 'civil-society': GroupRole.Chair },
  },
  {
    key: 'ngo-lead',
    displayName: 'Ogulgerek Annayeva',
    country: TM,
    organisation: 'Murgab Women’s Initiative (demo)',
    timeZone: 'Asia/Ashgabat',
    locale: 'ru',
    globalRole: GlobalRole.Member,
    groups: { 'civil-society': GroupRole.CoChair },
  },
  {
    key: 'rapporteur-accountability',
    displayName: 'Firuza Rahimova',
    country: TJ,
    organisation: 'Dushanbe Rule of Law Forum (demo)',
    timeZone: 'Asia/Dushanbe',
    locale: 'ru',
    globalRole: GlobalRole.Member,
    groups: { accountability: GroupRole.Rapporteur },
  },
  {
    key: 'legal-aid-tm',
    displayName: 'Aylar Berdiyeva',
    country: TM,
    organisation: 'Balkan Legal Aid Bureau (demo)',
    timeZone: 'Asia/Ashgabat',
    locale: 'ru',
    globalRole: GlobalRole.Member,
    groups: { accountability: GroupRole.Member },
  },
  {
    key: 'counsellor-tm',
    displayName: 'Jennet Ataeva',
    country: TM,
    organisation: 'Ahal Family Counselling (demo)',
    timeZone: 'Asia/Ashgabat',
    locale: 'ru',
    globalRole: GlobalRole.Member,
    groups: { 'psychosocial-support': GroupRole.Member },
  },
  {
    key: 'dialogue-uz',
    displayName: 'Bahodir Qodirov',
    country: UZ,
    organisation: 'Tashkent Interfaith Dialogue Centre (demo)',
    timeZone: 'Asia/Tashkent',
    locale: 'ru',
    globalRole: GlobalRole.Member,
    groups: { 'countering-narratives': GroupRole.Member },
  },
  {
    key: 'ngo-kz',
    displayName: 'Dana Kaliyeva',
    country: KZ,
    organisation: 'Steppe Women’s Network (demo)',
    timeZone: 'Asia/Almaty',
    locale: 'ru',
    globalRole: GlobalRole.Member,
    groups: { 'civil-society': GroupRole.Member },
  },
  {
    key: 'ngo-tj',
    displayName: 'Shoira Davlatova',
    country: TJ,
    organisation: 'Khujand Community Foundation (demo)',
    timeZone: 'Asia/Dushanbe',
    locale: 'ru',
    globalRole: GlobalRole.Member,
    groups: { 'civil-society': GroupRole.Rapporteur },
  },
  {
    key: 'observer-geneva',
    displayName: 'Sophie Martin',
    country: null,
    organisation: 'Humanitarian Partner, Geneva (demo)',
    timeZone: 'Europe/Zurich',
    locale: 'en',
    globalRole: GlobalRole.Observer,
    groups: { 'psychosocial-support': GroupRole.Observer, accountability: GroupRole.Observer },
  },
  {
    key: 'focal-point-kz',
    displayName: 'Yerlan Bekov',
    country: KZ,
    organisation: 'National Focal Point Office (demo)',
    timeZone: 'Asia/Almaty',
    locale: 'ru',
    globalRole: GlobalRole.FocalPoint,
    groups: {},
  },
  {
    key: 'focal-point-kg',
    displayName: 'Nurbek Alymkulov',
    country: KG,
    organisation: 'National Focal Point Office (demo)',
    timeZone: 'Asia/Bishkek',
    locale: 'ru',
    globalRole: GlobalRole.FocalPoint,
    groups: {},
  },
  {
    key: 'focal-point-tj',
    displayName: 'Parvina Sharipova',
    country: TJ,
    organisation: 'National Focal Point Office (demo)',
    timeZone: 'Asia/Dushanbe',
    locale: 'ru',
    globalRole: GlobalRole.FocalPoint,
    groups: {},
  },
  {
    key: 'focal-point-tm',
    displayName: 'Batyr Gurbanov',
    country: TM,
    organisation: 'National Focal Point Office (demo)',
    timeZone: 'Asia/Ashgabat',
    locale: 'ru',
    globalRole: GlobalRole.FocalPoint,
    groups: {},
  },
  {
    key: 'focal-point-uz',
    displayName: 'Sardor Mirzaev',
    country: UZ,
    organisation: 'National Focal Point Office (demo)',
    timeZone: 'Asia/Tashkent',
    locale: 'en',
    globalRole: GlobalRole.FocalPoint,
    groups: {},
  },
  {
    key: 'practitioner',
    displayName: 'Kamola Ismoilova',
    country: UZ,
    organisation: 'Namangan Community Centre (demo)',
    timeZone: 'Asia/Tashkent',
    locale: 'ru',
    globalRole: GlobalRole.Practitioner,
    groups: {},
  },
  {
    key: 'observer-un',
    displayName: 'Claire Dumont',
    country: null,
    organisation: 'International Partner Office, New York (demo)',
    timeZone: 'America/New_York',
    locale: 'en',
    globalRole: GlobalRole.Observer,
    groups: {
      accountability: GroupRole.Observer,
      'psychosocial-support': GroupRole.Observer,
      'countering-narratives': GroupRole.Observer,
      'civil-society': GroupRole.Observer,
    },
  },
  {
    key: 'observer-vienna',
    displayName: 'Lukas Brenner',
    country: null,
    organisation: 'Regional Security Partner, Vienna (demo)',
    timeZone: 'Europe/Vienna',
    locale: 'en',
    globalRole: GlobalRole.Observer,
    groups: { 'civil-society': GroupRole.Observer },
  },
];

export const demoEmail = (key: string) => `${key}@demo.kengash.example`;

/** The password of every demo account (they work only while DEMO_DATA is on). */
export const DEMO_PASSWORD = 'kengash-demo-2024';

export interface DemoSession {
  key: string;
  title: string;
  format: 'online' | 'in_person' | 'hybrid';
  startsAt: string;
  endsAt: string;
  timeZone: string;
  location: string | null;
  status: 'scheduled' | 'ended';
  groups: string[] | 'all';
  agenda: { title: string; minutes: number; presenter?: string }[];
  /** RFC 5545 rule of a series, computed in `timeZone`. */
  rrule?: string;
  organiser?: string;
}

export const DEMO_SESSIONS: DemoSession[] = [
  {
    key: 'civil-society-monthly',
    title: 'Civil Society Engagement: monthly online exchange — demo series',
    format: 'online',
    startsAt: '2024-09-10T06:00:00Z', // 11:00 in Tashkent, second Tuesday of each month
    endsAt: '2024-09-10T07:00:00Z',
    timeZone: 'Asia/Tashkent',
    location: null,
    status: 'scheduled',
    groups: ['civil-society'],
    rrule: 'FREQ=MONTHLY;BYDAY=2TU',
    organiser: 'chair-civil-society',
    agenda: [
      { title: 'News from the practitioners’ network', minutes: 20, presenter: 'ngo-tj' },
      { title: 'Small-grant scheme: progress', minutes: 25, presenter: 'ngo-lead' },
      { title: 'Any other business', minutes: 15, presenter: 'chair-civil-society' },
    ],
  },
  {
    key: 'first-wg-meeting',
    title: 'First meeting of the working groups (online) — demo record',
    format: 'online',
    startsAt: '2024-07-26T10:00:00Z',
    endsAt: '2024-07-26T12:30:00Z',
    timeZone: 'Asia/Tashkent',
    location: null,
    status: 'ended',
    groups: 'all',
    agenda: [
      { title: 'Opening and adoption of the agenda', minutes: 10, presenter: 'secretariat' },
      { title: 'Results of the council’s launch in Tashkent on 14 May 2024', minutes: 25, presenter: 'secretariat' },
      {
        title: 'Preliminary plans of the working groups for 2024–2025',
        minutes: 60,
        presenter: 'chair-accountability',
      },
      {
        title: 'Developing the informal regional network of practitioners',
        minutes: 40,
        presenter: 'chair-civil-society',
      },
      { title: 'Any other business and closing', minutes: 15, presenter: 'secretariat' },
    ],
  },
  {
    key: 'second-wg-meeting',
    title: 'Second meeting of the working groups, Tashkent (in person) — demo record',
    format: 'in_person',
    startsAt: '2024-11-27T04:30:00Z',
    endsAt: '2024-11-27T12:00:00Z',
    timeZone: 'Asia/Tashkent',
    location: 'Tashkent',
    status: 'ended',
    groups: 'all',
    agenda: [
      {
        title: 'Civil-society-led rehabilitation and reintegration programmes',
        minutes: 90,
        presenter: 'chair-civil-society',
      },
      { title: 'Gender- and age-sensitive approaches', minutes: 90, presenter: 'chair-psychosocial' },
      {
        title: 'Legal frameworks for rehabilitation and reintegration',
        minutes: 90,
        presenter: 'chair-accountability',
      },
    ],
  },
];

/** The council's chairmanship: Kazakhstan chaired in 2025 (the Astana dialogue of 30 April 2025); exact dates invented. */
export const DEMO_CHAIRMANSHIPS = [{ country: KZ, periodStart: '2025-01-01', periodEnd: '2025-12-31' }];

export interface DemoPlanItem {
  objective: string;
  deliverable: string;
  owner: string;
  due: string;
  status: WorkPlanItemStatus;
  progress: number;
  /** Other groups sharing the item. */
  joint?: string[];
}

/** A plausible 2024–2025 work plan per group (invented, marked as demo). */
export const DEMO_WORK_PLANS: Record<string, DemoPlanItem[]> = {
  accountability: [
    {
      objective: 'Compare national legal frameworks for prosecuting and rehabilitating returnees',
      deliverable: 'Comparative review of the five countries’ legislation',
      owner: 'rapporteur-accountability',
      due: '2024-12-15',
      status: WorkPlanItemStatus.Done,
      progress: 100,
    },
    {
      objective: 'Agree principles for individual assessment of women and children returnees',
      deliverable: 'Guidance note on case assessment principles',
      owner: 'chair-accountability',
      due: '2025-06-30',
      status: WorkPlanItemStatus.InProgress,
      progress: 60,
    },
    {
      objective: 'Exchange practice between prosecutors and probation services',
      deliverable: 'Two peer-exchange webinars',
      owner: 'probation',
      due: '2025-10-31',
      status: WorkPlanItemStatus.Planned,
      progress: 0,
    },
  ],
  'psychosocial-support': [
    {
      objective: 'Map psychosocial services available to returnee families',
      deliverable: 'Regional service map',
      owner: 'rapporteur-psychosocial',
      due: '2024-11-27',
      status: WorkPlanItemStatus.Done,
      progress: 100,
    },
    {
      objective: 'Develop gender- and age-sensitive counselling approaches',
      deliverable: 'Practitioner handbook chapter',
      owner: 'psychologist',
      due: '2025-05-31',
      status: WorkPlanItemStatus.InProgress,
      progress: 40,
    },
    {
      objective: 'Train school psychologists working with returned children',
      deliverable: 'Training module and pilot in two regions',
      owner: 'chair-psychosocial',
      due: '2025-11-30',
      status: WorkPlanItemStatus.Planned,
      progress: 10,
    },
    {
      objective: 'Launch the informal regional network of practitioners',
      deliverable: 'Network charter and first online meeting',
      owner: 'chair-civil-society',
      due: '2025-04-30',
      status: WorkPlanItemStatus.InProgress,
      progress: 70,
      joint: ['civil-society'],
    },
  ],
  'countering-narratives': [
    {
      objective: 'Collect evidence on effective counter- and alternative narratives',
      deliverable: 'Annotated evidence review',
      owner: 'media',
      due: '2025-03-31',
      status: WorkPlanItemStatus.Done,
      progress: 100,
    },
    {
      objective: 'Prepare materials with theologians and teachers for community work',
      deliverable: 'Discussion guide for mahalla and school settings',
      owner: 'theologian',
      due: '2025-09-30',
      status: WorkPlanItemStatus.InProgress,
      progress: 50,
    },
    {
      objective: 'Assess online outreach formats',
      deliverable: 'Short assessment of three pilot formats',
      owner: 'teacher',
      due: '2025-12-15',
      status: WorkPlanItemStatus.Dropped,
      progress: 0,
    },
  ],
  'civil-society': [
    {
      objective: 'Document civil-society-led reintegration programmes',
      deliverable: 'Case collection (aggregate, no personal data)',
      owner: 'ngo-tj',
      due: '2024-11-27',
      status: WorkPlanItemStatus.Done,
      progress: 100,
    },
    {
      objective: 'Design small-grant support for local NGOs',
      deliverable: 'Grant scheme proposal to partners',
      owner: 'ngo-lead',
      due: '2025-08-31',
      status: WorkPlanItemStatus.InProgress,
      progress: 30,
    },
  ],
};

/** An upcoming online session of all groups, about four weeks after the demo data is loaded (invented). */
export function upcomingDemoSession(now: Date): DemoSession {
  const day = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 28, 10, 0));
  return {
    key: 'upcoming-wg-meeting',
    title: 'Working groups: progress on the work plans (online) — demo',
    format: 'online',
    startsAt: day.toISOString(),
    endsAt: new Date(day.getTime() + 2 * 3_600_000).toISOString(),
    timeZone: 'Asia/Tashkent',
    location: null,
    status: 'scheduled',
    groups: 'all',
    organiser: 'secretariat',
    agenda: [
      { title: 'Progress of each group’s work plan', minutes: 60, presenter: 'secretariat' },
      { title: 'The practitioners’ network: next steps', minutes: 45, presenter: 'chair-civil-society' },
    ],
  };
}

/**
 * Draft minutes of the first (online) meeting of 26 July 2024 — a demo record: the notes are invented from
 * the public themes of the meeting; the decisions follow what was announced (the groups' preliminary plans,
 * work on the practitioners' network). Keyed by agenda position (1-based).
 */
export const DEMO_FIRST_MEETING_MINUTES = {
  sessionKey: 'first-wg-meeting',
  /** Attendees who left early or joined late (seconds present); everyone else: the whole meeting. */
  partial: { 'observer-vienna': 5400, 'legal-aid-tm': 7200 } as Record<string, number>,
  items: {
    1: {
      notes:
        '<p>The secretariat opened the meeting, welcomed the members of the four working groups and the observers, and presented the agenda, which was adopted without changes.</p>',
      decisions: ['The agenda is adopted.'],
    },
    2: {
      notes:
        '<p>The secretariat reported on the launch of the council in Tashkent on 14 May 2024 and on the roadmap for 2024–2025.</p><ul><li>Five countries have nominated focal points.</li><li>The roadmap foresees two meetings of the working groups a year, one online and one in person.</li></ul>',
      decisions: [],
    },
    3: {
      notes:
        '<p>Each chair presented the preliminary work plan of their group. Members discussed overlaps between the accountability and psychosocial support plans and agreed to mark joint items.</p><p><strong>Demo record:</strong> these notes are invented for the demonstration.</p>',
      decisions: [
        'The preliminary plans of the four working groups for 2024–2025 are adopted as the basis of their work.',
        'Joint items between groups are marked in each plan and followed by both chairs.',
      ],
    },
    4: {
      notes:
        '<p>The chair of the civil-society group proposed to start an informal regional network of practitioners working with returnees in small towns, with minimal-visibility profiles by default.</p>',
      decisions: [
        'Work starts on the informal regional network of practitioners; a first outline for the next meeting.',
      ],
    },
    5: {
      notes:
        '<p>The next meeting will be held in person in Tashkent in November 2024. The chair closed the meeting.</p>',
      decisions: [],
    },
  } as Record<number, { notes: string; decisions: string[] }>,
};
