/**
 * Seeds the library with generated published entries in bulk, with SQL only (generate_series, batches of
 * `batch` entries, `workers` connections in parallel), deterministic: the same --entries give the same texts.
 *
 * Each entry: an original in English (~60 %) or Russian (~40 %), a translation into the other language for
 * ~80 %, an Uzbek (~8 %) and a Tajik (~5 %) translation for some (the `simple` configuration). Its texts come
 * from the parallel vocabulary of ./vocabulary.mjs, every translation with the same sentences in its own words
 * (Russian in varying inflected forms), so a Russian query finds English originals through their Russian
 * translations. Topics: 480 clusters (60 per theme and 60 general ones), each with its own set of ~20 concepts
 * (the four core words of the field, words of its theme, words of the whole vocabulary, the first ones the most
 * likely) and 120 sentences and 15 titles written from that set. An entry takes ~75 % of its sentences from a
 * cluster of its main theme and the rest from one of its second theme (or a general one): common words are in
 * nearly every entry, theme words in a few to tens of per cent. A village name (one of 320, the first parts more
 * frequent) opens each body, and one entry in 5,000 has one of 12 rare words. Lengths: title 3–6 words and a
 * place, summary 2–3 sentences, body 9–21 sentences (≈ 1,900 characters).
 *
 * The search vector is written with the very expression of `upsertTranslation`
 * (libs/api/practices/src/lib/practice-input.ts): setweight(to_tsvector(cfg, title), 'A') ||
 * setweight(to_tsvector(cfg, summary), 'B') || setweight(to_tsvector(cfg, body_text), 'C'), cfg = english for en,
 * russian for ru, simple otherwise; body_text is the body's HTML as `htmlText` reads it (the run checks both
 * against the API itself).
 */
import { CONCEPTS, GLUE, PLACES, RARE, TOPONYM_HEADS, TOPONYM_TAILS } from './vocabulary.mjs';

const THEMES = [
  'psychosocial_support',
  'education',
  'vocational_training',
  'family_community',
  'religious_counselling',
  'legal_documents',
  'health',
];
/** Share of entries whose main theme each one is (same order as THEMES). */
const THEME_WEIGHTS = [0.22, 0.15, 0.2, 0.18, 0.1, 0.09, 0.06];
const TARGET_GROUPS = ['women', 'children', 'men', 'families', 'communities'];
const COUNTRIES = ['KZ', 'KG', 'TJ', 'TM', 'UZ', ''];
const LANGS = ['en', 'ru', 'uz', 'tg'];
/** Topic clusters per theme (theme 0: general), and sentences and titles per cluster. */
const CLUSTERS_PER_THEME = 60;
const SENTENCES = 120;
const TITLES = 15;

/** Shares used by the SQL below, reported with the results. */
export const MIX = {
  originalEnglish: 0.6,
  otherLanguageTranslation: 0.8,
  uzbekTranslation: 0.08,
  tajikTranslation: 0.05,
  visibility: { public: 0.9, network: 0.07, council: 0.03 },
  country: { KZ: 0.25, UZ: 0.25, KG: 0.2, TJ: 0.2, TM: 0.05, none: 0.05 },
  evidence: { practice_report: 0.4, documented: 0.3, evaluated: 0.2, independent_evaluation: 0.1 },
  mainTheme: Object.fromEntries(THEMES.map((t, i) => [t, THEME_WEIGHTS[i]])),
  secondTheme: 0.5,
  thirdTheme: 0.15,
  rareWordOneEntryIn: 5000,
  topicClusters: 8 * CLUSTERS_PER_THEME,
  sentencesPerCluster: SENTENCES,
};

const lit = (s) => `'${String(s).replace(/'/g, "''")}'`;
const arr = (xs) => `ARRAY[${xs.map(lit).join(', ')}]::text[]`;

/**
 * The generator's functions and tables (removed again by cleanupSeedSql): `sql` creates them and the topic
 * clusters, `poolSql` writes the sentences of the clusters of themes $1 (int[]), one call per connection.
 */
