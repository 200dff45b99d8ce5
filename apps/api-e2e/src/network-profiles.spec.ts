import { ApiProcess, createTestDatabase, startApi, TestDatabase } from '@kengash/api-testing';
import {
  ApplicationFormResponse,
  ContactDetailsResponse,
  ContactViewsResponse,
  CurrentUser,
  DEFAULT_FIELD_VISIBILITY,
  DirectoryEntry,
  DirectoryResponse,
  ErrorResponse,
  FieldError,
  FORMER_MEMBER_LABEL,
  NetworkApplicationListResponse,
  NetworkApplicationView,
  NetworkProfile,
  PersonalDataExport,
  PracticeCommentView,
  PracticeSearchResponse,
  PRIVACY_NOTICE_VERSION,
  SessionResponse,
} from '@kengash/contracts';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { client, demo, signedIn } from './support/http';
import { SmtpCatcher, tokenFromLink } from './support/smtp-catcher';

const fieldsOf = (body: ErrorResponse) =>
  Object.fromEntries((body.details as FieldError[]).map((d) => [d.field, d.messages.join(' ')]));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Practitioner profiles, the directory, contact-detail views and data rights (issue 9), on a real API process with
 * a fresh PostgreSQL, the demo data and a real SMTP server. One applicant goes the whole way — submitted, endorsed,
 * accepted, invited by e-mail, account created — then fills in a profile, is found (or not) in the directory,
 * has their contact details viewed, downloads their data and erases their account.
 */
