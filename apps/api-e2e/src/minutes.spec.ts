import { ApiProcess, createTestDatabase, startApi, TestDatabase } from '@kengash/api-testing';
import {
  AmendmentView,
  DecisionRegisterResponse,
  ErrorResponse,
  FieldError,
  MinutesContent,
  MinutesDiffView,
  MinutesDraftView,
  MinutesForApprovalResponse,
  MinutesView,
  NotificationListResponse,
  NOTES_TEXT,
  PublicMinutesView,
  SessionView,
  WorkingGroupListResponse,
} from '@kengash/contracts';
import { createHash } from 'node:crypto';
import { Client } from 'pg';
import * as Y from 'yjs';
import { client, demo, signedIn } from './support/http';
import { pdfText } from './support/pdf';
import { ask, ok, Participant } from './support/live';

/** Canonical JSON (sorted keys), written independently of the API's, to check the stored hash. */
const canonical = (v: unknown): string =>
  Array.isArray(v)
    ? `[${v.map(canonical).join(',')}]`
    : v && typeof v === 'object'
      ? `{${Object.keys(v)
          .sort()
          .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
          .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`)
          .join(',')}}`
      : JSON.stringify(v);

/**
 * Minutes through their whole cycle, from a meeting run in the live room: draft from the live record →
 * versions and diff → circulate → amendments by attendees (chair accepts) → approve with a SHA-256 → locked
 * (409) → correction; the public summary without restricted items; who may do what.
 */
describe('minutes', () => {
  let db: TestDatabase;
  let api: ApiProcess;
  let http: ReturnType<typeof client>;
  const tokens: Record<string, string> = {};
  let sessionId = '';
  let agenda: string[] = [];
  let minutesId = '';
  let live: MinutesDraftView;
  let created0: SessionView;
  const people: Participant[] = [];
  const as = (key: string) => ({ token: tokens[key] });

  beforeAll(async () => {
    db = await createTestDatabase('minutes');
    api = await startApi({ DATABASE_URL: db.url, DEMO_DATA: 'true', TRUST_PROXY: 'true' });
    http = client(api.baseUrl);
    for (const key of [
      'chair-psychosocial',
      'rapporteur-psychosocial',
      'psychologist',
      'social-worker',
      'observer-un',
      'prosecutor',
      'secretariat',
    ])
      tokens[key] = await signedIn(http, demo(key));
    const groups = (await http.call<WorkingGroupListResponse>('/api/council/groups')).body.groups;
    const created = await http.call<SessionView>('/api/sessions', {
      ...as('chair-psychosocial'),
      body: {
        title: 'Psychosocial support: minutes test',
        groupIds: [groups.find((g) => g.slug === 'psychosocial-support')?.id],
        format: 'online',
        localStart: '2031-06-10T09:00',
        durationMinutes: 90,
        timeZone: 'Asia/Tashkent',
        agenda: [
          { title: 'Handbook chapter', minutesAllotted: 30 },
          { title: 'Staff safety (restricted)', minutesAllotted: 30 },
        ],
      },
    });
    expect(created.status).toBe(201);
    sessionId = created.body.id;
    agenda = created.body.agenda.map((a) => a.id);
    created0 = created.body;
  });

  afterAll(async () => {
    for (const p of people) p.close();
    await api?.stop();
    await db?.drop();
  });

  it('drafts the minutes from a meeting run in the live room: attendance, vote result and notes match', async () => {
    const join = async (key: string) => {
      const p = await Participant.join(key, api.baseUrl, tokens[key], sessionId);
      people.push(p);
      return p;
    };
    const chair = await join('chair-psychosocial');
    const rapporteur = await join('rapporteur-psychosocial');
    const member = await join('psychologist');
    ok(await ask(chair.socket, 'meeting:start', { sessionId }));
    const doc = new Y.Doc();
    doc.getText(NOTES_TEXT).insert(0, 'The chapter on family counselling is agreed.');
    ok(
      await ask(rapporteur.socket, 'notes:update', {
        sessionId,
        itemId: agenda[0],
        update: Buffer.from(Y.encodeStateAsUpdate(doc)).toString('base64'),
      }),
    );
    const poll = ok(
      await ask(chair.socket, 'poll:open', {
        sessionId,
        question: 'Adopt the chapter?',
        kind: 'yes_no_abstain',
        secret: false,
        quorum: { kind: 'none' },
      }),
    );
    for (const p of [chair, rapporteur, member])
      ok(await ask(p.socket, 'poll:vote', { sessionId, pollId: poll.id, choice: 'yes' }));
    await new Promise((r) => setTimeout(r, 1100)); // at least a second in the room
    ok(await ask(chair.socket, 'meeting:end', { sessionId }));
    live = (await http.call<MinutesDraftView>(`/api/sessions/${sessionId}/minutes-draft`, as('chair-psychosocial')))
      .body;
    // An action item still open from before: the new minutes carry it over as a section to review.
    const me = await http.call<{ id: string }>('/api/me', as('psychologist'));
    const carried = await http.call('/api/actions', {
      ...as('chair-psychosocial'),
      body: {
        title: 'Translate the handbook chapter',
        groupId: created0.groupIds[0],
        ownerId: me.body.id,
        dueDate: '2031-07-01',
      },
    });
    expect(carried.status).toBe(201);

    const created = await http.call<MinutesView>(`/api/sessions/${sessionId}/minutes`, {
      ...as('rapporteur-psychosocial'),
      body: { face: 'full' },
    });
    expect(created.status).toBe(201);
    minutesId = created.body.id;
    const content = created.body.content;
    expect(created.body).toMatchObject({ status: 'draft', version: 1, face: 'full', contentHash: null });
    expect(content.attendance.map((a) => [a.person.userId, a.secondsPresent]).sort()).toEqual(
      live.content.attendance.map((a) => [a.person.userId, a.secondsPresent]).sort(),
    );
    expect(content.attendance).toHaveLength(3);
    for (const a of content.attendance) expect(a.secondsPresent).toBeGreaterThanOrEqual(1);
    expect(content.items[0].notes).toBe('<p>The chapter on family counselling is agreed.</p>');
    const carryOver = content.items.find((i) => i.key === 'extra-900');
    expect(carryOver?.title).toBe('Open action items (carried over)');
    expect(carryOver?.notes).toContain('Translate the handbook chapter');
    expect(carryOver?.restricted).toBe(true); // owners and internal tasks stay out of a public summary
    expect(content.items[0].decisions[0]).toMatchObject({
      text: 'Adopt the chapter?',
      result: { outcome: 'adopted', tally: { yes: 3, no: 0, abstain: 0 }, votesCast: 3 },
    });
    // One open document per face.
    const again = await http.call<ErrorResponse>(`/api/sessions/${sessionId}/minutes`, {
      ...as('chair-psychosocial'),
      body: { face: 'full' },
    });
    expect(again.status).toBe(409);
  });

  it('lets only members of the group read, and only the rapporteur, chairs and secretariat write', async () => {
    expect((await http.call(`/api/minutes/${minutesId}`, as('prosecutor'))).status).toBe(404); // another group
    expect((await http.call(`/api/minutes/${minutesId}`, as('observer-un'))).status).toBe(403); // observer of the group
    const member = await http.call<MinutesView>(`/api/minutes/${minutesId}`, as('psychologist'));
    expect(member.status).toBe(200);
    expect(member.body.can).toMatchObject({ edit: false, approve: false, comment: true });
    expect((await http.call(`/api/sessions/${sessionId}/minutes`, as('prosecutor'))).status).toBe(404);
    const put = await http.call(`/api/minutes/${minutesId}`, {
      method: 'PUT',
      ...as('psychologist'),
      body: { baseVersion: 1, content: member.body.content },
    });
    expect(put.status).toBe(403);
    expect(
      (await http.call(`/api/sessions/${sessionId}/minutes`, { ...as('psychologist'), body: { face: 'public' } }))
        .status,
    ).toBe(403);
  });

  it('keeps every version, refuses a stale save with 409, sanitises the notes and shows a word diff', async () => {
    const current = (await http.call<MinutesView>(`/api/minutes/${minutesId}`, as('rapporteur-psychosocial'))).body;
    const edited: MinutesContent = {
      ...current.content,
      items: current.content.items.map((i, n) =>
        n === 0
          ? { ...i, notes: '<p>The chapter on family counselling is agreed unanimously.</p><script>alert(1)</script>' }
          : { ...i, notes: '<p>Names of staff at risk were discussed.</p>', restricted: true },
      ),
    };
    const saved = await http.call<MinutesView>(`/api/minutes/${minutesId}`, {
      method: 'PUT',
      ...as('rapporteur-psychosocial'),
      body: { baseVersion: 1, content: edited, note: 'Wording' },
    });
    expect(saved.status).toBe(200);
    expect(saved.body.version).toBe(2);
    expect(saved.body.content.items[0].notes).toBe('<p>The chapter on family counselling is agreed unanimously.</p>');
    const stale = await http.call<ErrorResponse>(`/api/minutes/${minutesId}`, {
      method: 'PUT',
      ...as('chair-psychosocial'),
      body: { baseVersion: 1, content: edited },
    });
    expect(stale.status).toBe(409);
    expect((stale.body.details as { current: MinutesView }).current.version).toBe(2);
    const bad = await http.call<ErrorResponse>(`/api/minutes/${minutesId}`, {
      method: 'PUT',
      ...as('rapporteur-psychosocial'),
      body: { baseVersion: 2, content: { ...edited, title: ' ', items: [{ ...edited.items[0], key: 'nope' }] } },
    });
    expect(bad.status).toBe(400);
    expect((bad.body.details as { field: string }[]).map((d) => d.field).sort()).toEqual([
      'content.items.0.key',
      'content.title',
    ]);

    const diff = await http.call<MinutesDiffView>(`/api/minutes/${minutesId}/diff?from=1&to=2`, as('psychologist'));
    expect(diff.status).toBe(200);
    const first = diff.body.items.find((i) => i.key === agenda[0]);
    expect(first?.change).toBe('changed');
    expect(first?.parts.filter((p) => p.kind === 'added').map((p) => p.text.trim())).toContain('unanimously');
    expect(diff.body.items.find((i) => i.key === agenda[1])?.restrictedChanged).toBe(true);
    const v1 = await http.call<MinutesContent>(`/api/minutes/${minutesId}/versions/1`, as('psychologist'));
    expect(v1.body.items[0].notes).toBe('<p>The chapter on family counselling is agreed.</p>');
  });

  it('circulates; attendees of record propose amendments, the chair decides; comments are open to members', async () => {
    const circulated = await http.call<MinutesView>(`/api/minutes/${minutesId}/circulate`, {
      method: 'POST',
      ...as('rapporteur-psychosocial'),
    });
    expect(circulated.status).toBe(200);
    expect(circulated.body.status).toBe('circulated');
    // Those who attended hear of it; the rapporteur who circulated does not.
    const inbox = await http.call<NotificationListResponse>('/api/notifications', as('psychologist'));
    expect(inbox.body.items.find((n) => n.kind === 'minutes_circulated')).toMatchObject({
      title: 'Протокол на согласовании: Psychosocial support: minutes test', // her language is Russian
      link: `/sessions/${sessionId}/minutes`,
    });
    const own = await http.call<NotificationListResponse>('/api/notifications', as('rapporteur-psychosocial'));
    expect(own.body.items.some((n) => n.kind === 'minutes_circulated')).toBe(false);
    const put = await http.call(`/api/minutes/${minutesId}`, {
      method: 'PUT',
      ...as('rapporteur-psychosocial'),
      body: { baseVersion: 2, content: circulated.body.content },
    });
    expect(put.status).toBe(409);

    const proposal = {
      itemKey: agenda[0],
      proposedNotes: '<p>The chapter on family counselling is agreed, with one abstention noted.</p>',
      reason: 'Accuracy',
    };
    // The social worker did not attend: a member, but not an attendee of record.
    expect(
      (await http.call(`/api/minutes/${minutesId}/amendments`, { ...as('social-worker'), body: proposal })).status,
    ).toBe(403);
    const proposed = await http.call<AmendmentView>(`/api/minutes/${minutesId}/amendments`, {
      ...as('psychologist'),
      body: proposal,
    });
    expect(proposed.status).toBe(201);
    expect(proposed.body.status).toBe('proposed');
    // Approval waits for the amendment to be decided.
    expect(
      (await http.call(`/api/minutes/${minutesId}/approve`, { method: 'POST', ...as('chair-psychosocial') })).status,
    ).toBe(409);
    expect(
      (
        await http.call(`/api/minutes/${minutesId}/amendments/${proposed.body.id}/decision`, {
          ...as('psychologist'),
          body: { accept: true, note: 'self' },
        })
      ).status,
    ).toBe(403);
    const decided = await http.call<AmendmentView>(
      `/api/minutes/${minutesId}/amendments/${proposed.body.id}/decision`,
      {
        ...as('chair-psychosocial'),
        body: { accept: true, note: 'Agreed' },
      },
    );
    expect(decided.status).toBe(200);
    expect(decided.body).toMatchObject({ status: 'accepted', resultingVersion: 3, decisionNote: 'Agreed' });
    const again = await http.call(`/api/minutes/${minutesId}/amendments/${proposed.body.id}/decision`, {
      ...as('chair-psychosocial'),
      body: { accept: false, note: 'Changed my mind' },
    });
    expect(again.status).toBe(409);

    const comment = await http.call(`/api/minutes/${minutesId}/comments`, {
      ...as('social-worker'),
      body: { itemKey: agenda[0], body: 'Thank you for the clear summary.' },
    });
    expect(comment.status).toBe(201);
    expect(
      (await http.call(`/api/minutes/${minutesId}/comments`, { ...as('observer-un'), body: { body: 'x' } })).status,
    ).toBe(403);
  });

  it('approves with a SHA-256 of the content; approved minutes never change (409); a correction is a new cycle', async () => {
    expect(
      (await http.call(`/api/minutes/${minutesId}/approve`, { method: 'POST', ...as('rapporteur-psychosocial') }))
        .status,
    ).toBe(403);
    const approved = await http.call<MinutesView>(`/api/minutes/${minutesId}/approve`, {
      method: 'POST',
      ...as('chair-psychosocial'),
    });
    expect(approved.status).toBe(200);
    expect(approved.body.status).toBe('approved');
    expect(approved.body.content.items[0].notes).toContain('one abstention');
    expect(approved.body.contentHash).toBe(createHash('sha256').update(canonical(approved.body.content)).digest('hex'));

    for (const [method, path, body] of [
      ['PUT', `/api/minutes/${minutesId}`, { baseVersion: 3, content: approved.body.content }],
      ['POST', `/api/minutes/${minutesId}/circulate`, undefined],
      ['POST', `/api/minutes/${minutesId}/approve`, undefined],
      ['POST', `/api/minutes/${minutesId}/comments`, { body: 'late' }],
    ] as const) {
      const reply = await http.call(path, { method, body, ...as('chair-psychosocial') });
      expect([path, reply.status]).toEqual([path, 409]);
    }
    const correction = await http.call<MinutesView>(`/api/minutes/${minutesId}/corrections`, {
      method: 'POST',
      ...as('rapporteur-psychosocial'),
    });
    expect(correction.status).toBe(201);
    expect(correction.body).toMatchObject({ status: 'draft', correctsId: minutesId, version: 1 });
    expect(correction.body.content).toEqual(approved.body.content);
    const original = await http.call<MinutesView>(`/api/minutes/${minutesId}`, as('psychologist'));
    expect(original.body).toMatchObject({ status: 'approved', contentHash: approved.body.contentHash });
  });

  it('exports Russian minutes as PDF with the Cyrillic title and the content hash, and as Markdown', async () => {
    // The correction (a draft) gets a Russian title and notes, then the chair approves it.
    const list = await http.call<{ documents: { id: string; status: string; correctsId: string | null }[] }>(
      `/api/sessions/${sessionId}/minutes`,
      as('rapporteur-psychosocial'),
    );
    const correctionId = list.body.documents.find((d) => d.correctsId === minutesId)?.id ?? '';
    const draft = (await http.call<MinutesView>(`/api/minutes/${correctionId}`, as('rapporteur-psychosocial'))).body;
    const russian: MinutesContent = {
      ...draft.content,
      title: 'Протокол заседания рабочей группы по психосоциальной поддержке',
      items: draft.content.items.map((i, n) =>
        n === 0 ? { ...i, notes: '<p>Глава о семейном консультировании <strong>одобрена</strong>.</p>' } : i,
      ),
    };
    const saved = await http.call<MinutesView>(`/api/minutes/${correctionId}`, {
      method: 'PUT',
      ...as('rapporteur-psychosocial'),
      body: { baseVersion: draft.version, content: russian, note: 'Перевод' },
    });
    expect(saved.status).toBe(200);
    const approved = await http.call<MinutesView>(`/api/minutes/${correctionId}/approve`, {
      method: 'POST',
      ...as('chair-psychosocial'),
    });
    expect(approved.status).toBe(200);
    const hash = approved.body.contentHash ?? '';
    expect(hash).toMatch(/^[0-9a-f]{64}$/);

    const res = await fetch(`${api.baseUrl}/api/minutes/${correctionId}/export?format=pdf&locale=ru`, {
      headers: { authorization: `Bearer ${tokens['psychologist']}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="minutes-.*\.pdf"$/);
    const { text } = await pdfText(Buffer.from(await res.arrayBuffer()));
    expect(text).toContain('Протокол заседания рабочей группы по психосоциальной поддержке');
    expect(text).toContain('Глава о семейном консультировании одобрена');
    expect(text.replace(/\s/g, '')).toContain(hash);

    const md = await http.call<string>(`/api/minutes/${correctionId}/export?format=md`, as('psychologist'));
    expect(md.status).toBe(200);
    expect(md.text).toContain('Протокол заседания рабочей группы');
    expect(md.text).toContain(hash);
    expect((await http.call(`/api/minutes/${correctionId}/export?format=doc`, as('psychologist'))).status).toBe(400);
    expect((await http.call(`/api/minutes/${correctionId}/export?format=pdf`, as('prosecutor'))).status).toBe(404);
  });

  it('makes a public summary without the restricted items, readable beyond the group once approved', async () => {
    const summary = await http.call<MinutesView>(`/api/sessions/${sessionId}/minutes`, {
      ...as('secretariat'),
      body: { face: 'public' },
    });
    expect(summary.status).toBe(201);
    expect(summary.body.content.items.map((i) => i.key)).toEqual([agenda[0]]);
    expect(JSON.stringify(summary.body.content)).not.toContain('staff at risk');
    expect((await http.call(`/api/minutes/${summary.body.id}`, as('prosecutor'))).status).toBe(404);
    const approved = await http.call<MinutesView>(`/api/minutes/${summary.body.id}/approve`, {
      method: 'POST',
      ...as('chair-psychosocial'),
    });
    expect(approved.status).toBe(200);
    const outside = await http.call<MinutesView>(`/api/minutes/${summary.body.id}`, as('prosecutor'));
    expect(outside.status).toBe(200);
    expect(outside.body.can).toMatchObject({ edit: false, comment: false, amend: false });
    const list = await http.call<{ documents: { id: string }[] }>(
      `/api/sessions/${sessionId}/minutes`,
      as('prosecutor'),
    );
    expect(list.body.documents.map((d) => d.id)).toEqual([summary.body.id]);
    // The full record stays closed to them.
    expect((await http.call(`/api/minutes/${minutesId}`, as('prosecutor'))).status).toBe(404);

    // Its own visibility: every signed-in person by default; opened to anyone by the rapporteur, audited.
    expect(approved.body).toMatchObject({ visibility: 'council', can: { setVisibility: true } });
    expect((await http.call(`/api/minutes/${minutesId}`, as('chair-psychosocial'))).body).toMatchObject({
      visibility: 'group',
    });
    const anonymous = () => http.call<PublicMinutesView>(`/api/public/minutes/${summary.body.id}`);
    expect((await anonymous()).status).toBe(404);
    const visibility = (key: string, id: string, value: unknown) =>
      http.call<MinutesView & ErrorResponse>(`/api/minutes/${id}/visibility`, {
        method: 'PUT',
        ...as(key),
        body: { visibility: value },
      });
    expect((await visibility('psychologist', summary.body.id, 'public')).status).toBe(403);
    expect((await visibility('prosecutor', summary.body.id, 'public')).status).toBe(403);
    const full = await visibility('chair-psychosocial', minutesId, 'public');
    expect(full.status).toBe(400);
    expect(full.body.details).toEqual([
      { field: 'visibility', messages: ['only a public summary can be opened beyond the group'] },
    ]);
    expect((await visibility('rapporteur-psychosocial', summary.body.id, 'everyone')).status).toBe(400);
    // A member who shows observers only their role is not named to the public either.
    expect(
      (await http.call('/api/me', { method: 'PATCH', ...as('psychologist'), body: { nameVisibleToObservers: false } }))
        .status,
    ).toBe(200);
    const opened = await visibility('rapporteur-psychosocial', summary.body.id, 'public');
    expect(opened.status).toBe(200);
    expect(opened.body.visibility).toBe('public');
    expect(opened.body.contentHash).toBe(approved.body.contentHash);
    const published = await anonymous();
    expect(published.status).toBe(200);
    expect(published.body).toMatchObject({
      id: summary.body.id,
      contentHash: approved.body.contentHash,
      session: { title: 'Psychosocial support: minutes test' },
    });
    expect(published.body.items.map((i) => i.key)).toEqual([agenda[0]]);
    expect(published.text).not.toContain('staff at risk');
    const names = published.body.attendance.map((a) => a.name);
    expect(names).toHaveLength(3);
    expect(names.filter((n) => n === null)).toHaveLength(1);
    expect(published.body.attendance.find((a) => a.name === null)?.role).toBe('member');
    const psychologistId = (await http.call<{ id: string }>('/api/me', as('psychologist'))).body.id;
    expect(published.text).not.toContain(psychologistId);
    expect(published.text).not.toContain('"speakers"');
    const pg = new Client({ connectionString: db.url });
    await pg.connect();
    try {
      const audited = await pg.query(
        `SELECT details FROM audit_events WHERE target_id = $1 AND action = 'minutes.visibility_changed'`,
        [summary.body.id],
      );
      expect(audited.rows.map((r) => r.details)).toEqual([{ from: 'council', to: 'public' }]);
    } finally {
      await pg.end();
    }
    // Back to every signed-in person: anonymous readers get 404 again.
    expect((await visibility('chair-psychosocial', summary.body.id, 'council')).body.visibility).toBe('council');
    expect((await anonymous()).status).toBe(404);
    await http.call('/api/me', { method: 'PATCH', ...as('psychologist'), body: { nameVisibleToObservers: true } });
  });

  it('lists decisions in the register: the full record for the group, the public summary for others', async () => {
    const mine = await http.call<DecisionRegisterResponse>('/api/decisions?q=chapter', as('psychologist'));
    expect(mine.status).toBe(200);
    const entry = mine.body.decisions.find((d) => d.session.id === sessionId);
    expect(entry).toMatchObject({
      text: 'Adopt the chapter?',
      agendaItem: { key: agenda[0], title: 'Handbook chapter' },
      result: { outcome: 'adopted' },
      fromPublicSummary: false,
    });
    // The latest full record is the (approved) correction: the register takes the decision from it.
    expect(entry?.status).toBe('approved');
    expect(entry?.minutesId).not.toBe(minutesId);
    const other = await http.call<DecisionRegisterResponse>('/api/decisions?q=chapter', as('prosecutor'));
    expect(other.body.decisions.find((d) => d.session.id === sessionId)).toMatchObject({
      status: 'approved',
      fromPublicSummary: true,
    });
    const none = await http.call<DecisionRegisterResponse>('/api/decisions?q=nothing-like-this', as('psychologist'));
    expect(none.body.decisions).toEqual([]);
    const bad = await http.call<ErrorResponse>('/api/decisions?status=weird', as('psychologist'));
    expect(bad.status).toBe(400);
    // The demo record: draft minutes of the first meeting (26 July 2024) with its decisions and attendance.
    const demoDecisions = await http.call<DecisionRegisterResponse>(
      '/api/decisions?q=preliminary%20plans',
      as('secretariat'),
    );
    const first = demoDecisions.body.decisions.find((d) => d.session.title.startsWith('First meeting'));
    expect(first).toMatchObject({ status: 'draft', session: { startsAt: '2024-07-26T10:00:00.000Z' } });
    const demoMinutes = await http.call<MinutesView>(`/api/minutes/${first?.minutesId}`, as('psychologist'));
    expect(demoMinutes.body.content.attendance.length).toBeGreaterThan(10);
    expect(demoMinutes.body.content.items[3].decisions[0].text).toContain('practitioners');
    const demoActions = await http.call<{ items: { title: string; status: string; minutesId: string | null }[] }>(
      '/api/actions',
      as('secretariat'),
    );
    expect(
      demoActions.body.items
        .filter((a) => a.minutesId === first?.minutesId)
        .map((a) => a.status)
        .sort(),
    ).toEqual(['done', 'done', 'in_progress']);
  });

  it("approves circulated minutes by a vote in the group's next meeting; a rejected vote leaves them circulated", async () => {
    const groupId = created0.groupIds[0];
    const schedule = async (title: string, localStart: string) => {
      const reply = await http.call<SessionView>('/api/sessions', {
        ...as('chair-psychosocial'),
        body: {
          title,
          groupIds: [groupId],
          format: 'online',
          localStart,
          durationMinutes: 60,
          timeZone: 'Asia/Tashkent',
          agenda: [{ title: 'Approval of the minutes', minutesAllotted: 10 }],
        },
      });
      expect(reply.status).toBe(201);
      return reply.body.id;
    };
    const earlier = await schedule('Psychosocial support: April meeting', '2031-04-02T09:00');
    const next = await schedule('Psychosocial support: July meeting', '2031-07-02T09:00');
    const started = await http.call<MinutesView>(`/api/sessions/${earlier}/minutes`, {
      ...as('rapporteur-psychosocial'),
      body: { face: 'full' },
    });
    expect(started.status).toBe(201);
    const earlierMinutes = started.body.id;

    // Before circulation the minutes are not offered, and cannot be put to a vote.
    const offered = async (key: string) =>
      http.call<MinutesForApprovalResponse>(`/api/sessions/${next}/minutes-for-approval`, as(key));
    expect((await offered('chair-psychosocial')).body.items.map((i) => i.id)).not.toContain(earlierMinutes);
    expect(
      (
        await http.call(`/api/minutes/${earlierMinutes}/circulate`, {
          method: 'POST',
          ...as('rapporteur-psychosocial'),
        })
      ).status,
    ).toBe(200);
    const list = await offered('chair-psychosocial');
    expect(list.status).toBe(200);
    expect(list.body.items.find((i) => i.id === earlierMinutes)).toMatchObject({
      sessionId: earlier,
      sessionTitle: 'Psychosocial support: April meeting',
      face: 'full',
    });
    expect((await offered('prosecutor')).status).toBe(404); // another group
    expect((await offered('observer-un')).status).toBe(403); // observer of the group

    const join = async (key: string) => {
      const p = await Participant.join(key, api.baseUrl, tokens[key], next);
      people.push(p);
      return p;
    };
    const chair = await join('chair-psychosocial');
    const rapporteur = await join('rapporteur-psychosocial');
    const member = await join('psychologist');
    ok(await ask(chair.socket, 'meeting:start', { sessionId: next }));
    const motion = (minutesId?: string, kind: 'yes_no_abstain' | 'options' = 'yes_no_abstain') => ({
      sessionId: next,
      question: 'Approve the minutes of the April meeting?',
      kind,
      ...(kind === 'options' ? { options: ['approve', 'later'] } : {}),
      secret: false,
      quorum: { kind: 'none' as const },
      minutesId,
    });
    const refused = async (payload: ReturnType<typeof motion>) => {
      const ack = await ask(chair.socket, 'poll:open', payload);
      expect(ack.ok).toBe(false);
      return ack.ok ? [] : ((ack.error.details as FieldError[] | undefined) ?? []);
    };
    expect(await refused(motion(earlierMinutes, 'options'))).toEqual([
      { field: 'kind', messages: ['must be yes_no_abstain to approve minutes'] },
    ]);
    expect(await refused(motion('00000000-0000-4000-8000-000000000000'))).toEqual([
      { field: 'minutesId', messages: ['must be minutes of an earlier session of the same working group'] },
    ]);
    // The minutes of the June meeting were approved (and corrected) in the tests above.
    expect(await refused(motion(minutesId))).toEqual([{ field: 'minutesId', messages: ['are already approved'] }]);
    expect(await refused({ ...motion(earlierMinutes), minutesId: 'not-an-id' })).toEqual([
      { field: 'minutesId', messages: ['must be an id'] },
    ]);

    const vote = async (choice: string) => {
      const poll = ok(await ask(chair.socket, 'poll:open', motion(earlierMinutes)));
      expect(poll.minutesId).toBe(earlierMinutes);
      for (const p of [chair, rapporteur, member])
        ok(await ask(p.socket, 'poll:vote', { sessionId: next, pollId: poll.id, choice }));
      return ok(await ask(chair.socket, 'poll:close', { sessionId: next, pollId: poll.id }));
    };
    const rejected = await vote('no');
    expect(rejected.result?.outcome).toBe('rejected');
    const stillCirculated = await http.call<MinutesView>(`/api/minutes/${earlierMinutes}`, as('psychologist'));
    expect(stillCirculated.body).toMatchObject({ status: 'circulated', approvalVote: null, contentHash: null });

    const adopted = await vote('yes');
    expect(adopted.result?.outcome).toBe('adopted');
    const approved = await http.call<MinutesView>(`/api/minutes/${earlierMinutes}`, as('psychologist'));
    const chairId = (await http.call<{ id: string }>('/api/me', as('chair-psychosocial'))).body.id;
    expect(approved.body).toMatchObject({
      status: 'approved',
      approvedBy: chairId,
      approvalVote: {
        sessionId: next,
        sessionTitle: 'Psychosocial support: July meeting',
        pollId: adopted.id,
        yes: 3,
        no: 0,
        abstain: 0,
        votesCast: 3,
      },
    });
    expect(approved.body.contentHash).toBe(createHash('sha256').update(canonical(approved.body.content)).digest('hex'));
    const edit = await http.call(`/api/minutes/${earlierMinutes}`, {
      method: 'PUT',
      ...as('rapporteur-psychosocial'),
      body: { baseVersion: approved.body.version, content: approved.body.content },
    });
    expect(edit.status).toBe(409);
    expect((await offered('chair-psychosocial')).body.items.map((i) => i.id)).not.toContain(earlierMinutes);
    // A third vote on the same minutes is refused: they are approved now.
    expect(await refused(motion(earlierMinutes))).toEqual([{ field: 'minutesId', messages: ['are already approved'] }]);
    for (const p of [chair, rapporteur, member]) p.close();
  });
});
