import { ApiProcess, createTestDatabase, startApi, TestDatabase } from '@kengash/api-testing';
import {
  ErrorResponse,
  FieldError,
  NotificationListResponse,
  PracticeCommentView,
  PracticeInput,
  PracticeQueueResponse,
  PracticeSearchResponse,
  PracticeView,
  ReviewerCandidatesResponse,
  WorkingGroupListResponse,
} from '@kengash/contracts';
import { Client } from 'pg';
import { client, demo, signedIn } from './support/http';

const fieldsOf = (body: ErrorResponse) =>
  Object.fromEntries((body.details as FieldError[]).map((d) => [d.field, d.messages.join(' ')]));

/**
 * The best-practice library through a real API process on a fresh database: input checks and sanitising, the
 * review workflow with who may see and do what at each step (drafts invisible until published, network entries
 * 404 to anonymous readers), search across translations, comments, endorsements, views, archive, audit.
 */
describe('best-practice library (real API process, real PostgreSQL)', () => {
  let db: TestDatabase;
  let api: ApiProcess;
  let http: ReturnType<typeof client>;
  const tokens: Record<string, string> = {};
  const ids: Record<string, string> = {};
  let groupA = '';
  let entry: PracticeView;

  const as = (key: string) => (key === 'anonymous' ? {} : { token: tokens[key] });
  const get = (key: string, id = entry.id) => http.call<PracticeView>(`/api/practices/${id}`, as(key));
  const search = (key: string, query: string) => http.call<PracticeSearchResponse>(`/api/practices?${query}`, as(key));

  const input = (over: Partial<PracticeInput> = {}): PracticeInput => ({
    originalLocale: 'en',
    country: 'KZ' as PracticeInput['country'],
    themes: ['psychosocial_support', 'family_community'],
    targetGroups: ['women', 'children'],
    approach: 'Regional centres with psychologists, theologians, teachers and lawyers',
    evidence: 'documented',
    sources: [{ url: 'https://example.org/jusan-report', title: 'Programme report (fictional source for the test)' }],
    relatedIds: [],
    groupId: groupA,
    translations: [
      {
        locale: 'en',
        title: 'Reintegration through regional centres',
        summary: 'An adaptation centre first, then regional centres for 600 returnees.',
        body: '<p>Families are supported through <strong>reintegration</strong> plans.</p>',
      },
      {
        locale: 'ru',
        title: 'Реинтеграция через региональные центры',
        summary: 'Сначала адаптационный центр, затем региональные центры для 600 возвращённых.',
        body: '<p>Семьи сопровождаются по планам реинтеграции.</p>',
        status: 'reviewed',
      },
    ],
    ...over,
  });

  beforeAll(async () => {
    db = await createTestDatabase('practices');
    api = await startApi({ DATABASE_URL: db.url, DEMO_DATA: 'true', TRUST_PROXY: 'true' });
    http = client(api.baseUrl);
    for (const key of [
      'psychologist',
      'social-worker',
      'chair-psychosocial',
      'prosecutor',
      'practitioner',
      'observer-un',
      'secretariat',
    ]) {
      tokens[key] = await signedIn(http, demo(key));
      ids[key] = (await http.call<{ id: string }>('/api/me', { token: tokens[key] })).body.id;
    }
    const groups = (await http.call<WorkingGroupListResponse>('/api/council/groups')).body.groups;
    groupA = groups.find((g) => g.slug === 'psychosocial-support')?.id ?? '';
  });

  afterAll(async () => {
    await api?.stop();
    await db?.drop();
  });

  it('refuses bad input with field errors, strips scripts, and lets only council writers start entries', async () => {
    const bad = await http.call<ErrorResponse>('/api/practices', {
      ...as('psychologist'),
      body: { ...input(), themes: [], evidence: 'rumour', sources: [{ url: 'javascript:alert(1)', title: '' }] },
    });
    expect(bad.status).toBe(400);
    expect(fieldsOf(bad.body)).toMatchObject({
      themes: 'choose at least one theme',
      evidence: expect.stringContaining('must be one of'),
      'sources.0.url': 'must be an http(s) address',
      'sources.0.title': 'is required',
    });
    const rules = await http.call<ErrorResponse>('/api/practices', {
      ...as('psychologist'),
      body: {
        ...input({ sources: [] }),
        translations: [input().translations[0], { ...input().translations[0] }],
        originalLocale: 'ru',
      },
    });
    expect(rules.status).toBe(400);
    expect(fieldsOf(rules.body)).toEqual({
      'translations.1.locale': 'only one translation per language',
      translations: 'must include the original language',
      sources: 'the text states figures: give at least one source (address and title)',
    });
    // Nothing was written by the refused calls.
    const pg = new Client({ connectionString: db.url });
    await pg.connect();
    try {
      const before = Number((await pg.query(`SELECT count(*) FROM practices WHERE demo = false`)).rows[0].count);
      expect(before).toBe(0);
    } finally {
      await pg.end();
    }
    for (const key of ['practitioner', 'observer-un']) {
      const refused = await http.call('/api/practices', { ...as(key), body: input() });
      expect([key, refused.status]).toEqual([key, 403]);
    }
    expect((await http.call('/api/practices', { body: input() })).status).toBe(401);

    const created = await http.call<PracticeView>('/api/practices', {
      ...as('psychologist'),
      body: input({
        translations: [
          {
            ...input().translations[0],
            body:
              '<p onclick="x()">Families are supported through <strong>reintegration</strong> plans.</p>' +
              '<script>alert(1)</script><img src=x onerror="alert(2)"><a href="javascript:alert(3)">link</a>',
          },
          input().translations[1],
        ],
      }),
    });
    expect(created.status).toBe(201);
    entry = created.body;
    expect(entry).toMatchObject({
      status: 'draft',
      visibility: null,
      version: 1,
      author: { userId: ids['psychologist'] },
    });
    const en = entry.translations.find((t) => t.locale === 'en');
    expect(en?.body).toBe(
      '<p>Families are supported through <strong>reintegration</strong> plans.</p><a rel="noopener noreferrer">link</a>',
    );
    expect(en?.status).toBe('original');
    expect(entry.translations.map((t) => t.locale)).toEqual(['en', 'ru']);
    expect(entry.can).toMatchObject({ edit: true, submit: true, assignReviewers: false, review: false });
  });

  it('keeps a draft to its author, the secretariat and the related group’s chair (404 to everyone else)', async () => {
    for (const [key, status] of [
      ['psychologist', 200],
      ['secretariat', 200],
      ['chair-psychosocial', 200],
      ['social-worker', 404],
      ['prosecutor', 404],
      ['practitioner', 404],
      ['observer-un', 404],
      ['anonymous', 404],
    ] as const)
      expect([key, (await get(key)).status]).toEqual([key, status]);
    const found = await search('social-worker', 'q=reintegration');
    expect(found.body.hits.map((h) => h.id)).not.toContain(entry.id);
  });

  it('saves with the version (409 when stale) and warns the author about text that looks like personal data', async () => {
    const stale = await http.call<ErrorResponse>(`/api/practices/${entry.id}`, {
      method: 'PUT',
      ...as('psychologist'),
      body: { ...input(), version: 7 },
    });
    expect(stale.status).toBe(409);
    expect((stale.body.details as { current: PracticeView }).current.version).toBe(1);
    const saved = await http.call<PracticeView>(`/api/practices/${entry.id}`, {
      method: 'PUT',
      ...as('psychologist'),
      body: {
        ...input({
          approach: 'Case worker phone +998 90 123-45-67',
        }),
        version: 1,
      },
    });
    expect(saved.status).toBe(200);
    expect(saved.body.version).toBe(2);
    expect(saved.body.warnings).toEqual([
      { locale: 'en', field: 'approach', kind: 'phone', excerpt: '+998 90 123-45-67' },
    ]);
    const clean = await http.call<PracticeView>(`/api/practices/${entry.id}`, {
      method: 'PUT',
      ...as('psychologist'),
      body: { ...input(), version: 2 },
    });
    expect(clean.body.warnings).toEqual([]);
    entry = clean.body;
  });

  it('goes through review: submit, reviewers assigned by the chair, returned with a note, published for the network', async () => {
    const submitted = await http.call<PracticeView>(`/api/practices/${entry.id}/submit`, {
      method: 'POST',
      ...as('psychologist'),
    });
    expect(submitted.status).toBe(200);
    expect(submitted.body.status).toBe('in_review');
    expect(
      (await http.call(`/api/practices/${entry.id}/submit`, { method: 'POST', ...as('psychologist') })).status,
    ).toBe(409);
    const assign = (key: string, reviewerIds: string[]) =>
      http.call<PracticeView & ErrorResponse>(`/api/practices/${entry.id}/reviewers`, {
        method: 'PUT',
        ...as(key),
        body: { reviewerIds },
      });
    expect((await assign('psychologist', [ids['social-worker']])).status).toBe(403);
    // The chair finds reviewers by name: council people only (not practitioners), and only chairs/secretariat may look.
    const candidates = (key: string, q: string) =>
      http.call<ReviewerCandidatesResponse>(`/api/practices/reviewer-candidates?q=${encodeURIComponent(q)}`, as(key));
    expect((await candidates('chair-psychosocial', 'Toktogulov')).body.people.map((p) => p.userId)).toEqual([
      ids['social-worker'],
    ]);
    expect((await candidates('chair-psychosocial', 'Kamola Ismoilova')).body.people).toEqual([]);
    expect((await candidates('chair-psychosocial', '%')).body.people).toEqual([]);
    expect((await candidates('psychologist', 'Toktogulov')).status).toBe(403);
    const practitionerReviewer = await assign('chair-psychosocial', [ids['practitioner']]);
    expect(practitionerReviewer.status).toBe(400);
    expect(fieldsOf(practitionerReviewer.body)['reviewerIds']).toContain('active member of the council');
    const self = await assign('chair-psychosocial', [ids['psychologist']]);
    expect(fieldsOf(self.body)['reviewerIds']).toContain('cannot review their own entry');
    const assigned = await assign('chair-psychosocial', [ids['social-worker']]);
    expect(assigned.status).toBe(200);
    expect(assigned.body.reviewers.map((r) => r.userId)).toEqual([ids['social-worker']]);
    const inbox = async (key: string) =>
      (await http.call<NotificationListResponse>('/api/notifications', as(key))).body.items.filter(
        (n) => n.kind === 'practice_review' && n.link === `/practices/${entry.id}`,
      );
    // In the reviewer's language (Russian), with the entry's Russian title.
    expect((await inbox('social-worker')).map((n) => n.title)).toEqual([
      'Практика на рецензию: Реинтеграция через региональные центры',
    ]);

    // The reviewer now reads it and finds it in their queue; the secretariat sees every entry in review.
    const reviewer = await get('social-worker');
    expect(reviewer.status).toBe(200);
    expect(reviewer.body.can).toMatchObject({ review: true, edit: true, submit: false });
    const queue = await http.call<PracticeQueueResponse>('/api/practices/review-queue', as('social-worker'));
    expect(queue.body.items.map((i) => [i.id, i.title])).toEqual([
      [entry.id, 'Reintegration through regional centres'],
    ]);
    const all = await http.call<PracticeQueueResponse>('/api/practices/review-queue', as('secretariat'));
    expect(all.body.items.map((i) => i.id)).toContain(entry.id);
    const none = await http.call<PracticeQueueResponse>('/api/practices/review-queue', as('prosecutor'));
    expect(none.body.items).toEqual([]);

    // Publishing is for reviewers and the secretariat only.
    expect(
      (await http.call(`/api/practices/${entry.id}/publish`, { ...as('psychologist'), body: { visibility: 'public' } }))
        .status,
    ).toBe(403);
    const badVisibility = await http.call(`/api/practices/${entry.id}/publish`, {
      ...as('social-worker'),
      body: { visibility: 'everyone' },
    });
    expect(badVisibility.status).toBe(400);
    const returned = await http.call<PracticeView>(`/api/practices/${entry.id}/return`, {
      ...as('social-worker'),
      body: { note: 'Name the source of the figure 600, please.' },
    });
    expect(returned.status).toBe(200);
    expect(returned.body.status).toBe('draft');
    const authorComments = await http.call<PracticeCommentView[]>(
      `/api/practices/${entry.id}/comments`,
      as('psychologist'),
    );
    expect(authorComments.body.map((c) => [c.kind, c.body])).toEqual([
      ['review', 'Name the source of the figure 600, please.'],
    ]);

    expect(
      (await http.call(`/api/practices/${entry.id}/submit`, { method: 'POST', ...as('psychologist') })).status,
    ).toBe(200);
    const published = await http.call<PracticeView>(`/api/practices/${entry.id}/publish`, {
      ...as('social-worker'),
      body: { visibility: 'network', note: 'Sources checked.' },
    });
    expect(published.status).toBe(200);
    expect(published.body).toMatchObject({ status: 'published', visibility: 'network' });
    expect(published.body.publishedAt).not.toBeNull();
    // The author heard of both outcomes, in their language.
    expect((await inbox('psychologist')).map((n) => n.title).sort()).toEqual([
      'Практика возвращена на доработку: Реинтеграция через региональные центры',
      'Практика опубликована: Реинтеграция через региональные центры',
    ]);
    entry = published.body;
  });

  it('shows a network entry to council and practitioners, 404 to anonymous readers; search finds it across languages', async () => {
    expect((await get('anonymous')).status).toBe(404);
    const before = (await get('psychologist')).body.views; // the author's own views are not counted
    const practitioner = await get('practitioner');
    expect(practitioner.status).toBe(200);
    expect(practitioner.body.can).toMatchObject({ edit: false, endorse: true, comment: true, review: false });
    expect(practitioner.body.warnings).toEqual([]);
    expect((await get('prosecutor')).body.views).toBe(before + 2);

    const ru = await search('practitioner', `q=${encodeURIComponent('реинтеграция')}`);
    expect(ru.status).toBe(200);
    const hit = ru.body.hits.find((h) => h.id === entry.id);
    expect(hit).toMatchObject({ locale: 'ru', title: 'Реинтеграция через региональные центры' });
    expect(hit?.snippet).toContain('<mark>');
    expect(ru.body.facets.country).toMatchObject({ KZ: expect.any(Number) });
    const anonymous = await search('anonymous', `q=${encodeURIComponent('реинтеграция')}`);
    expect(anonymous.body.hits.map((h) => h.id)).not.toContain(entry.id);
    const filtered = await search('practitioner', 'q=reintegration&country=UZ');
    expect(filtered.body.hits.map((h) => h.id)).not.toContain(entry.id);
    expect((await search('practitioner', 'theme=weird')).status).toBe(400);
  });

  it('keeps review comments inside; discussion and endorsements are open to readers (not the author’s own)', async () => {
    const readerComments = await http.call<PracticeCommentView[]>(
      `/api/practices/${entry.id}/comments`,
      as('practitioner'),
    );
    expect(readerComments.body).toEqual([]);
    const posted = await http.call<PracticeCommentView>(`/api/practices/${entry.id}/comments`, {
      ...as('practitioner'),
      body: { body: 'We used the family plan template in Osh.' },
    });
    expect(posted.status).toBe(201);
    expect(posted.body.kind).toBe('discussion');
    const insider = await http.call<PracticeCommentView[]>(`/api/practices/${entry.id}/comments`, as('psychologist'));
    expect(insider.body.map((c) => c.kind)).toEqual(['review', 'review', 'discussion']);
    expect(
      (await http.call(`/api/practices/${entry.id}/comments`, { ...as('practitioner'), body: { body: '' } })).status,
    ).toBe(400);

    const endorse = (key: string, method: 'PUT' | 'DELETE') =>
      http.call<{ endorsements: number; endorsedByMe: boolean }>(`/api/practices/${entry.id}/endorsement`, {
        method,
        ...as(key),
      });
    expect((await endorse('practitioner', 'PUT')).body).toEqual({ endorsements: 1, endorsedByMe: true });
    expect((await endorse('practitioner', 'PUT')).body).toEqual({ endorsements: 1, endorsedByMe: true });
    expect((await endorse('prosecutor', 'PUT')).body.endorsements).toBe(2);
    expect((await endorse('psychologist', 'PUT')).status).toBe(403);
    expect((await get('practitioner')).body).toMatchObject({ endorsements: 2, endorsedByMe: true });
    expect((await endorse('prosecutor', 'DELETE')).body).toEqual({ endorsements: 1, endorsedByMe: false });
  });

  it('archives (secretariat or chair only): out of search and out of the network’s reach; every step audited', async () => {
    expect(
      (
        await http.call(`/api/practices/${entry.id}/publish`, {
          ...as('social-worker'),
          body: { visibility: 'public' },
        })
      ).status,
    ).toBe(409);
    expect(
      (await http.call(`/api/practices/${entry.id}/archive`, { method: 'POST', ...as('psychologist') })).status,
    ).toBe(403);
    const archived = await http.call<PracticeView>(`/api/practices/${entry.id}/archive`, {
      method: 'POST',
      ...as('secretariat'),
    });
    expect(archived.status).toBe(200);
    expect(archived.body.status).toBe('archived');
    expect((await get('practitioner')).status).toBe(404);
    expect((await get('prosecutor')).status).toBe(200);
    const found = await search('prosecutor', 'q=reintegration');
    expect(found.body.hits.map((h) => h.id)).not.toContain(entry.id);
    expect(
      (await http.call(`/api/practices/${entry.id}/comments`, { ...as('prosecutor'), body: { body: 'late' } })).status,
    ).toBe(409);

    const pg = new Client({ connectionString: db.url });
    await pg.connect();
    try {
      const audit = await pg.query(
        `SELECT action, details->>'to' AS to FROM audit_events WHERE target_type = 'practice' AND target_id = $1 ORDER BY seq`,
        [entry.id],
      );
      expect(audit.rows.map((r) => r.action)).toEqual([
        'practice.created',
        'practice.updated',
        'practice.updated',
        'practice.submitted',
        'practice.reviewers_assigned',
        'practice.returned',
        'practice.submitted',
        'practice.published',
        'practice.archived',
      ]);
    } finally {
      await pg.end();
    }
  });

  it('ships demo entries built from public aggregate facts, each with its sources, in Russian and English', async () => {
    const anonymous = await search('anonymous', `q=${encodeURIComponent('Жусан')}`);
    expect(anonymous.body.hits).toHaveLength(1);
    const jusan = await get('anonymous', anonymous.body.hits[0].id);
    expect(jusan.body).toMatchObject({ demo: true, status: 'published', visibility: 'public', country: 'KZ' });
    expect(jusan.body.translations.map((t) => [t.locale, t.status])).toEqual([
      ['en', 'original'],
      ['ru', 'reviewed'],
    ]);
    expect(jusan.body.sources.length).toBeGreaterThan(0);
    for (const source of jusan.body.sources) expect(source.url).toMatch(/^https:\/\//);
    // Network and council entries are not open to anonymous readers; the network sees Mehr.
    const mehr = `q=${encodeURIComponent('махалля')}`;
    expect((await search('anonymous', mehr)).body.hits).toEqual([]);
    const network = await search('practitioner', mehr);
    expect(network.body.hits.map((h) => h.title)).toEqual([
      'Операции «Мехр»: документы, здоровье и махалля (Узбекистан)',
    ]);
    const all = await search('psychologist', '');
    expect(all.body.facets.country).toMatchObject({ KZ: 1, UZ: 1, KG: 1, TJ: 1 });
    // One demo entry waits in review for the Psychosocial Support chair.
    const queue = await http.call<PracticeQueueResponse>('/api/practices/review-queue', as('chair-psychosocial'));
    expect(queue.body.items.map((i) => i.title)).toEqual(['Подготовка класса к приходу вернувшихся детей']);
  });
});
