import { UserEntity } from '@kengash/api-identity';
import { hashStatusToken, NetworkApplicationEntity, NetworkProfileEntity } from '@kengash/api-network';
import {
  ApplicationStatus,
  CountryCode,
  DEFAULT_FIELD_VISIBILITY,
  FieldVisibility,
  GlobalRole,
  Locale,
  OrganisationType,
  PracticeLanguage,
  PracticeTheme,
  PRIVACY_NOTICE_VERSION,
  ProfileField,
  ProfileLabel,
  UserStatus,
} from '@kengash/contracts';
import { randomBytes } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { demoEmail } from './demo-data';

/**
 * A dozen (and one) FICTIONAL applications to the practitioners' network at every vetting stage (product brief §6).
 * Names are invented, written in the scripts of the region; every organisation is fictional and says "(demo)".
 */
interface DemoApplication {
  key: string;
  name: string;
  locale: Locale;
  role: string;
  organisationType: OrganisationType;
  organisationName: string;
  country: CountryCode;
  region: string;
  languages: PracticeLanguage[];
  expertise: PracticeTheme[];
  motivation: string;
  status: ApplicationStatus;
  /** Days before the seed that the application came in. */
  daysAgo: number;
  referee?: string;
  endorsementNote?: string;
  reason?: string;
  reasonShareable?: boolean;
  statusNote?: string;
  /** An existing demo account (key in the demo people) instead of a new fictional practitioner account. */
  account?: string;
  /** Accepted practitioners: their profile's own choices (the rest is the application and the defaults). */
  profile?: {
    bio: string;
    phone: string;
    label?: ProfileLabel;
    visibility: Partial<Record<ProfileField, FieldVisibility>>;
  };
}

const { Kazakhstan: KZ, Kyrgyzstan: KG, Tajikistan: TJ, Turkmenistan: TM, Uzbekistan: UZ } = CountryCode;