export function setupSql() {
  const general = CONCEPTS.filter((c) => c[0] === null);
  const ordered = [...general];
  const off = [];
  const len = [];
  for (const t of THEMES) {
    const own = CONCEPTS.filter((c) => c[0] === t);
    off.push(ordered.length);
    len.push(own.length);
    ordered.push(...own);
  }
  const all = [...ordered.map((c) => c.slice(1)), ...RARE];
  const col = (j) => all.map((c) => c[j]);
  const places = [];
  for (const country of COUNTRIES)
    PLACES[country].forEach((p, k) => LANGS.forEach((lang, j) => places.push([country, lang, k, p[j]])));
  const cumul = THEME_WEIGHTS.map((_, i) => THEME_WEIGHTS.slice(0, i + 1).reduce((a, b) => a + b, 0));
  const V = ordered.length;
  const CPT = CLUSTERS_PER_THEME;
  return {
    concepts: V,
    themes: [0, 1, 2, 3, 4, 5, 6, 7],
    sql: `
      CREATE TABLE bench_places (country text, lang text, k int, w text, PRIMARY KEY (country, lang, k));
      INSERT INTO bench_places VALUES ${places.map((p) => `(${lit(p[0])}, ${lit(p[1])}, ${p[2]}, ${lit(p[3])})`).join(', ')};
      CREATE TABLE bench_place_count AS SELECT country, (count(*) / ${LANGS.length})::int AS n FROM bench_places GROUP BY country;

      -- A uniform number in [0, 1) and an integer in [0, n) from a key: deterministic and parallel-safe.
      CREATE FUNCTION bench_u(x bigint) RETURNS float8 LANGUAGE sql IMMUTABLE PARALLEL SAFE
        AS $$ SELECT (hashint8(x)::float8 + 2147483648) / 4294967296 $$;
      CREATE FUNCTION bench_n(x bigint, n int) RETURNS int LANGUAGE sql IMMUTABLE PARALLEL SAFE
        AS $$ SELECT ((hashint8(x)::bigint + 2147483648) % n)::int $$;
      CREATE FUNCTION bench_theme(x bigint) RETURNS int LANGUAGE sql IMMUTABLE PARALLEL SAFE
        AS $$ SELECT CASE ${cumul
          .slice(0, -1)
          .map((c, i) => `WHEN bench_u(x) < ${c.toFixed(4)} THEN ${i + 1}`)
          .join(' ')} ELSE ${THEMES.length} END $$;

      -- Concept c (1-based; the rare ones last) in a language, a Russian form chosen by key h. The lists are
      -- constants of the function (inlined into the caller), so nothing is read or detoasted per word.
      CREATE FUNCTION bench_word(c int, lang text, h bigint) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT CASE lang WHEN 'en' THEN (${arr(col(0))})[c]
                         WHEN 'ru' THEN split_part((${arr(col(1))})[c], '|',
                                          1 + bench_n(h, (ARRAY[${all.map((c) => c[1].split('|').length).join(', ')}])[c]))
                         WHEN 'uz' THEN (${arr(col(2))})[c]
                         ELSE (${arr(col(3))})[c] END
      $$;
      CREATE FUNCTION bench_toponym(h int, t int, lang text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT CASE WHEN lang IN ('en', 'uz')
                    THEN (${arr(TOPONYM_HEADS.map((x) => x[0]))})[h] || (${arr(TOPONYM_TAILS.map((x) => x[0]))})[t]
                    ELSE (${arr(TOPONYM_HEADS.map((x) => x[1]))})[h] || (${arr(TOPONYM_TAILS.map((x) => x[1]))})[t] END
      $$;

      -- Topic clusters: cl = theme × ${CPT} + j (theme 0: general). Topics in order of likelihood: the four core
      -- words, 8 draws from the theme's own words, 10 (general clusters: 18) from the whole vocabulary.
      CREATE TABLE bench_clusters AS
      SELECT cl, th,
             (SELECT array_agg(c ORDER BY pos) FROM (
                SELECT c, min(pos) AS pos FROM (
                  SELECT c, 0 AS pos FROM unnest(ARRAY[1, 2, 3, 4]) c
                  UNION ALL
                  SELECT (ARRAY[${off.join(', ')}])[th] + 1
                           + floor((ARRAY[${len.join(', ')}])[th] * power(bench_u(cl * 1000 + d), 1.8))::int, d
                    FROM generate_series(1, 8) d WHERE th > 0
                  UNION ALL
                  SELECT 5 + floor(${V - 4} * power(bench_u(cl * 1000 + 100 + d), 2.5))::int, 8 + d
                    FROM generate_series(1, CASE WHEN th > 0 THEN 10 ELSE 18 END) d) x
                GROUP BY c) y) AS topics
        FROM generate_series(0, ${8 * CPT - 1}) cl, LATERAL (SELECT cl / ${CPT} AS th) t;
      CREATE TABLE bench_sentences (cl int, lang text, k int, text text, PRIMARY KEY (cl, lang, k));
    `,
    // Sentences k = 0..${SENTENCES - 1} (8–18 words, 30 % function words) and titles k = 1000.. (3–6 words, no core
    // words), drawn from the cluster's topics (the first ones the most likely), in the four languages.
    poolSql: `
      INSERT INTO bench_sentences
      SELECT cl, lang, k,
             string_agg(CASE WHEN u1 < glue THEN (CASE lang WHEN 'en' THEN ${arr(GLUE.en)} WHEN 'ru' THEN ${arr(GLUE.ru)}
                                                          WHEN 'uz' THEN ${arr(GLUE.uz)} ELSE ${arr(GLUE.tg)} END)
                                                 [1 + bench_n(key + 2, 12)]
                             ELSE bench_word(c, lang, key + 3) END, ' ' ORDER BY g)
               || CASE WHEN k >= 1000 THEN '' ELSE '.' END
        FROM (SELECT c.cl, c.topics, k, CASE WHEN k >= 1000 THEN 0.15 ELSE 0.3 END AS glue,
                     CASE WHEN k >= 1000 THEN 3 + bench_n((c.cl * 2048 + k) * 4, 4)
                          ELSE 8 + bench_n((c.cl * 2048 + k) * 4, 11) END AS n
                FROM bench_clusters c,
                     (SELECT generate_series(0, ${SENTENCES - 1}) UNION ALL SELECT generate_series(1000, ${1000 + TITLES - 1})) ks(k)
               WHERE c.th = ANY($1::int[])) s,
             generate_series(1, n) g,
             LATERAL (SELECT ((cl * 2048 + k) * 32 + g) * 8 AS key) kk,
             LATERAL (SELECT bench_u(key) AS u1,
                             CASE WHEN k >= 1000
                                  THEN topics[5 + floor((cardinality(topics) - 4) * power(bench_u(key + 1), 1.2))::int]
                                  ELSE topics[1 + floor(cardinality(topics) * power(bench_u(key + 1), 1.4))::int] END AS c) cc,
             (VALUES ('en'), ('ru'), ('uz'), ('tg')) l(lang)
       GROUP BY cl, lang, k
    `,
  };
}

