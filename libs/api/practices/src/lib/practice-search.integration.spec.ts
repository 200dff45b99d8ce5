import { Principal } from '@kengash/api-identity';
import { createMigratedDatabase, MigratedDatabase } from '@kengash/api-testing';
import {
  CountryCode,
  EvidenceLevel,
  GlobalRole,
  PracticeFacets,
  PracticeTheme,
  PracticeTranslationInput,
  PracticeVisibility,
  TargetGroup,
} from '@kengash/contracts';
import { upsertTranslation } from './practice-input';
import { PracticeSearchService } from './practice-search.service';

interface Seed {
  country: CountryCode | null;
  themes: PracticeTheme[];
  targetGroups: TargetGroup[];
  evidence: EvidenceLevel;
  visibility: PracticeVisibility;
  status?: 'published' | 'draft' | 'archived';
  original: PracticeTranslationInput;
  translations?: PracticeTranslationInput[];
}

const t = (locale: PracticeTranslationInput['locale'], title: string, summary: string, body: string) => ({
  locale,
  title,
  summary,
  body,
  status: 'reviewed' as const,
});

/** The library's own entries for these tests (the demo data is not loaded: the counts below are exact). */
const SEEDS: Seed[] = [
  {
    country: CountryCode.Kazakhstan,
    themes: ['psychosocial_support', 'family_community'],
    targetGroups: ['women', 'children'],
    evidence: 'documented',
    visibility: 'public',
    original: t(
      'en',
      'Regional rehabilitation centres',
      'Psychologists, theologians and lawyers support reintegration in the regions.',
      '<p>The adaptation centre was followed by regional centres supporting the reintegration of families &amp; children &lt;18.</p>',
    ),
    translations: [
      t(
        'ru',
        'Региональные центры реабилитации',
        'Психологи, теологи и юристы поддерживают реинтеграцию в регионах.',
        '<p>После адаптационного центра открылись региональные центры, поддерживающие реинтеграцию семей.</p>',
      ),
    ],
  },
  {
    country: CountryCode.Uzbekistan,
    themes: ['legal_documents', 'family_community'],
    targetGroups: ['women'],
    evidence: 'evaluated',
    visibility: 'network',
    original: t(
      'ru',
      'Махалля и восстановление документов',
      'Махаллинские институты сопровождают возвращённых женщин.',
      '<p>Восстановление документов и амнистия для женщин.</p>',
    ),
  },
  {
    country: CountryCode.Kyrgyzstan,
    themes: ['education'],
    targetGroups: ['children'],
    evidence: 'practice_report',
    visibility: 'council',
    original: t('en', 'School return of children', 'Teachers prepare classes.', '<p>Schools receive children.</p>'),
  },
  {
    country: CountryCode.Tajikistan,
    themes: ['vocational_training'],
    targetGroups: ['men', 'women'],
    evidence: 'documented',
    visibility: 'public',
    original: t(
      'tg',
      'Омӯзиши касбӣ',
      'Барномаи давлатӣ барои омӯзиши касбӣ.',
      '<p>Омӯзиши касбӣ ва барқарорсозии ҳуҷҷатҳо.</p>',
    ),
    translations: [t('en', 'Vocational training', 'A government programme.', '<p>Vocational training courses.</p>')],
  },
  {
    country: CountryCode.Kazakhstan,
    themes: ['psychosocial_support'],
    targetGroups: ['children'],
    evidence: 'documented',
    visibility: 'public',
    status: 'draft',
    original: t('en', 'Unpublished reintegration draft', 'Not yet reviewed.', '<p>Reintegration draft.</p>'),
  },
  {
    country: CountryCode.Turkmenistan,
    themes: ['health'],
    targetGroups: ['communities'],
    evidence: 'documented',
    visibility: 'public',
    status: 'archived',
    original: t('en', 'Archived reintegration note', 'Old.', '<p>Reintegration, archived.</p>'),
  },
];

const principal = (globalRole: GlobalRole): Principal => ({
  userId: '00000000-0000-4000-8000-000000000001',
  email: 'reader@example.org',
  globalRole,
  country: null,
  memberships: [],
  totpEnabled: false,
  totpEnrolmentRequired: false,
  familyId: 'f',
});

