import { ApiProcess, createTestDatabase, startApi, TestDatabase } from '@kengash/api-testing';
import {
  AnnouncementListResponse,
  AnnouncementView,
  CalendarResponse,
  CurrentUser,
  ErrorResponse,
  FieldError,
  NetworkStatistics,
  NotificationListResponse,
  PRACTICE_THEMES,
  PRIVACY_NOTICE_VERSION,
  SessionView,
  StatisticsCell,
  STATISTICS_MIN_CELL,
  WorkingGroupListResponse,
} from '@kengash/contracts';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { client, demo, signedIn } from './support/http';
import { SmtpCatcher } from './support/smtp-catcher';

const fieldsOf = (body: ErrorResponse) =>
  Object.fromEntries((body.details as FieldError[]).map((d) => [d.field, d.messages.join(' ')]));

/**
 * Network life (issue 9): the secretariat's announcements (in-app and e-mail in each person's language, sent by
 * a background job), network events (sessions with the network as audience), and the statistics with every small
 * cell suppressed, and their audited CSV export. A real API process on a fresh PostgreSQL with the demo data, and
 * a real SMTP server.
 */
describe('practitioner network: announcements, network events, statistics (real API, PostgreSQL and SMTP)', () => {
  let db: TestDatabase;
  let api: ApiProcess;
  let smtp: SmtpCatcher;
  let pg: Client;
  let http: ReturnType<typeof client>;
  const tokens: Record<string, string> = {};
  const ids: Record<string, string> = {};
  const locales: Record<string, string> = {};
  const PEOPLE = [
    'secretariat',
    'admin',
    'practitioner',
    'psychologist',
    'chair-psychosocial',
    'focal-point-kz',
    'observer-un',
  ];

  beforeAll(async () => {
    smtp = new SmtpCatcher();
    const smtpUrl = await smtp.start();
    db = await createTestDatabase('network_life');
    api = await startApi({
      DATABASE_URL: db.url,
      DEMO_DATA: 'true',
      SMTP_URL: smtpUrl,
      TRUST_PROXY: 'true',
      PUBLIC_URL: 'http://kengash.test',
    });
    http = client(api.baseUrl);
    for (const key of PEOPLE) {
      tokens[key] = await signedIn(http, demo(key));
      const me = (await http.call<CurrentUser>('/api/me', { token: tokens[key] })).body;
      ids[key] = me.id;
      locales[key] = me.locale;
    }
    pg = new Client({ connectionString: db.url });
    await pg.connect();
  });

  afterAll(async () => {
    await pg?.end();
    await api?.stop();
    await smtp?.stop();
    await db?.drop();
  });

  describe('announcements', () => {
    const announcement = {
      title: { en: 'Regional exchange in Almaty', ru: 'Региональный обмен опытом в Алматы' },
      body: {
        en: 'The network meets in Almaty on 12 March. Travel costs are covered for two members per country.',
        ru: 'Сеть встречается в Алматы 12 марта. Расходы на поездку покрываются двум участникам от каждой страны.',
      },
    };

    it('only the secretariat and admins post; members, practitioners and observers get 403', async () => {
      for (const key of ['psychologist', 'practitioner', 'focal-point-kz', 'observer-un']) {
        const r = await http.call<ErrorResponse>('/api/network/announcements', {
          token: tokens[key],
          body: announcement,
        });
        expect([key, r.status]).toEqual([key, 403]);
      }
      expect((await http.call('/api/network/announcements', { body: announcement })).status).toBe(401);
      expect(Number((await pg.query(`SELECT count(*) AS n FROM network_announcements WHERE NOT demo`)).rows[0].n)).toBe(
        0,
      );
    });

    it('refuses bad input with field errors: English missing, too long, unknown fields', async () => {
      const bad = await http.call<ErrorResponse>('/api/network/announcements', {
        token: tokens['secretariat'],
        body: { title: { ru: 'Только по-русски' }, body: { en: 'x'.repeat(5001), de: 'Hallo' }, pinned: true },
      });
      expect(bad.status).toBe(400);
      const fields = fieldsOf(bad.body);
      expect(fields['title.en']).toBe('is required');
      expect(fields['body.en']).toBe('must be at most 5000 characters');
      expect(fields['body.de']).toBe('is not a field of this request');
      expect(fields['pinned']).toBe('is not a field of this request');
      const empty = await http.call<ErrorResponse>('/api/network/announcements', {
        token: tokens['secretariat'],
        body: {},
      });
      expect(empty.status).toBe(400);
      expect(Object.keys(fieldsOf(empty.body)).sort()).toEqual(['body', 'title']);
    });

    it('delivers to the network in each person’s language: the Russian-speaking practitioner gets it in Russian', async () => {
      const posted = await http.call<AnnouncementView>('/api/network/announcements', {
        token: tokens['secretariat'],
        body: announcement,
      });
      expect(posted.status).toBe(201);
      const expected = Number(
        (
          await pg.query(
            `SELECT count(*) AS n FROM users WHERE status = 'active' AND global_role IN ('practitioner', 'focal_point', 'secretariat')`,
          )
        ).rows[0].n,
      );
      // The answer is in the author's language.
      const mine = locales['secretariat'] === 'ru' ? 'ru' : 'en';
      expect(posted.body).toMatchObject({
        title: announcement.title[mine],
        locale: mine,
        author: { id: ids['secretariat'] },
        recipients: expected,
      });

      // Kamola Ismoilova (practitioner, Russian): the Russian text by e-mail, and in the app.
      const mail = await smtp.next(demo('practitioner'), 20_000, (m) => m.subject.includes('Алматы'));
      expect(mail.subject).toBe('Сеть практиков: Региональный обмен опытом в Алматы');
      expect(mail.text).toContain(announcement.body.ru);
      expect(mail.text).toContain('http://kengash.test/network/announcements');
      const inbox = await http.call<NotificationListResponse>('/api/notifications', { token: tokens['practitioner'] });
      expect(inbox.body.items.find((n) => n.kind === 'network_announcement')).toMatchObject({
        title: announcement.title.ru,
        link: '/network/announcements',
      });
      // A focal point gets it in their language too; a council member and an observer get nothing.
      const fp = await smtp.next(demo('focal-point-kz'), 20_000, (m) => /Almaty|Алматы/.test(m.subject));
      expect(fp.subject).toBe(
        locales['focal-point-kz'] === 'ru'
          ? 'Сеть практиков: Региональный обмен опытом в Алматы'
          : 'Practitioners’ network: Regional exchange in Almaty',
      );
      for (const key of ['psychologist', 'observer-un']) {
        const list = await http.call<NotificationListResponse>('/api/notifications', { token: tokens[key] });
        expect(list.body.items.some((n) => n.kind === 'network_announcement')).toBe(false);
      }
      const audit = await pg.query(
        `SELECT actor_id, details FROM audit_events WHERE action = 'network.announcement_posted' AND target_id = $1`,
        [posted.body.id],
      );
      expect(audit.rows).toEqual([
        { actor_id: ids['secretariat'], details: { recipients: expected, languages: ['en', 'ru'] } },
      ]);
      const stored = await pg.query(`SELECT delivered_at, recipient_ids FROM network_announcements WHERE id = $1`, [
        posted.body.id,
      ]);
      expect(stored.rows[0].delivered_at).not.toBeNull();
    });

    it('lists announcements in the reader’s language; the count of recipients for the secretariat only', async () => {
      const ru = await http.call<AnnouncementListResponse>('/api/network/announcements', {
        token: tokens['practitioner'],
      });
      expect(ru.status).toBe(200);
      expect(ru.body.announcements[0]).toMatchObject({
        title: 'Региональный обмен опытом в Алматы',
        locale: 'ru',
      });
      expect(ru.body.announcements.every((a) => a.recipients === undefined)).toBe(true);
      expect(ru.body.announcements.length).toBe(3); // two demo announcements and this one
      const staff = await http.call<AnnouncementListResponse>('/api/network/announcements', {
        token: tokens['secretariat'],
      });
      expect(staff.body.announcements.every((a) => typeof a.recipients === 'number')).toBe(true);
      for (const key of ['psychologist', 'chair-psychosocial', 'focal-point-kz', 'admin'])
        expect((await http.call('/api/network/announcements', { token: tokens[key] })).status).toBe(200);
      expect((await http.call('/api/network/announcements', { token: tokens['observer-un'] })).status).toBe(403);
    });
  });

  describe('network events', () => {
    let groupSession = '';
    let networkEvent = '';
    const calendarOf = async (key: string) =>
      (
        await http.call<CalendarResponse>(
          `/api/sessions/calendar?from=${new Date().toISOString()}&to=${new Date(Date.now() + 120 * 86_400_000).toISOString()}`,
          { token: tokens[key] },
        )
      ).body.occurrences;

    it('the secretariat schedules a network event (no group needed); a chair may not', async () => {
      const groups = (await http.call<WorkingGroupListResponse>('/api/council/groups')).body.groups;
      const event = {
        title: 'Network clinic: documents for returned children',
        groupIds: [],
        audience: 'network',
        format: 'online',
        onlineRoom: 'https://meet.example.org/network-clinic',
        localStart: '2031-04-10T10:00',
        durationMinutes: 60,
        timeZone: 'Asia/Almaty',
      };
      const byChair = await http.call('/api/sessions', {
        token: tokens['chair-psychosocial'],
        body: { ...event, groupIds: [groups.find((g) => g.slug === 'psychosocial-support')?.id] },
      });
      expect(byChair.status).toBe(403);
      // Without the network audience, a session still needs a group.
      const noGroup = await http.call<ErrorResponse>('/api/sessions', {
        token: tokens['secretariat'],
        body: { ...event, audience: undefined },
      });
      expect(noGroup.status).toBe(400);
      expect(fieldsOf(noGroup.body)['groupIds']).toContain('at least one working group');
      const created = await http.call<SessionView>('/api/sessions', { token: tokens['secretariat'], body: event });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ audience: 'network', groupIds: [] });
      networkEvent = created.body.id;

      const group = await http.call<SessionView>('/api/sessions', {
        token: tokens['chair-psychosocial'],
        body: {
          title: 'Psychosocial Support: case review (internal)',
          groupIds: [groups.find((g) => g.slug === 'psychosocial-support')?.id],
          format: 'online',
          localStart: '2031-04-11T10:00',
          durationMinutes: 60,
          timeZone: 'Asia/Almaty',
        },
      });
      expect(group.status).toBe(201);
      expect(group.body.audience).toBe('groups');
      groupSession = group.body.id;

      // Turning a session into a network event is the secretariat's too; a network event of no group stays one.
      const widen = await http.call(`/api/sessions/${groupSession}`, {
        method: 'PATCH',
        token: tokens['chair-psychosocial'],
        body: { audience: 'network' },
      });
      expect(widen.status).toBe(403);
      const narrow = await http.call<ErrorResponse>(`/api/sessions/${networkEvent}`, {
        method: 'PATCH',
        token: tokens['secretariat'],
        body: { audience: 'groups' },
      });
      expect(narrow.status).toBe(400);
      expect(fieldsOf(narrow.body)['audience']).toContain('network event');
      const bad = await http.call<ErrorResponse>(`/api/sessions/${networkEvent}`, {
        method: 'PATCH',
        token: tokens['secretariat'],
        body: { audience: 'everyone' },
      });
      expect(bad.status).toBe(400);
      expect(fieldsOf(bad.body)['audience']).toBe('audience must be one of groups, network');
    });

    it('a practitioner sees network events in their calendar and answers; group sessions stay hidden', async () => {
      const from = new Date('2031-04-01T00:00:00Z').toISOString();
      const to = new Date('2031-04-30T00:00:00Z').toISOString();
      const april = await http.call<CalendarResponse>(`/api/sessions/calendar?from=${from}&to=${to}`, {
        token: tokens['practitioner'],
      });
      expect(april.body.occurrences.map((o) => [o.sessionId, o.audience])).toEqual([[networkEvent, 'network']]);
      // The demo webinar, three weeks ahead, too.
      expect((await calendarOf('practitioner')).some((o) => o.title.startsWith('Network webinar'))).toBe(true);

      const page = await http.call<SessionView>(`/api/sessions/${networkEvent}`, { token: tokens['practitioner'] });
      expect(page.status).toBe(200);
      expect(page.body).toMatchObject({ audience: 'network', myRsvp: null, can: { edit: false } });
      const answered = await http.call<SessionView>(`/api/sessions/${networkEvent}/rsvp`, {
        token: tokens['practitioner'],
        body: { rsvp: 'accepted' },
      });
      expect(answered.status).toBe(200);
      expect(answered.body.myRsvp).toBe('accepted');
      // Who else answers is not shown to other members: only themselves.
      expect(answered.body.invitees.map((i) => i.userId)).toEqual([ids['practitioner']]);
      expect(answered.body.rsvpCounts.accepted).toBeGreaterThanOrEqual(1);
      const again = await http.call<CalendarResponse>(`/api/sessions/calendar?from=${from}&to=${to}`, {
        token: tokens['practitioner'],
      });
      expect(again.body.occurrences[0].myRsvp).toBe('accepted');
      // The organiser sees every answer.
      const staff = await http.call<SessionView>(`/api/sessions/${networkEvent}`, { token: tokens['secretariat'] });
      expect(staff.body.invitees.map((i) => i.userId)).toContain(ids['practitioner']);

      // The group session: not in the calendar, 404 on the page and for an answer.
      expect((await http.call(`/api/sessions/${groupSession}`, { token: tokens['practitioner'] })).status).toBe(404);
      expect(
        (
          await http.call(`/api/sessions/${groupSession}/rsvp`, {
            token: tokens['practitioner'],
            body: { rsvp: 'accepted' },
          })
        ).status,
      ).toBe(404);
      // Observers are not part of the network.
      expect((await http.call(`/api/sessions/${networkEvent}`, { token: tokens['observer-un'] })).status).toBe(404);
      expect(
        (await http.call(`/api/sessions/${networkEvent}/conflicts`, { token: tokens['practitioner'] })).status,
      ).toBe(403);
    });
  });

  describe('statistics', () => {
    /** Accepted members added straight to the database, so that some cells reach the minimum. */
    async function acceptedMembers(country: string, expertise: string[], count: number): Promise<void> {
      for (let i = 0; i < count; i++)
        await pg.query(
          `INSERT INTO network_applications
             (status, name, email, locale, role, organisation_type, organisation_name, country, region, languages,
              expertise, motivation, consent_version, consent_at, status_token_hash, decided_at, revet_due)
           VALUES ('accepted', $1, $2, 'ru', 'Psychologist', 'ngo', 'Centre (test)', $3, 'Region', '{ru}', $4,
                   'Working with families after their return.', $5, now(), $6, now(), current_date + 700)`,
          [
            `Member ${country} ${i}`,
            `stats.${country.toLowerCase()}.${i}.${randomBytes(3).toString('hex')}@example.org`,
            country,
            expertise,
            PRIVACY_NOTICE_VERSION,
            randomBytes(16).toString('hex'),
          ],
        );
    }

    const allCells = (s: NetworkStatistics): StatisticsCell[] => [
      s.members,
      ...s.byCountry,
      ...s.byExpertise,
      ...s.applicationsByMonth,
      ...s.acceptedByMonth,
    ];

    it('never returns a count below 5 in any cell; small cells are suppressed, big ones exact', async () => {
      await acceptedMembers('KZ', ['psychosocial_support', 'family_community'], 7);
      await acceptedMembers('UZ', ['psychosocial_support'], 6);
      const truth = async (sql: string) => Number((await pg.query(sql)).rows[0].n);
      const members = await truth(`SELECT count(*) AS n FROM network_applications WHERE status = 'accepted'`);
      const kz = await truth(
        `SELECT count(*) AS n FROM network_applications WHERE status = 'accepted' AND country = 'KZ'`,
      );

      for (const key of ['secretariat', 'admin', 'focal-point-kz', 'psychologist', 'chair-psychosocial']) {
        const r = await http.call<NetworkStatistics>('/api/network/statistics', { token: tokens[key] });
        expect([key, r.status]).toEqual([key, 200]);
        for (const cell of allCells(r.body)) {
          if (cell.suppressed) {
            expect(cell).toEqual({ key: cell.key, suppressed: true });
          } else {
            expect(typeof cell.count).toBe('number');
            expect(cell.count).toBeGreaterThanOrEqual(STATISTICS_MIN_CELL);
          }
        }
      }
      const stats = (await http.call<NetworkStatistics>('/api/network/statistics', { token: tokens['secretariat'] }))
        .body;
      expect(stats.minCell).toBe(5);
      expect(stats.members).toEqual({ key: 'members', count: members });
      expect(stats.byCountry.map((c) => c.key).sort()).toEqual(['KG', 'KZ', 'TJ', 'TM', 'UZ']);
      expect(stats.byCountry.find((c) => c.key === 'KZ')).toEqual({ key: 'KZ', count: kz });
      // KG has one demo member: suppressed, and so are the empty countries.
      expect(stats.byCountry.find((c) => c.key === 'KG')).toEqual({ key: 'KG', suppressed: true });
      expect(stats.byExpertise.find((c) => c.key === 'psychosocial_support')?.count).toBeGreaterThanOrEqual(13);
      expect(stats.applicationsByMonth).toHaveLength(12);
      expect(stats.applicationsByMonth.every((c) => /^\d{4}-\d{2}$/.test(c.key))).toBe(true);
      const thisMonth = new Date().toISOString().slice(0, 7);
      expect(stats.acceptedByMonth[11].key).toBe(thisMonth);
      expect(stats.acceptedByMonth[11].count).toBeGreaterThanOrEqual(13);

      for (const key of ['practitioner', 'observer-un'])
        expect((await http.call('/api/network/statistics', { token: tokens[key] })).status).toBe(403);
    });

    it('exports the same statistics as CSV for the secretariat, audited; others get 403', async () => {
      const r = await http.call<string>('/api/network/statistics.csv', { token: tokens['secretariat'] });
      expect(r.status).toBe(200);
      expect(r.headers.get('content-type')).toMatch(/^text\/csv/);
      expect(r.headers.get('content-disposition')).toMatch(
        /^attachment; filename="network-statistics-\d{4}-\d{2}-\d{2}\.csv"$/,
      );
      const rows = r.text
        .trim()
        .split('\r\n')
        .map((l) => l.split(','));
      expect(rows[0]).toEqual(['dimension', 'key', 'count', 'suppressed']);
      expect(rows.length).toBe(1 + 1 + 5 + PRACTICE_THEMES.length + 12 + 12);
      for (const [, , count, suppressed] of rows.slice(1)) {
        if (suppressed === 'true') expect(count).toBe('');
        else expect(Number(count)).toBeGreaterThanOrEqual(STATISTICS_MIN_CELL);
      }
      const audit = await pg.query(
        `SELECT actor_id, details FROM audit_events WHERE action = 'network.statistics_exported' ORDER BY seq`,
      );
      expect(audit.rows).toHaveLength(1);
      expect(audit.rows[0].actor_id).toBe(ids['secretariat']);
      expect(audit.rows[0].details).toMatchObject({ format: 'csv' });
      for (const key of ['focal-point-kz', 'psychologist', 'practitioner', 'observer-un'])
        expect((await http.call('/api/network/statistics.csv', { token: tokens[key] })).status).toBe(403);
      expect(
        Number(
          (await pg.query(`SELECT count(*) AS n FROM audit_events WHERE action = 'network.statistics_exported'`))
            .rows[0].n,
        ),
      ).toBe(1);
    });
  });
});