export const cleanupSeedSql = `
  DROP FUNCTION IF EXISTS bench_toponym(int, int, text);
  DROP FUNCTION IF EXISTS bench_word(int, text, bigint);
  DROP FUNCTION IF EXISTS bench_theme(bigint);
  DROP FUNCTION IF EXISTS bench_n(bigint, int);
  DROP FUNCTION IF EXISTS bench_u(bigint);
  DROP TABLE IF EXISTS bench_places, bench_place_count, bench_sentences, bench_clusters;
`;

/** A batch of entries [$1, $2]: the practices rows. Entry i's id is md5('kengash-bench-' || i)::uuid. */
export const practicesSql = (users) => `
  INSERT INTO practices (id, status, visibility, original_locale, country, themes, target_groups, approach, evidence,
                         sources, author_id, submitted_at, published_at, views, created_at, updated_at)
  SELECT md5('kengash-bench-' || i)::uuid, 'published',
         CASE WHEN v < 0.9 THEN 'public' WHEN v < 0.97 THEN 'network' ELSE 'council' END,
         CASE WHEN bench_u(i * 64 + 1) < 0.6 THEN 'en' ELSE 'ru' END,
         NULLIF(CASE WHEN cu < 0.25 THEN 'KZ' WHEN cu < 0.5 THEN 'UZ' WHEN cu < 0.7 THEN 'KG' WHEN cu < 0.9 THEN 'TJ'
                     WHEN cu < 0.95 THEN 'TM' ELSE '' END, ''),
         (SELECT array_agg(t ORDER BY ord) FROM (
            SELECT DISTINCT ON (t) t, ord FROM unnest(theme_nums) WITH ORDINALITY AS x(n, ord),
                   LATERAL (SELECT (${arr(THEMES)})[n] AS t) y ORDER BY t, ord) z),
         COALESCE((SELECT array_agg(g ORDER BY k) FROM unnest(${arr(TARGET_GROUPS)}) WITH ORDINALITY AS x(g, k)
                    WHERE bench_u(i * 64 + 20 + k) < 0.3 OR k = 1 + bench_n(i * 64 + 19, 5)), '{}'),
         CASE bench_n(i * 64 + 6, 4) WHEN 0 THEN 'community-based' WHEN 1 THEN 'case management'
              WHEN 2 THEN 'family-centred' ELSE 'multi-agency' END,
         CASE WHEN ev < 0.4 THEN 'practice_report' WHEN ev < 0.7 THEN 'documented' WHEN ev < 0.9 THEN 'evaluated'
              ELSE 'independent_evaluation' END,
         CASE WHEN bench_u(i * 64 + 8) < 0.3
              THEN jsonb_build_array(jsonb_build_object('url', 'https://example.org/report/' || i, 'title', 'Programme report'))
              ELSE '[]'::jsonb END,
         ${users.length ? `(ARRAY[${users.map(lit).join(', ')}]::uuid[])[1 + bench_n(i * 64 + 9, ${users.length})]` : 'NULL'},
         pub - interval '7 days', pub, bench_n(i * 64 + 10, 500), pub - interval '30 days', pub
    FROM generate_series($1::bigint, $2::bigint) i,
         LATERAL (SELECT bench_u(i * 64 + 2) AS cu, bench_u(i * 64 + 3) AS v, bench_u(i * 64 + 5) AS ev,
                         now() - bench_u(i * 64 + 7) * interval '6 years' AS pub,
                         array_remove(ARRAY[bench_theme(i * 64 + 11),
                                            CASE WHEN bench_u(i * 64 + 12) < 0.5 THEN 1 + bench_n(i * 64 + 13, 7) END,
                                            CASE WHEN bench_u(i * 64 + 14) < 0.15 THEN 1 + bench_n(i * 64 + 15, 7) END],
                                      NULL) AS theme_nums) a
`;