describe('practice search on a real PostgreSQL (full text over translations, facets, visibility)', () => {
  let db: MigratedDatabase;
  let search: PracticeSearchService;
  const ids: string[] = [];

  beforeAll(async () => {
    db = await createMigratedDatabase('practice_search', []);
    search = new PracticeSearchService(db.dataSource);
    for (const seed of SEEDS) {
      const rows: { id: string }[] = await db.dataSource.query(
        `INSERT INTO practices (status, visibility, original_locale, country, themes, target_groups, evidence, published_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, now()) RETURNING id`,
        [
          seed.status ?? 'published',
          seed.visibility,
          seed.original.locale,
          seed.country,
          seed.themes,
          seed.targetGroups,
          seed.evidence,
        ],
      );
      ids.push(rows[0].id);
      await upsertTranslation(db.dataSource.manager, rows[0].id, seed.original, true);
      for (const tr of seed.translations ?? []) await upsertTranslation(db.dataSource.manager, rows[0].id, tr, false);
    }
  }, 60_000);

  afterAll(async () => {
    await db?.close();
  });

  const council = principal(GlobalRole.Member);

  it('finds the English-original entry by a Russian word through its Russian translation, and the other way round', async () => {
    const ru = await search.search(council, { q: 'реинтеграция' }, 'en');
    expect(ru.hits.map((h) => h.id)).toEqual([ids[0]]);
    expect(ru.hits[0].locale).toBe('ru');
    expect(ru.hits[0].snippet).toMatch(/<mark>реинтеграц[а-яё]*<\/mark>/u);

    const en = await search.search(council, { q: 'documents' }, 'en');
    expect(en.hits.map((h) => h.id)).toEqual([]); // the Uzbek entry has no English text
    const ruDocs = await search.search(council, { q: 'документов' }, 'en');
    expect(ruDocs.hits.map((h) => h.id)).toEqual([ids[1]]);
    // English stemming: "reintegrating" finds "reintegration" in the English original.
    const stem = await search.search(council, { q: 'reintegrating' }, 'en');
    expect(stem.hits.map((h) => [h.id, h.locale])).toEqual([[ids[0], 'en']]);
    // Tajik has no stemmer: the `simple` configuration matches the word as written.
    const tg = await search.search(council, { q: 'касбӣ' }, 'en');
    expect(tg.hits.map((h) => [h.id, h.locale])).toEqual([[ids[3], 'tg']]);
  });

  it('never returns drafts or archived entries, and only the visibilities the reader may see', async () => {
    const all = await search.search(council, { q: 'reintegration' }, 'en');
    expect(all.hits.map((h) => h.id)).toEqual([ids[0]]);
    const anonymous = await search.search(null, {}, 'en');
    expect(anonymous.hits.map((h) => h.id).sort()).toEqual([ids[0], ids[3]].sort());
    const network = await search.search(principal(GlobalRole.Practitioner), {}, 'en');
    expect(network.hits.map((h) => h.id).sort()).toEqual([ids[0], ids[1], ids[3]].sort());
    const members = await search.search(council, {}, 'en');
    expect(members.total).toBe(4);
  });

  it('counts facets over the matching entries, with filters applied', async () => {
    const everything = await search.search(council, {}, 'en');
    // Independently counted from the seeds: published entries only.
    const published = SEEDS.filter((s) => (s.status ?? 'published') === 'published');
    const count = <K extends string>(values: (K | null)[]) =>
      values.reduce<Partial<Record<K, number>>>((acc, v) => (v ? { ...acc, [v]: (acc[v] ?? 0) + 1 } : acc), {});
    const expected: PracticeFacets = {
      country: count(published.map((s) => s.country)),
      theme: count(published.flatMap((s) => s.themes)),
      targetGroup: count(published.flatMap((s) => s.targetGroups)),
      evidence: count(published.map((s) => s.evidence)),
      language: count(published.flatMap((s) => [s.original.locale, ...(s.translations ?? []).map((x) => x.locale)])),
    };
    expect(everything.facets).toEqual(expected);
    expect(everything.facets.theme.family_community).toBe(2);
    expect(everything.facets.language.en).toBe(3);

    const women = await search.search(council, { targetGroup: 'women' }, 'en');
    expect(women.total).toBe(3);
    expect(women.facets.country).toEqual({ KZ: 1, UZ: 1, TJ: 1 });
    const combined = await search.search(
      council,
      { q: 'реинтеграция', country: CountryCode.Kazakhstan, theme: 'family_community' },
      'en',
    );
    expect(combined.hits.map((h) => h.id)).toEqual([ids[0]]);
    expect(combined.facets.theme).toEqual({ psychosocial_support: 1, family_community: 1 });
    const none = await search.search(council, { q: 'реинтеграция', country: CountryCode.Uzbekistan }, 'en');
    expect(none).toMatchObject({ total: 0, hits: [] });
    expect(none.facets.country).toEqual({});
  });

  it('shows the reader’s language without a query, escapes the snippet and pages the results', async () => {
    const ru = await search.search(council, { country: CountryCode.Kazakhstan }, 'ru');
    expect(ru.hits.map((h) => [h.locale, h.title])).toEqual([['ru', 'Региональные центры реабилитации']]);
    expect(ru.hits[0].languages).toEqual(['en', 'ru']);
    const page2 = await search.search(council, { page: 2 }, 'en');
    expect(page2).toMatchObject({ total: 4, page: 2, hits: [] });
    const odd = await search.search(council, { q: 'reintegration <> &' }, 'en');
    expect(odd.hits.map((h) => h.id)).toEqual([ids[0]]);
    // The text's own characters are escaped; only the matches are marked up.
    expect(odd.hits[0].snippet).toContain('<mark>reintegration</mark> of families &amp; children');
    expect(odd.hits[0].snippet.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/);
  });
});