export const DEMO_APPLICATIONS: DemoApplication[] = [
  {
    key: 'network-aigerim',
    name: 'Айгерім Сейітқызы',
    locale: 'ru',
    role: 'Психолог',
    organisationType: 'ngo',
    organisationName: 'Шымкент «Жаңа өмір» орталығы (demo)',
    country: KZ,
    region: 'Түркістан облысы',
    languages: ['kk', 'ru'],
    expertise: ['psychosocial_support', 'family_community'],
    motivation: 'I work with families after their return and want to learn from colleagues across the region.',
    status: 'submitted',
    daysAgo: 2,
  },
  {
    key: 'network-nurgul',
    name: 'Нургүл Асанбекова',
    locale: 'ru',
    role: 'Социальный работник',
    organisationType: 'government',
    organisationName: 'Ош шаарынын социалдык борбору (demo)',
    country: KG,
    region: 'Ошская область',
    languages: ['ky', 'ru'],
    expertise: ['family_community', 'legal_documents'],
    motivation: 'Our centre helps women restore their documents; I would like to exchange practice with others.',
    status: 'submitted',
    daysAgo: 4,
    referee: 'social-worker',
  },
  {
    key: 'network-farzona',
    name: 'Фарзона Раҳимзода',
    locale: 'ru',
    role: 'Муаллима',
    organisationType: 'education',
    organisationName: 'Мактаб-интернати Хуҷанд (demo)',
    country: TJ,
    region: 'Вилояти Суғд',
    languages: ['tg', 'ru'],
    expertise: ['education'],
    motivation: 'I teach returned children in a boarding school and look for methods that work elsewhere.',
    status: 'submitted',
    daysAgo: 1,
  },
  {
    key: 'network-nurlan',
    name: 'Нұрлан Жақсылықов',
    locale: 'ru',
    role: 'Пробация қызметкері',
    organisationType: 'government',
    organisationName: 'Қарағанды пробация бөлімі (demo)',
    country: KZ,
    region: 'Карагандинская область',
    languages: ['kk', 'ru'],
    expertise: ['legal_documents', 'vocational_training'],
    motivation: 'Probation officers in small towns need a place to ask colleagues about reintegration cases.',
    status: 'endorsed',
    daysAgo: 12,
    endorsementNote: 'Known to our office; works with the regional centre.',
  },
  {
    key: 'network-bekzod',
    name: 'Bekzod Xolmatov',
    locale: 'en',
    role: 'Mahalla adviser',
    organisationType: 'government',
    organisationName: 'Marg‘ilon mahalla maslahatchilari (demo)',
    country: UZ,
    region: 'Farg‘ona viloyati',
    languages: ['uz', 'ru', 'en'],
    expertise: ['family_community', 'religious_counselling'],
    motivation: 'I support families in our mahalla and want to share how neighbours help returnees settle.',
    status: 'endorsed',
    daysAgo: 9,
    referee: 'dialogue-uz',
  },
  {
    key: 'network-ayna',
    name: 'Aýna Öwezowa',
    locale: 'ru',
    role: 'Lukman-psiholog',
    organisationType: 'health',
    organisationName: 'Daşoguz saglyk merkezi (demo)',
    country: TM,
    region: 'Daşoguz welaýaty',
    languages: ['tk', 'ru'],
    expertise: ['health', 'psychosocial_support'],
    motivation: 'I provide psychological care in a regional clinic and would like supervision from peers.',
    status: 'endorsed',
    daysAgo: 7,
  },
  {
    key: 'network-shahlo',
    name: 'Shahlo Yo‘ldosheva',
    locale: 'ru',
    role: 'Ijtimoiy xodim',
    organisationType: 'ngo',
    organisationName: 'Namangan ayollar markazi (demo)',
    country: UZ,
    region: 'Namangan viloyati',
    languages: ['uz', 'ru'],
    expertise: ['psychosocial_support', 'vocational_training'],
    motivation: 'We run vocational courses for women; I want to compare results with other programmes.',
    status: 'accepted',
    daysAgo: 40,
    endorsementNote: 'Recommended by the regional administration.',
    reason: 'Long experience with women’s reintegration programmes; endorsed by the focal point.',
    reasonShareable: true,
    profile: {
      bio: 'Runs sewing and bookkeeping courses for women after their return (demo).',
      phone: '+998 69 555 0147',
      label: 'role',
      visibility: { name: 'secretariat', role: 'network', region: 'network', bio: 'network', email: 'council' },
    },
  },
  {
    key: 'network-ermek',
    name: 'Эрмек Токтосунов',
    locale: 'ru',
    role: 'Теолог',
    organisationType: 'religious',
    organisationName: 'Бишкек диний кеңеш борбору (demo)',
    country: KG,
    region: 'г. Бишкек',
    languages: ['ky', 'ru'],
    expertise: ['religious_counselling'],
    motivation: 'I counsel young people on religious questions and want to share counter-narrative practice.',
    status: 'accepted',
    daysAgo: 55,
    reason: 'Relevant counselling practice; the focal point endorsed the application.',
    reasonShareable: false,
    profile: {
      bio: 'Counsels young people and their families on religious questions (demo).',
      phone: '+996 312 555 0199',
      label: 'organisationType',
      visibility: { name: 'me', role: 'secretariat', phone: 'me', email: 'secretariat' },
    },
  },
  {
    key: 'network-kamola',
    account: 'practitioner',
    name: 'Kamola Ismoilova',
    locale: 'ru',
    role: 'Psychologist',
    organisationType: 'ngo',
    organisationName: 'Namangan Community Centre (demo)',
    country: UZ,
    region: 'Namangan viloyati',
    languages: ['uz', 'ru', 'en'],
    expertise: ['psychosocial_support', 'family_community'],
    motivation: 'I counsel returned women and children in our community centre and want to learn from peers.',
    status: 'accepted',
    daysAgo: 120,
    endorsementNote: 'Works closely with the mahalla committees (demo).',
    reason: 'Experienced community psychologist; endorsed by the focal point.',
    reasonShareable: true,
    profile: {
      bio: 'Community psychologist: group support for returned women, school re-entry of their children (demo).',
      phone: '+998 69 555 0123',
      visibility: { name: 'network', role: 'network', region: 'council', bio: 'network', phone: 'council' },
    },
  },
  {
    key: 'network-olga',
    name: 'Ольга Ким',
    locale: 'ru',
    role: 'Журналист',
    organisationType: 'other',
    organisationName: 'Независимый блог «Степь» (demo)',
    country: KZ,
    region: 'г. Алматы',
    languages: ['ru'],
    expertise: ['education'],
    motivation: 'I write about returnees and would like access to practitioners for interviews.',
    status: 'rejected',
    daysAgo: 30,
    reason: 'The network is for practitioners who work with returnees; media contacts go through the secretariat.',
    reasonShareable: true,
  },
  {
    key: 'network-jamshed',
    name: 'Ҷамшед Назаров',
    locale: 'ru',
    role: 'Консультант',
    organisationType: 'other',
    organisationName: 'ҶДММ «Машварат» (demo)',
    country: TJ,
    region: 'г. Душанбе',
    languages: ['tg', 'ru'],
    expertise: ['legal_documents'],
    motivation: 'I advise organisations on legal questions and want to offer my services to the network.',
    status: 'rejected',
    daysAgo: 25,
    reason: 'Concerns raised during vetting that the secretariat does not share with the applicant (demo).',
    reasonShareable: false,
  },
  {
    key: 'network-dilorom',
    name: 'Дилором Саидова',
    locale: 'ru',
    role: 'Психолог',
    organisationType: 'health',
    organisationName: 'Маркази солимии Кӯлоб (demo)',
    country: TJ,
    region: 'Вилояти Хатлон',
    languages: ['tg', 'ru'],
    expertise: ['psychosocial_support', 'health'],
    motivation: 'I work with children in a health centre and would like to learn trauma-informed methods.',
    status: 'suspended',
    daysAgo: 300,
    reason: 'Experienced child psychologist; endorsed by the focal point.',
    reasonShareable: true,
    statusNote: 'Suspended pending re-vetting after a change of employer (demo).',
  },
  {
    key: 'network-merdan',
    name: 'Merdan Gurbanow',
    locale: 'en',
    role: 'Mugallym',
    organisationType: 'education',
    organisationName: 'Mary hünär okuw merkezi (demo)',
    country: TM,
    region: 'Mary welaýaty',
    languages: ['tk', 'ru', 'en'],
    expertise: ['vocational_training', 'education'],
    motivation: 'I teach vocational skills and want to help design training for returnees.',
    status: 'left',
    daysAgo: 400,
    reason: 'Vocational training practice relevant to the network.',
    reasonShareable: true,
    statusNote: 'Left the network after moving abroad (demo).',
  },
];