describe('practitioner network: profiles, directory, contact views, export and erasure (real API)', () => {
  let db: TestDatabase;
  let api: ApiProcess;
  let smtp: SmtpCatcher;
  let pg: Client;
  let http: ReturnType<typeof client>;
  const tokens: Record<string, string> = {};
  const ids: Record<string, string> = {};

  /** Unique values, so that a scan of the whole database finds only this person's data. */
  const tag = randomBytes(5).toString('hex');
  const digits = String(1_000_000 + (parseInt(tag, 16) % 8_999_999));
  const person = {
    name: `Айнур Сапаргалиева ${tag}`,
    email: `ainur.${tag}@example.org`,
    role: `Психолог ${tag}`,
    organisationName: `Экибастуз «Жарқын болашақ» ${tag} (demo)`,
    region: `Павлодарская область ${tag}`,
    motivation: `I support families after their return in Ekibastuz and want to learn from peers (${tag}).`,
    bio: `Group support for mothers and teenagers; school re-entry ${tag}.`,
    phone: `+7 701 ${digits}`,
    contactEmail: `ainur.contact.${tag}@example.org`,
  };
  const password = `Ekibastuz-steppe-${tag}!`;
  let token = '';
  let profile: NetworkProfile;

  beforeAll(async () => {
    smtp = new SmtpCatcher();
    const smtpUrl = await smtp.start();
    db = await createTestDatabase('network_profiles');
    api = await startApi({
      DATABASE_URL: db.url,
      DEMO_DATA: 'true',
      SMTP_URL: smtpUrl,
      TRUST_PROXY: 'true',
      PUBLIC_URL: 'http://kengash.test',
    });
    http = client(api.baseUrl);
    for (const key of [
      'secretariat',
      'focal-point-kz',
      'practitioner',
      'psychologist',
      'observer-un',
      'admin',
      'chair-psychosocial',
    ])
      tokens[key] = await signedIn(http, demo(key));
    pg = new Client({ connectionString: db.url });
    await pg.connect();
    const users = await pg.query(`SELECT id, email FROM users WHERE demo`);
    for (const u of users.rows) ids[String(u.email).split('@')[0]] = u.id;
  });

  afterAll(async () => {
    await pg?.end();
    await api?.stop();
    await smtp?.stop();
    await db?.drop();
  });

  const directory = (who: string, query = '') =>
    http.call<DirectoryResponse>(`/api/network/directory${query ? `?${query}` : ''}`, {
      token: who === 'me' ? token : tokens[who],
    });
  const entryFor = async (who: string, query = ''): Promise<DirectoryEntry | undefined> => {
    const r = await directory(who, query);
    expect(r.status).toBe(200);
    return r.body.entries.find((e) => e.userId === profile.userId);
  };
  const update = (body: Record<string, unknown>) =>
    http.call<NetworkProfile>('/api/network/profile', { method: 'PUT', token, body });

  it('submitted → endorsed → accepted → invitation e-mail → account created → signed in, with a profile', async () => {
    const form = await http.call<ApplicationFormResponse>('/api/network/application-form');
    await sleep(Math.max(0, Date.parse(form.body.issuedAt) + form.body.minSeconds * 1000 + 150 - Date.now()));
    const applied = await http.call('/api/network/applications', {
      body: {
        formToken: form.body.formToken,
        website: '',
        name: person.name,
        email: person.email,
        locale: 'ru',
        role: person.role,
        organisationType: 'ngo',
        organisationName: person.organisationName,
        country: 'KZ',
        region: person.region,
        languages: ['kk', 'ru'],
        expertise: ['psychosocial_support', 'family_community'],
        motivation: person.motivation,
        consentVersion: PRIVACY_NOTICE_VERSION,
      },
    });
    expect(applied.status).toBe(201);
    await smtp.next(person.email); // the status link
    const queue = await http.call<NetworkApplicationListResponse>('/api/network/applications?status=submitted', {
      token: tokens['secretariat'],
    });
    const app = queue.body.applications.find((a) => a.email === person.email) as NetworkApplicationView;
    expect(app.status).toBe('submitted');

    const endorsed = await http.call<NetworkApplicationView>(`/api/network/applications/${app.id}/endorse`, {
      token: tokens['focal-point-kz'],
      body: {},
    });
    expect(endorsed.body.status).toBe('endorsed');
    const accepted = await http.call<NetworkApplicationView>(`/api/network/applications/${app.id}/decision`, {
      token: tokens['secretariat'],
      body: { decision: 'accepted', reason: 'Practice with returnee families.', reasonShareable: true },
    });
    expect(accepted.status).toBe(200);
    expect(accepted.body.status).toBe('accepted');
    const userId = accepted.body.userId as string;

    // The profile exists from acceptance on, before the account is even activated.
    const stored = await pg.query(`SELECT name, phone, email, visibility FROM network_profiles WHERE user_id = $1`, [
      userId,
    ]);
    expect(stored.rows[0]).toEqual({
      name: person.name,
      phone: '',
      email: person.email,
      visibility: DEFAULT_FIELD_VISIBILITY,
    });

    const invitation = await smtp.next(person.email, 10_000, (m) => m.subject === 'Приглашение в Kengash');
    const invitationToken = tokenFromLink(invitation.text, 'http://kengash.test/invitation');
    const created = await http.call<SessionResponse>('/api/auth/invitations/accept', {
      body: { token: invitationToken, password },
    });
    expect(created.status).toBe(200);
    token = (await http.session(person.email, password)).accessToken;
    const me = await http.call<CurrentUser>('/api/me', { token });
    expect(me.body).toMatchObject({ id: userId, globalRole: 'practitioner', displayName: person.name });

    const own = await http.call<NetworkProfile>('/api/network/profile', { token });
    expect(own.status).toBe(200);
    profile = own.body;
    expect(profile).toMatchObject({
      userId,
      name: person.name,
      role: person.role,
      organisationType: 'ngo',
      organisationName: person.organisationName,
      country: 'KZ',
      region: person.region,
      languages: ['kk', 'ru'],
      expertise: ['psychosocial_support', 'family_community'],
      bio: '',
      phone: '',
      email: person.email,
      label: 'name',
      visibility: DEFAULT_FIELD_VISIBILITY,
      version: 1,
    });
  });

  it('answers bad profile input with field errors (400), a stale version with 409; non-members get 404', async () => {
    const bad = await update({
      name: '',
      phone: 'call me maybe',
      email: 'not an address',
      label: 'nickname',
      expertise: ['astrology'],
      visibility: { phone: 'everyone', shoeSize: 'network' },
      extra: true,
      version: profile.version,
    });
    expect(bad.status).toBe(400);
    expect(Object.keys(fieldsOf(bad.body as unknown as ErrorResponse)).sort()).toEqual(
      ['email', 'expertise.0', 'extra', 'label', 'name', 'phone', 'visibility.phone', 'visibility.shoeSize'].sort(),
    );
    const noVersion = await update({ bio: 'x' });
    expect(noVersion.status).toBe(400);
    expect(fieldsOf(noVersion.body as unknown as ErrorResponse)).toHaveProperty('version');
    expect((await update({ bio: 'x', version: profile.version + 5 })).status).toBe(409);

    // Only accepted practitioners have a profile.
    for (const key of ['psychologist', 'secretariat', 'observer-un'])
      expect((await http.call('/api/network/profile', { token: tokens[key] })).status).toBe(404);

    const badQuery = await directory('psychologist', 'country=XX&page=0&expertise=astrology&extra=1');
    expect(badQuery.status).toBe(400);
    expect(Object.keys(fieldsOf(badQuery.body as unknown as ErrorResponse)).sort()).toEqual(
      ['country.0', 'expertise.0', 'extra', 'page'].sort(),
    );
    const unchanged = await pg.query(`SELECT bio, version FROM network_profiles WHERE user_id = $1`, [profile.userId]);
    expect(unchanged.rows[0]).toEqual({ bio: '', version: 1 });
  });

  it('saves the profile and each field’s visibility; the audit names the fields, never the values', async () => {
    const saved = await update({
      bio: person.bio,
      phone: person.phone,
      email: person.contactEmail,
      visibility: {
        name: 'council',
        role: 'network',
        organisationName: 'secretariat',
        bio: 'me',
        region: 'council',
        phone: 'council',
        email: 'secretariat',
      },
      version: profile.version,
    });
    expect(saved.status).toBe(200);
    profile = saved.body;
    expect(profile).toMatchObject({ bio: person.bio, phone: person.phone, email: person.contactEmail, version: 2 });
    expect(profile.visibility).toMatchObject({ name: 'council', bio: 'me', phone: 'council', country: 'network' });
    expect((await update({ bio: 'late', version: 1 })).status).toBe(409);

    const audit = await pg.query(
      `SELECT details FROM audit_events WHERE action = 'network.profile_updated' AND target_id = $1`,
      [profile.userId],
    );
    expect(audit.rows).toHaveLength(1);
    expect(audit.rows[0].details).toEqual({
      fields: ['bio', 'phone', 'email'],
      visibility: ['role', 'region', 'bio', 'phone'],
    });
  });

  it('leaves hidden fields out of the directory JSON for viewers without rights, and shows them to those with', async () => {
    // Kamola (another practitioner: `network`): no name (council), organisation (secretariat), region, bio (me).
    const network = (await entryFor('practitioner')) as DirectoryEntry;
    expect(network).toBeDefined();
    for (const hidden of ['name', 'organisationName', 'region', 'bio', 'phone', 'email'])
      expect(network).not.toHaveProperty(hidden);
    expect(network).toMatchObject({ role: person.role, country: 'KZ', organisationType: 'ngo', contactFields: [] });
    expect(network.label).toBe(person.role); // the name is hidden from her: the role stands in
    const raw = (await directory('practitioner')).text;
    for (const value of [person.name, person.organisationName, person.region, person.bio, person.phone])
      expect(raw).not.toContain(value);

    // A council member (`council`): name and region, not the organisation (secretariat) or the bio (me).
    const council = (await entryFor('psychologist')) as DirectoryEntry;
    expect(council).toMatchObject({ name: person.name, label: person.name, region: person.region });
    expect(council).not.toHaveProperty('organisationName');
    expect(council).not.toHaveProperty('bio');
    expect(council.contactFields).toEqual(['phone']);

    // The secretariat sees the `secretariat` fields too, still not the bio (`me`).
    const secretariat = (await entryFor('secretariat')) as DirectoryEntry;
    expect(secretariat).toMatchObject({ name: person.name, organisationName: person.organisationName });
    expect(secretariat).not.toHaveProperty('bio');
    expect(secretariat.contactFields).toEqual(['phone', 'email']);
    expect((await entryFor('admin'))?.organisationName).toBe(person.organisationName);

    // The owner sees their own entry in full.
    const own = (await entryFor('me')) as DirectoryEntry;
    expect(own).toMatchObject({ name: person.name, bio: person.bio, organisationName: person.organisationName });
    expect(own.contactFields).toEqual(['phone', 'email']);

    // Observers do not see the directory at all.
    expect((await directory('observer-un')).status).toBe(403);

    // The demo data has practitioners in it, labelled as they chose.
    const demoEntries = (await directory('psychologist')).body.entries;
    expect(demoEntries.find((e) => e.userId === ids['practitioner'])).toMatchObject({ name: 'Kamola Ismoilova' });
    expect(demoEntries.find((e) => e.userId === ids['network-shahlo'])).toMatchObject({ label: 'Ijtimoiy xodim' });
    expect(demoEntries.find((e) => e.userId === ids['network-ermek'])).not.toHaveProperty('name');
  });

  it('does not find the person by a field hidden from the viewer (filters and free text)', async () => {
    const q = (s: string) => `q=${encodeURIComponent(s)}`;
    // The region is `council`: a member finds it, another practitioner does not.
    expect(await entryFor('psychologist', q(tag))).toBeDefined();
    expect(await entryFor('practitioner', q(person.region))).toBeUndefined();
    expect(await entryFor('psychologist', q(person.region))).toBeDefined();
    // The organisation name is `secretariat`; the bio `me` (found by its owner only).
    expect(await entryFor('psychologist', q(person.organisationName))).toBeUndefined();
    expect(await entryFor('secretariat', q(person.organisationName))).toBeDefined();
    expect(await entryFor('secretariat', q(person.bio))).toBeUndefined();
    expect(await entryFor('me', q(person.bio))).toBeDefined();

    // The country is visible to the network: filtering by it finds the person…
    expect(await entryFor('practitioner', 'country=KZ&expertise=family_community')).toBeDefined();
    const before = (await directory('practitioner', 'country=KZ')).body.total;
    // …until it is kept to the council: then a filter by country must not reveal it, nor count it.
    profile = (await update({ visibility: { country: 'council', expertise: 'secretariat' }, version: profile.version }))
      .body;
    expect(await entryFor('practitioner', 'country=KZ')).toBeUndefined();
    expect((await directory('practitioner', 'country=KZ')).body.total).toBe(before - 1);
    expect(await entryFor('practitioner')).not.toHaveProperty('country');
    expect(await entryFor('psychologist', 'country=KZ')).toBeDefined();
    expect(await entryFor('psychologist', 'expertise=family_community')).toBeUndefined();
    expect(await entryFor('secretariat', 'expertise=family_community&expertise=education')).toBeDefined();
    expect(await entryFor('practitioner', 'language=kk&organisationType=ngo')).toBeDefined();
    expect(await entryFor('practitioner', 'organisationType=government')).toBeUndefined();
  });

  it('logs a contact-detail view (who, whose, which fields, when) that the practitioner sees', async () => {
    const path = `/api/network/directory/${profile.userId}/contact`;
    // Kamola may see neither contact field: 404, nothing logged.
    expect((await http.call(path, { method: 'POST', token: tokens['practitioner'] })).status).toBe(404);
    const byMember = await http.call<ContactDetailsResponse>(path, { method: 'POST', token: tokens['psychologist'] });
    expect(byMember.status).toBe(200);
    expect(byMember.body).toMatchObject({ userId: profile.userId, phone: person.phone });
    expect(byMember.body).not.toHaveProperty('email');
    const bySecretariat = await http.call<ContactDetailsResponse>(path, {
      method: 'POST',
      token: tokens['secretariat'],
    });
    expect(bySecretariat.body).toMatchObject({ phone: person.phone, email: person.contactEmail });
    expect((await http.call(path, { method: 'POST', token: tokens['observer-un'] })).status).toBe(403);

    const rows = await pg.query(
      `SELECT viewer_id, fields, viewed_at FROM network_contact_views WHERE subject_id = $1 ORDER BY viewed_at`,
      [profile.userId],
    );
    expect(rows.rows.map((r) => [r.viewer_id, r.fields])).toEqual([
      [ids['psychologist'], ['phone']],
      [ids['secretariat'], ['phone', 'email']],
    ]);
    expect(Date.now() - new Date(rows.rows[0].viewed_at).getTime()).toBeLessThan(60_000);

    const views = await http.call<ContactViewsResponse>('/api/network/profile/contact-views', { token });
    expect(views.status).toBe(200);
    expect(views.body.views.map((v) => [v.viewer.displayName, v.fields])).toEqual([
      ['Dilnoza Karimova', ['phone', 'email']],
      ['Nodira Tursunova', ['phone']],
    ]);
    expect((await http.call('/api/network/profile/contact-views', { token: tokens['psychologist'] })).status).toBe(404);
  });

  it('rate-limits revealing contact details per viewer (429 with Retry-After)', async () => {
    const replies: number[] = [];
    let last: Awaited<ReturnType<typeof http.call>> | undefined;
    for (let i = 0; i < 31; i++) {
      last = await http.call(`/api/network/directory/00000000-0000-4000-8000-000000000000/contact`, {
        method: 'POST',
        token: tokens['chair-psychosocial'],
      });
      replies.push(last.status);
    }
    expect(replies.slice(0, 30).every((s) => s === 404)).toBe(true);
    expect(replies[30]).toBe(429);
    expect(Number(last?.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  let commentId = '';
  let practiceId = '';

  it('exports every personal field as a JSON download (audited)', async () => {
    // Something they wrote: a comment on a published entry of the library.
    const practices = await http.call<PracticeSearchResponse>('/api/practices', { token });
    practiceId = practices.body.hits[0].id;
    const comment = await http.call<PracticeCommentView>(`/api/practices/${practiceId}/comments`, {
      token,
      body: { body: 'We tried this with mothers’ groups in Ekibastuz.' },
    });
    expect(comment.status).toBe(201);
    commentId = comment.body.id;
    const viewed = await http.call(`/api/network/directory/${ids['practitioner']}/contact`, { method: 'POST', token });
    expect(viewed.status).toBe(404); // Kamola's contact fields are kept to the council

    const exported = await http.call<PersonalDataExport>('/api/network/profile/export', { token });
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-disposition')).toMatch(
      /^attachment; filename="kengash-personal-data-.*\.json"$/,
    );
    const data = exported.body;
    expect(data.account).toMatchObject({ id: profile.userId, email: person.email, display_name: person.name });
    expect(data.account).toMatchObject({ organisation: person.organisationName, country: 'KZ' });
    expect(data.account).not.toHaveProperty('password_hash');
    expect(data.account).not.toHaveProperty('totp_secret_enc');
    expect(data.profile).toMatchObject({
      name: person.name,
      role: person.role,
      organisationName: person.organisationName,
      region: person.region,
      bio: person.bio,
      phone: person.phone,
      email: person.contactEmail,
      visibility: profile.visibility,
    });
    expect(data.applications).toHaveLength(1);
    expect(data.applications[0]).toMatchObject({
      name: person.name,
      email: person.email,
      motivation: person.motivation,
      status: 'accepted',
    });
    expect(data.contactViewsOfMe.map((v) => v.viewer.displayName)).toEqual(['Dilnoza Karimova', 'Nodira Tursunova']);
    expect(data.other['practiceComments']).toEqual([expect.objectContaining({ id: commentId })]);
    expect(data.other['signInSessions'].length).toBeGreaterThan(0);
    expect(JSON.stringify(data.other['signInSessions'])).not.toContain('token_hash');
    for (const value of Object.values(person)) expect(exported.text).toContain(JSON.stringify(value).slice(1, -1));

    const audit = await pg.query(`SELECT actor_id FROM audit_events WHERE action = 'network.data_exported'`);
    expect(audit.rows).toEqual([{ actor_id: profile.userId }]);
  });

  /** Every text, JSON and array column of every table (the application's and the job queue's) holding any value. */
  async function personalHits(): Promise<string[]> {
    const needles = Object.values(person).map((v) => `%${v.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    const columns = await pg.query(
      `SELECT c.table_schema, c.table_name, c.column_name
           FROM information_schema.columns c
           JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
          WHERE c.table_schema IN ('public', 'pgboss') AND t.table_type = 'BASE TABLE'
            AND (c.data_type IN ('text', 'character varying', 'character', 'json', 'jsonb', 'ARRAY')
                 OR c.udt_name = 'citext')`,
    );
    expect(columns.rows.length).toBeGreaterThan(50);
    const hits: string[] = [];
    for (const c of columns.rows) {
      const r = await pg.query(
        `SELECT count(*)::int AS n FROM "${c.table_schema}"."${c.table_name}" WHERE "${c.column_name}"::text ILIKE ANY($1)`,
        [needles],
      );
      if (r.rows[0].n > 0) hits.push(`${c.table_schema}.${c.table_name}.${c.column_name}: ${r.rows[0].n}`);
    }
    return hits;
  }

  it('erases the account: no personal field left anywhere in the database, no sign-in, authored content kept', async () => {
    const erase = (body: unknown) => http.call('/api/network/profile/erase', { token, body });
    const unconfirmed = await erase({ confirm: 'yes' });
    expect(unconfirmed.status).toBe(422);
    expect(fieldsOf(unconfirmed.body as ErrorResponse)).toHaveProperty('confirm');
    expect((await erase({})).status).toBe(422);
    expect((await http.call('/api/network/profile', { token })).status).toBe(200); // still there

    // Someone else's record quoting them, as the RSVP notice to a session's organiser does (written here directly:
    // practitioners are not invited to council sessions yet).
    const notice = await pg.query(
      `INSERT INTO notifications (user_id, kind, title, body) VALUES ($1, 'rsvp_received', 'RSVP', $2) RETURNING id`,
      [ids['secretariat'], `${person.name}: accepted`],
    );
    // The scan finds the person while they exist (it is not blind)…
    const before = await personalHits();
    for (const place of [
      'public.users.display_name',
      'public.network_profiles.phone',
      'public.network_applications.email',
    ])
      expect(before.some((h) => h.startsWith(place))).toBe(true);

    const erased = await erase({ confirm: 'ERASE' });
    expect(erased.status).toBe(204);

    // …and nowhere once they erased their account.
    expect(await personalHits()).toEqual([]);

    const rewritten = await pg.query(`SELECT body FROM notifications WHERE id = $1`, [notice.rows[0].id]);
    expect(rewritten.rows[0].body).toBe(`${FORMER_MEMBER_LABEL}: accepted`);
    const user = await pg.query(`SELECT display_name, status, password_hash, organisation FROM users WHERE id = $1`, [
      profile.userId,
    ]);
    expect(user.rows[0]).toEqual({
      display_name: FORMER_MEMBER_LABEL,
      status: 'disabled',
      password_hash: null,
      organisation: null,
    });
    for (const table of ['network_profiles', 'refresh_tokens', 'notifications', 'one_time_tokens'])
      expect((await pg.query(`SELECT 1 FROM ${table} WHERE user_id = $1`, [profile.userId])).rowCount).toBe(0);
    expect(
      (await pg.query(`SELECT 1 FROM network_contact_views WHERE subject_id = $1`, [profile.userId])).rowCount,
    ).toBe(0);

    // They cannot sign in any more, and the old session is over.
    expect((await http.signIn(person.email, password)).status).toBe(401);
    expect((await http.call('/api/me', { token })).status).toBe(401);

    // Their comment stays, under "Former member"; they are gone from the directory.
    const comments = await http.call<PracticeCommentView[]>(`/api/practices/${practiceId}/comments`, {
      token: tokens['psychologist'],
    });
    expect(comments.body.find((c) => c.id === commentId)).toMatchObject({
      author: { userId: profile.userId, name: FORMER_MEMBER_LABEL },
    });
    expect(await entryFor('secretariat')).toBeUndefined();
    const audit = await pg.query(`SELECT actor_id, details FROM audit_events WHERE action = 'network.account_erased'`);
    expect(audit.rows).toEqual([{ actor_id: profile.userId, details: { applications: 1, contactViews: 2 } }]);
  });
});