/** n sentences in language l.lang, each from the entry's main cluster (75 %) or its second one, by keys base + 3j. */
const sentences = (n, base) => `(SELECT string_agg(bs.text, ' ' ORDER BY j) FROM generate_series(1, ${n}) j
                 JOIN bench_sentences bs
                   ON bs.cl = CASE WHEN bench_u(${base} + 3 * j) < 0.75 THEN cls.main ELSE cls.second END
                  AND bs.lang = l.lang AND bs.k = bench_n(${base} + 3 * j + 2, ${SENTENCES}))`;

/**
 * A batch of entries [$1, $2]: their translations (the same sentences in every language of an entry), the
 * search vector by the expression of upsertTranslation.
 */
export const translationsSql = `
  INSERT INTO practice_translations (practice_id, locale, title, summary, body, body_text, status, search_config,
                                     search_vector, updated_at)
  SELECT id, lang, title, summary, body, body_text, status, cfg,
         setweight(to_tsvector(cfg::text::regconfig, title), 'A')
           || setweight(to_tsvector(cfg::text::regconfig, summary), 'B')
           || setweight(to_tsvector(cfg::text::regconfig, body_text), 'C'),
         published_at
    FROM (
      SELECT p.id, l.lang, p.published_at,
             CASE WHEN l.lang = p.original_locale THEN 'original'
                  WHEN bench_u(i * 64 + 30 + l.k) < 0.5 THEN 'reviewed'
                  WHEN bench_u(i * 64 + 30 + l.k) < 0.85 THEN 'machine_assisted' ELSE 'draft' END AS status,
             CASE l.lang WHEN 'en' THEN 'english' WHEN 'ru' THEN 'russian' ELSE 'simple' END AS cfg,
             (SELECT text FROM bench_sentences bs
               WHERE bs.cl = cls.main AND bs.lang = l.lang AND bs.k = 1000 + bench_n(i * 64 + 40, ${TITLES}))
               || CASE l.lang WHEN 'en' THEN ' in ' WHEN 'ru' THEN ' в ' WHEN 'uz' THEN ', ' ELSE ' дар ' END
               || (SELECT w FROM bench_places bp WHERE bp.country = COALESCE(p.country, '') AND bp.lang = l.lang
                      AND bp.k = bench_n(i * 64 + 41, (SELECT n FROM bench_place_count pc WHERE pc.country = COALESCE(p.country, ''))))
               AS title,
             ${sentences('2 + bench_n(i * 64 + 42, 2)', 'i * 1024 + 100')}
               || CASE WHEN rare < 4 THEN ' ' || rw || '.' ELSE '' END AS summary,
             body_paras AS body_text,
             '<p>' || replace(body_paras, '. ', '.</p><p>') || '</p>' AS body
        FROM generate_series($1::bigint, $2::bigint) i
        JOIN practices p ON p.id = md5('kengash-bench-' || i)::uuid
        CROSS JOIN LATERAL (SELECT array_agg(array_position(${arr(THEMES)}, t) ORDER BY k) AS tn
                              FROM unnest(p.themes) WITH ORDINALITY AS x(t, k)) th
        CROSS JOIN LATERAL (
          SELECT tn[1] * ${CLUSTERS_PER_THEME} + bench_n(i * 64 + 44, ${CLUSTERS_PER_THEME}) AS main,
                 COALESCE(tn[2], 0) * ${CLUSTERS_PER_THEME} + bench_n(i * 64 + 45, ${CLUSTERS_PER_THEME}) AS second) cls
        CROSS JOIN LATERAL (
          SELECT lang, k FROM (VALUES ('en', 1), ('ru', 2), ('uz', 3), ('tg', 4)) AS v(lang, k)
           WHERE lang = p.original_locale
              OR (lang IN ('en', 'ru') AND bench_u(i * 64 + 50) < 0.8)
              OR (lang = 'uz' AND bench_u(i * 64 + 51) < 0.08)
              OR (lang = 'tg' AND bench_u(i * 64 + 52) < 0.05)) l
        CROSS JOIN LATERAL (SELECT bench_n(i * 64 + 53, 5000) AS rare) r
        CROSS JOIN LATERAL (
          SELECT CASE WHEN r.rare < ${RARE.length}
                      THEN bench_word(${CONCEPTS.length} + 1 + r.rare, l.lang, i * 64 + 54) END AS rw) rwq
        CROSS JOIN LATERAL (
          SELECT CASE l.lang WHEN 'en' THEN 'Village of ' || v WHEN 'ru' THEN 'Село ' || v
                             WHEN 'uz' THEN v || ' qishlogi' ELSE 'Деҳаи ' || v END || '. '
                   || ${sentences('9 + bench_n(i * 64 + 43, 13)', 'i * 1024 + 200')}
                   || CASE WHEN rare < ${RARE.length} THEN ' ' || rw || '.' ELSE '' END AS body_paras
            FROM (SELECT bench_toponym(1 + floor(${TOPONYM_HEADS.length} * power(bench_u(i * 64 + 55), 1.6))::int,
                                       1 + floor(${TOPONYM_TAILS.length} * power(bench_u(i * 64 + 56), 1.6))::int,
                                       l.lang) AS v) tp
          OFFSET 0) b
      OFFSET 0 -- fences: each text is generated once, not once per use above
    ) s
`;