const FOCAL_POINT: Record<CountryCode, string> = {
  [KZ]: 'focal-point-kz',
  [KG]: 'focal-point-kg',
  [TJ]: 'focal-point-tj',
  [TM]: 'focal-point-tm',
  [UZ]: 'focal-point-uz',
};

const DECIDED: ApplicationStatus[] = ['accepted', 'rejected', 'suspended', 'left'];
const MEMBERSHIP: ApplicationStatus[] = ['accepted', 'suspended', 'left'];

/**
 * Loads the demo applications. Accepted people get their fictional practitioner account (active, with the demo
 * password, so that the directory has people in it) and a profile with varied visibilities; suspended and left
 * ones a disabled account. Kamola Ismoilova, the demo practitioner, is an accepted member with her own account.
 */
export async function seedDemoNetwork(
  tx: EntityManager,
  people: Map<string, { id: string }>,
  passwordHash: string,
): Promise<void> {
  const now = Date.now();
  const day = 86_400_000;
  for (const d of DEMO_APPLICATIONS) {
    const submitted = new Date(now - d.daysAgo * day);
    const endorsed = d.status !== 'submitted' && !(d.status === 'rejected' && d.key === 'network-jamshed');
    const decided = DECIDED.includes(d.status);
    let userId: string | null = null;
    if (d.account) {
      userId = people.get(d.account)?.id ?? null;
      if (!userId) throw new Error(`Demo data: unknown person ${d.account}`);
    } else if (MEMBERSHIP.includes(d.status)) {
      const user = await tx.getRepository(UserEntity).save({
        email: demoEmail(d.key),
        displayName: d.name,
        locale: d.locale,
        country: d.country,
        organisation: d.organisationName,
        globalRole: GlobalRole.Practitioner,
        status: d.status === 'accepted' ? UserStatus.Active : UserStatus.Disabled,
        ...(d.status === 'accepted' ? { passwordHash, emailVerifiedAt: submitted } : {}),
        demo: true,
      });
      userId = user.id;
    }
    const decidedAt = decided ? new Date(submitted.getTime() + 10 * day) : null;
    await tx.getRepository(NetworkApplicationEntity).save({
      status: d.status,
      name: d.name,
      email: demoEmail(d.account ?? d.key),
      locale: d.locale,
      role: d.role,
      organisationType: d.organisationType,
      organisationName: d.organisationName,
      country: d.country,
      region: d.region,
      languages: d.languages,
      expertise: d.expertise,
      motivation: d.motivation,
      refereeId: d.referee ? (people.get(d.referee)?.id ?? null) : null,
      consentVersion: PRIVACY_NOTICE_VERSION,
      consentAt: submitted,
      // A token nobody knows: the demo applicants' status links were never sent.
      statusTokenHash: hashStatusToken(randomBytes(32).toString('base64url')),
      formNonce: null,
      endorsedById: endorsed ? (people.get(FOCAL_POINT[d.country])?.id ?? null) : null,
      endorsedAt: endorsed ? new Date(submitted.getTime() + 3 * day) : null,
      endorsementNote: endorsed ? (d.endorsementNote ?? null) : null,
      decidedById: decided ? (people.get('secretariat')?.id ?? null) : null,
      decidedAt,
      decisionReason: d.reason ?? null,
      reasonShareable: d.reasonShareable ?? false,
      statusNote: d.statusNote ?? null,
      userId,
      revetDue:
        MEMBERSHIP.includes(d.status) && decidedAt
          ? new Date(decidedAt.getTime() + 730 * day).toISOString().slice(0, 10)
          : null,
      demo: true,
      createdAt: submitted,
    });
    if (userId && d.status === 'accepted' && d.profile) {
      await tx.getRepository(NetworkProfileEntity).save({
        userId,
        name: d.name,
        role: d.role,
        organisationType: d.organisationType,
        organisationName: d.organisationName,
        country: d.country,
        region: d.region,
        languages: d.languages,
        expertise: d.expertise,
        bio: d.profile.bio,
        phone: d.profile.phone,
        email: demoEmail(d.account ?? d.key),
        label: d.profile.label ?? 'name',
        visibility: { ...DEFAULT_FIELD_VISIBILITY, ...d.profile.visibility },
      });
    }
  }
}