/** Endorsements by the seeded readers for ~20 % of the entries (1–5 each): the hits query counts them. */
export const endorsementsSql = (users) => `
  INSERT INTO practice_endorsements (practice_id, user_id, created_at)
  SELECT DISTINCT md5('kengash-bench-' || i)::uuid, (ARRAY[${users.map(lit).join(', ')}]::uuid[])[1 + bench_n(i * 64 + 60 + e, ${users.length})], now()
    FROM generate_series($1::bigint, $2::bigint) i, generate_series(1, 1 + bench_n(i * 64 + 59, 5)) e
   WHERE bench_u(i * 64 + 58) < 0.2
   ON CONFLICT DO NOTHING
`;

/**
 * Seeds `entries` entries into the (migrated) database at `dbUrl`: the vocabulary and sentence pool, readers (for
 * authors and endorsements), then batches of `batch` entries on `workers` connections, progress on `log`. The
 * GIN indexes of the migration are dropped for the load and created again from their own definitions (what
 * pg_indexes says the migration made), as a bulk load would; then VACUUM ANALYZE. Returns what was made.
 */
export async function seedLibrary(pg, dbUrl, { entries, batch = 2000, workers = 2, readers = 40, log }) {
  const conns = [];
  const connect = async () => {
    const c = new pg.Client({ connectionString: dbUrl });
    c.on('error', () => undefined);
    conns.push(c);
    await c.connect();
    // JIT would compile these large statements for seconds each; the asynchronous commit only speeds the load.
    await c.query(`SET jit = off; SET synchronous_commit = off; SET maintenance_work_mem = '512MB'`);
    return c;
  };
  const timings = {};
  const t0 = Date.now();
  try {
    const main = await connect();
    const pool = await Promise.all(Array.from({ length: Math.max(1, workers) }, connect));
    const setup = setupSql();
    await main.query(setup.sql);
    await Promise.all(
      pool.map((c, w) => c.query(setup.poolSql, [setup.themes.filter((_, k) => k % pool.length === w)])),
    );
    await main.query('ANALYZE bench_sentences');
    timings.sentencePoolS = (Date.now() - t0) / 1000;
    log(
      `sentence pool ready (${setup.concepts} concepts and ${RARE.length} rare words; ${MIX.topicClusters} topic ` +
        `clusters of ${SENTENCES} sentences and ${TITLES} titles) in ${timings.sentencePoolS.toFixed(1)} s`,
    );
    const users = (
      await main.query(
        `INSERT INTO users (email, display_name, country, organisation, email_verified_at)
         SELECT 'bench-reader-' || n || '@bench.kengash.example', 'Bench Reader ' || n,
                (ARRAY['KZ', 'KG', 'TJ', 'TM', 'UZ'])[1 + n % 5], 'Bench organisation', now()
           FROM generate_series(1, $1::int) n RETURNING id`,
        [readers],
      )
    ).rows.map((r) => r.id);
    const gin = (
      await main.query(
        `SELECT indexname, indexdef FROM pg_indexes
          WHERE schemaname = 'public' AND tablename IN ('practices', 'practice_translations') AND indexdef LIKE '%USING gin%'
          ORDER BY indexname`,
      )
    ).rows;
    for (const g of gin) await main.query(`DROP INDEX "${g.indexname}"`);

    const t1 = Date.now();
    const practices = practicesSql(users);
    const endorse = endorsementsSql(users);
    let next = 1;
    let done = 0;
    let translations = 0;
    let lastLog = 0;
    await Promise.all(
      pool.map(async (c) => {
        for (;;) {
          const lo = next;
          if (lo > entries) return;
          const hi = Math.min(entries, lo + batch - 1);
          next = hi + 1;
          await c.query('BEGIN');
          await c.query(practices, [lo, hi]);
          const made = (await c.query(translationsSql, [lo, hi])).rowCount;
          await c.query(endorse, [lo, hi]);
          await c.query('COMMIT');
          translations += made;
          done += hi - lo + 1;
          if (Date.now() - lastLog > 3000 || done === entries) {
            lastLog = Date.now();
            log(
              `seeding: ${done.toLocaleString('en')} / ${entries.toLocaleString('en')} entries ` +
                `(${translations.toLocaleString('en')} translations), ${((Date.now() - t1) / 1000).toFixed(0)} s`,
            );
          }
        }
      }),
    );
    timings.rowsS = (Date.now() - t1) / 1000;

    const t2 = Date.now();
    // Both at once, one per connection (each CREATE INDEX runs on one core).
    await Promise.all(
      gin.map((g, k) => {
        log(`creating ${g.indexname} again: ${g.indexdef}`);
        return pool[k % pool.length].query(g.indexdef);
      }),
    );
    timings.ginIndexesS = (Date.now() - t2) / 1000;
    await main.query(cleanupSeedSql);
    const t3 = Date.now();
    log('VACUUM ANALYZE');
    await main.query('VACUUM ANALYZE practices, practice_translations, practice_endorsements, users');
    await main.query('CHECKPOINT').catch(() => undefined); // superusers only; it keeps the write-out out of the measurements
    timings.vacuumS = (Date.now() - t3) / 1000;
    timings.totalS = (Date.now() - t0) / 1000;

    const stats = (
      await main.query(`
        SELECT (SELECT count(*)::int FROM practices) AS entries,
               (SELECT count(*)::int FROM practices WHERE visibility = 'public') AS public_entries,
               (SELECT count(*)::int FROM practice_translations) AS translations,
               (SELECT json_object_agg(locale, n) FROM (SELECT locale, count(*)::int AS n FROM practice_translations GROUP BY locale) x) AS by_locale,
               (SELECT json_object_agg(original_locale, n) FROM (SELECT original_locale, count(*)::int AS n FROM practices GROUP BY 1) x) AS by_original,
               (SELECT count(*)::int FROM practice_endorsements) AS endorsements,
               (SELECT round(avg(length(body_text)))::int FROM practice_translations) AS avg_body_chars,
               (SELECT round(avg(length(search_vector)))::int FROM practice_translations) AS avg_lexemes,
               pg_total_relation_size('practice_translations')::bigint AS translations_bytes,
               pg_relation_size('"IDX_practice_translations_search"')::bigint AS gin_bytes,
               pg_total_relation_size('practices')::bigint AS practices_bytes`)
    ).rows[0];
    for (const k of ['translations_bytes', 'gin_bytes', 'practices_bytes']) stats[k] = Number(stats[k]);
    return { users, ginIndexes: gin.map((g) => g.indexdef), timings, stats };
  } finally {
    await Promise.all(conns.map((c) => c.end().catch(() => undefined)));
  }
}
