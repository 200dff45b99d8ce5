import { API_MAIN, ApiProcess, createTestDatabase, startApi, TestDatabase } from '@kengash/api-testing';
import { LIVE_CLIENT_EVENTS, RecoveryCodesResponse, TotpEnrolmentResponse } from '@kengash/contracts';
import { spawnSync } from 'node:child_process';
import { io } from 'socket.io-client';
import { client, DEMO_PASSWORD, demo, totpCode } from './support/http';
import { ask, connectLive } from './support/live';

/**
 * The authorization matrix: every REST route and every Socket.IO event the API registers (listed by the API
 * itself with `main.js access:list`) is checked for every persona against the table below, which is written
 * independently of the code. A route or event missing from the table — or in the table but gone — fails.
 */
const PERSONAS = [
  'anonymous',
  'practitioner',
  'observer',
  'memberA',
  'chairA',
  'memberB',
  'focalPoint',
  'secretariat',
  'admin',
] as const;
type Persona = (typeof PERSONAS)[number];

/** Demo accounts: group A is Psychosocial Support, group B is Accountability and Justice. */
const ACCOUNTS: Record<Exclude<Persona, 'anonymous'>, string> = {
  practitioner: demo('practitioner'),
  observer: demo('observer-un'),
  memberA: demo('psychologist'),
  chairA: demo('chair-psychosocial'),
  memberB: demo('prosecutor'),
  focalPoint: demo('focal-point-kz'),
  secretariat: demo('secretariat'),
  admin: demo('admin'),
};

const ALL: Persona[] = [...PERSONAS];
const SIGNED_IN: Persona[] = PERSONAS.filter((p) => p !== 'anonymous');
const STAFF: Persona[] = ['secretariat', 'admin'];
const ADMIN: Persona[] = ['admin'];
/** The network directory's viewers: every signed-in persona but the observer. */
const DIRECTORY: Persona[] = SIGNED_IN.filter((p) => p !== 'observer');

interface Probe {
  /** Who may do it. */
  allow: Persona[];
  /** The request: a body that fails validation where there is one, so an allowed call changes nothing. */
  body?: unknown;
  params?: Record<string, string>;
  query?: string;
  /** Run after every other probe of the persona (it ends the session). */
  last?: boolean;
}

const ZERO_UUID = '00000000-0000-4000-8000-000000000000';

const ROUTES: Record<string, Probe> = {
  'GET /api/health/live': { allow: ALL },
  'GET /api/dev/mailbox': { allow: STAFF },
  'POST /api/sessions': { allow: SIGNED_IN, body: {} },
  'GET /api/sessions/:id/minutes-draft': { allow: SIGNED_IN, params: { id: ZERO_UUID } },
  'GET /api/live/meetings': { allow: SIGNED_IN },
  'GET /api/sessions/:id/minutes': { allow: SIGNED_IN, params: { id: ZERO_UUID } },
  'GET /api/sessions/:id/minutes-for-approval': { allow: SIGNED_IN, params: { id: ZERO_UUID } },
  'POST /api/sessions/:id/minutes': { allow: SIGNED_IN, params: { id: ZERO_UUID }, body: { face: 'x' } },
  'GET /api/minutes/:id': { allow: SIGNED_IN, params: { id: ZERO_UUID } },
  'GET /api/actions': { allow: SIGNED_IN, query: 'status=weird' },
  'POST /api/actions': { allow: SIGNED_IN, body: {} },
  'GET /api/actions/:id': { allow: SIGNED_IN, params: { id: ZERO_UUID } },
  'PATCH /api/actions/:id': { allow: SIGNED_IN, params: { id: ZERO_UUID }, body: {} },
  'GET /api/sessions/:id/open-actions': { allow: SIGNED_IN, params: { id: ZERO_UUID } },
  'GET /api/decisions': { allow: SIGNED_IN, query: 'status=weird' },
  'GET /api/practices': { allow: ALL, query: 'theme=weird' },
  'GET /api/practices/review-queue': { allow: SIGNED_IN },
  'GET /api/practices/reviewer-candidates': { allow: ['chairA', 'secretariat'] },
  // Council members who write (not practitioners, observers or administrators); per-entry rights in practices.spec.
  'POST /api/practices': { allow: ['memberA', 'chairA', 'memberB', 'focalPoint', 'secretariat'], body: {} },
  'GET /api/practices/:id': { allow: ALL, params: { id: ZERO_UUID } },
  'PUT /api/practices/:id': { allow: SIGNED_IN, params: { id: ZERO_UUID }, body: {} },
  'POST /api/practices/:id/submit': { allow: SIGNED_IN, params: { id: ZERO_UUID } },
  'PUT /api/practices/:id/reviewers': { allow: SIGNED_IN, params: { id: ZERO_UUID }, body: {} },
  'POST /api/practices/:id/publish': { allow: SIGNED_IN, params: { id: ZERO_UUID }, body: {} },
  'POST /api/practices/:id/return': { allow: SIGNED_IN, params: { id: ZERO_UUID }, body: {} },
  'POST /api/practices/:id/archive': { allow: SIGNED_IN, params: { id: ZERO_UUID } },
  'GET /api/practices/:id/comments': { allow: ALL, params: { id: ZERO_UUID } },
  'POST /api/practices/:id/comments': { allow: SIGNED_IN, params: { id: ZERO_UUID }, body: {} },
  'PUT /api/practices/:id/endorsement': { allow: SIGNED_IN, params: { id: ZERO_UUID } },
  'DELETE /api/practices/:id/endorsement': { allow: SIGNED_IN, params: { id: ZERO_UUID } },
  'POST /api/practices/:id/attachments': { allow: SIGNED_IN, params: { id: ZERO_UUID } },
  'GET /api/practices/:id/attachments/:attachmentId': {
    allow: ALL,
    params: { id: ZERO_UUID, attachmentId: ZERO_UUID },
  },
  'DELETE /api/practices/:id/attachments/:attachmentId': {
    allow: SIGNED_IN,
    params: { id: ZERO_UUID, attachmentId: ZERO_UUID },
  },
  // The practitioners' network: the form is public; vetting is for the focal point (their country) and the secretariat.
  'GET /api/network/application-form': { allow: ALL },
  'POST /api/network/applications': { allow: ALL, body: {} },
  'GET /api/network/applications/status': { allow: ALL, query: 'token=x' },
  'GET /api/network/applications': { allow: ['focalPoint', 'secretariat'], query: 'status=weird' },
  'GET /api/network/applications/:id': { allow: ['focalPoint', 'secretariat'], params: { id: ZERO_UUID } },
  'POST /api/network/applications/:id/endorse': { allow: ['focalPoint'], params: { id: ZERO_UUID }, body: {} },
  'POST /api/network/applications/:id/decision': { allow: ['secretariat'], params: { id: ZERO_UUID }, body: {} },
  'POST /api/network/applications/:id/suspend': { allow: ['secretariat'], params: { id: ZERO_UUID }, body: {} },
  'POST /api/network/applications/:id/leave': { allow: ['secretariat'], params: { id: ZERO_UUID }, body: {} },
  'PUT /api/network/applications/:id/revet-due': { allow: ['secretariat'], params: { id: ZERO_UUID }, body: {} },
  // Profiles: own-profile routes answer 404 to people without a network membership (allowed by the policy);
  // the directory is for the network, the council and the secretariat — observers are refused (403).
  'GET /api/network/profile': { allow: SIGNED_IN },
  'PUT /api/network/profile': { allow: SIGNED_IN, body: {} },
  'GET /api/network/profile/contact-views': { allow: SIGNED_IN },
  'GET /api/network/profile/export': { allow: SIGNED_IN },
  'POST /api/network/profile/erase': { allow: SIGNED_IN, body: {} },
  'GET /api/network/directory': { allow: DIRECTORY, query: 'country=XX' },
  'POST /api/network/directory/:userId/contact': { allow: DIRECTORY, params: { userId: ZERO_UUID } },
  // Network life: the secretariat (and admins) announce; the network and the council read; observers are not in it.
  'POST /api/network/announcements': { allow: STAFF, body: {} },
  'GET /api/network/announcements': { allow: ['practitioner', 'memberA', 'chairA', 'memberB', 'focalPoint', ...STAFF] },
  // Statistics for the people who run the network and the council; the CSV (audited) for the secretariat and admins.
  'GET /api/network/statistics': { allow: ['memberA', 'chairA', 'memberB', 'focalPoint', ...STAFF] },
  'GET /api/network/statistics.csv': { allow: STAFF },
  'PUT /api/minutes/:id': { allow: SIGNED_IN, params: { id: ZERO_UUID }, body: {} },
  'PUT /api/minutes/:id/visibility': { allow: SIGNED_IN, params: { id: ZERO_UUID }, body: { visibility: 'x' } },
  'GET /api/public/minutes/:id': { allow: ALL, params: { id: ZERO_UUID } },
  'GET /api/minutes/:id/versions/:number': { allow: SIGNED_IN, params: { id: ZERO_UUID, number: '1' } },
  'GET /api/minutes/:id/export': { allow: SIGNED_IN, params: { id: ZERO_UUID }, query: 'format=x' },
  'GET /api/minutes/:id/diff': { allow: SIGNED_IN, params: { id: ZERO_UUID }, query: 'from=x' },
  'POST /api/minutes/:id/circulate': { allow: SIGNED_IN, params: { id: ZERO_UUID } },
  'POST /api/minutes/:id/approve': { allow: SIGNED_IN, params: { id: ZERO_UUID } },
  'POST /api/minutes/:id/corrections': { allow: SIGNED_IN, params: { id: ZERO_UUID } },
  'GET /api/minutes/:id/amendments': { allow: SIGNED_IN, params: { id: ZERO_UUID } },
  'POST /api/minutes/:id/amendments': { allow: SIGNED_IN, params: { id: ZERO_UUID }, body: {} },
  'POST /api/minutes/:id/amendments/:amendmentId/decision': {
    allow: SIGNED_IN,
    params: { id: ZERO_UUID, amendmentId: ZERO_UUID },
    body: {},
  },
  'GET /api/minutes/:id/comments': { allow: SIGNED_IN, params: { id: ZERO_UUID } },
  'POST /api/minutes/:id/comments': { allow: SIGNED_IN, params: { id: ZERO_UUID }, body: {} },
  'GET /api/sessions/calendar': { allow: SIGNED_IN, query: 'from=x' },
  'POST /api/sessions/slots': { allow: SIGNED_IN, body: {} },
  'GET /api/sessions/:id': { allow: SIGNED_IN, params: { id: ZERO_UUID } },
  'GET /api/sessions/:id/occurrences': {
    allow: SIGNED_IN,
    params: { id: ZERO_UUID },
    query: 'from=2031-01-01T00:00:00Z&to=2031-02-01T00:00:00Z',
  },
  'PATCH /api/sessions/:id': { allow: SIGNED_IN, params: { id: ZERO_UUID }, body: { timeZone: 'Asia/Astana' } },
  'POST /api/sessions/:id/cancel': { allow: SIGNED_IN, params: { id: ZERO_UUID } },
  'POST /api/sessions/:id/occurrences/cancel': { allow: SIGNED_IN, params: { id: ZERO_UUID }, body: {} },
  'POST /api/sessions/:id/occurrences/move': { allow: SIGNED_IN, params: { id: ZERO_UUID }, body: {} },
  'POST /api/sessions/:id/rsvp': { allow: SIGNED_IN, params: { id: ZERO_UUID }, body: {} },
  'GET /api/sessions/:id/conflicts': { allow: SIGNED_IN, params: { id: ZERO_UUID } },
  'GET /api/sessions/:id/ics': { allow: SIGNED_IN, params: { id: ZERO_UUID } },
  'POST /api/rsvp/:token': { allow: ALL, params: { token: 'x'.repeat(43) }, body: { rsvp: 'accepted' } },
  'GET /api/me/calendar-feed': { allow: SIGNED_IN },
  'POST /api/me/calendar-feed': { allow: SIGNED_IN },
  'DELETE /api/me/calendar-feed': { allow: SIGNED_IN },
  'GET /api/calendar/feeds/:token': { allow: ALL, params: { token: 'x'.repeat(43) } },
  'GET /api/health/ready': { allow: ALL },
  'GET /api/council': { allow: ALL },
  'PATCH /api/council': { allow: STAFF, body: { defaultTimeZone: 'Mars/Base' } },
  'GET /api/council/dashboard': { allow: SIGNED_IN },
  'GET /api/council/groups': { allow: ALL },
  'POST /api/council/groups': { allow: STAFF, body: {} },
  'GET /api/council/groups/by-slug/:slug': { allow: ALL, params: { slug: 'psychosocial-support' } },
  'PATCH /api/council/groups/:groupId': { allow: STAFF, params: { groupId: ZERO_UUID }, body: { theme: 'x' } },
  'POST /api/council/groups/:groupId/archive': { allow: STAFF, params: { groupId: ZERO_UUID } },
  'GET /api/council/groups/:groupId/members': { allow: SIGNED_IN, params: { groupId: ZERO_UUID } },
  'POST /api/council/groups/:groupId/members': { allow: STAFF, params: { groupId: ZERO_UUID }, body: {} },
  'PATCH /api/council/groups/:groupId/members/:membershipId': {
    allow: STAFF,
    params: { groupId: ZERO_UUID, membershipId: ZERO_UUID },
    body: { role: 'x' },
  },
  'DELETE /api/council/groups/:groupId/members/:userId': {
    allow: STAFF,
    params: { groupId: ZERO_UUID, userId: ZERO_UUID },
  },
  'POST /api/council/groups/:groupId/members/import': { allow: STAFF, params: { groupId: ZERO_UUID }, body: {} },
  'GET /api/council/groups/:groupId/work-plans': { allow: SIGNED_IN, params: { groupId: ZERO_UUID } },
  'POST /api/council/groups/:groupId/work-plans': { allow: SIGNED_IN, params: { groupId: ZERO_UUID }, body: {} },
  'POST /api/council/work-plans/:planId/items': { allow: SIGNED_IN, params: { planId: ZERO_UUID }, body: {} },
  'PATCH /api/council/work-plan-items/:itemId': { allow: SIGNED_IN, params: { itemId: ZERO_UUID }, body: {} },
  'DELETE /api/council/work-plan-items/:itemId': { allow: SIGNED_IN, params: { itemId: ZERO_UUID } },
  'GET /api/council/work-plan-items/:itemId/comments': { allow: SIGNED_IN, params: { itemId: ZERO_UUID } },
  'POST /api/council/work-plan-items/:itemId/comments': { allow: SIGNED_IN, params: { itemId: ZERO_UUID }, body: {} },
  'POST /api/time/world-clock': { allow: ALL, body: { instant: 'not a date' } },
  'POST /api/auth/sign-in': { allow: ALL, body: {} },
  'POST /api/auth/sign-in/totp': { allow: ALL, body: { challengeToken: 'x', code: '1' } },
  'POST /api/auth/refresh': { allow: ALL },
  'POST /api/auth/sign-out': { allow: SIGNED_IN, last: true },
  'POST /api/auth/password-reset/request': { allow: ALL, body: { email: 'not an address' } },
  'POST /api/auth/password-reset/confirm': { allow: ALL, body: {} },
  'GET /api/auth/invitations/:token': { allow: ALL, params: { token: 'x'.repeat(43) } },
  'POST /api/auth/invitations/accept': { allow: ALL, body: {} },
  'POST /api/auth/email/verify': { allow: ALL, body: {} },
  'GET /api/auth/sso': { allow: ALL },
  'GET /api/auth/sso/start': { allow: ALL },
  'GET /api/auth/sso/callback': { allow: ALL },
  'GET /api/me': { allow: SIGNED_IN },
  'PATCH /api/me': { allow: SIGNED_IN, body: { locale: 'xx' } },
  'POST /api/me/password': { allow: SIGNED_IN, body: {} },
  'POST /api/me/email/verification': { allow: SIGNED_IN },
  'POST /api/me/totp/enrol': { allow: SIGNED_IN },
  'POST /api/me/totp/confirm': { allow: SIGNED_IN, body: { code: 'x' } },
  'DELETE /api/me/totp': { allow: SIGNED_IN, body: { code: 'x' } },
  'GET /api/notifications': { allow: SIGNED_IN },
  'POST /api/notifications/:id/read': { allow: SIGNED_IN, params: { id: ZERO_UUID } },
  'POST /api/notifications/read-all': { allow: SIGNED_IN },
  'GET /api/me/notification-preferences': { allow: SIGNED_IN },
  'PUT /api/me/notification-preferences': { allow: SIGNED_IN, body: {} },
  'GET /api/admin/users': { allow: STAFF },
  'POST /api/admin/users/invitations': { allow: STAFF, body: {} },
  'PATCH /api/admin/users/:id': { allow: STAFF, params: { id: ZERO_UUID }, body: { status: 'weird' } },
  'GET /api/admin/audit': { allow: ADMIN, query: 'limit=0' },
  'POST /api/admin/break-glass': { allow: ADMIN, body: {} },
};

/**
 * Socket events: the connection itself needs a signed-in person; each event then runs the policy, and the
 * meeting rules decide per meeting (the object-level test below). An empty payload fails validation (400),
 * which counts as allowed: the policy let it through.
 */
const EVENTS: Record<string, { allow: Persona[] }> = Object.fromEntries(
  LIVE_CLIENT_EVENTS.map((event) => [`/live ${event}`, { allow: SIGNED_IN }]),
);

interface Inventory {
  routes: { method: string; path: string; action: string | null }[];
  events: { namespace: string; event: string; action: string | null }[];
}

describe('authorization matrix', () => {
  let db: TestDatabase;
  let api: ApiProcess;
  let inventory: Inventory;
  const tokens = new Map<Persona, string>();
  const totpSecrets = new Map<Persona, string>();
  /** The upcoming demo session of all groups (found by the object-level test). */
  let sessionA = '';
  /** Tokens signed in again after the sign-out probe (set by the socket test). */
  const liveTokens = new Map<Persona, string>();

  beforeAll(async () => {
    db = await createTestDatabase('matrix');
    api = await startApi({ DATABASE_URL: db.url, DEMO_DATA: 'true', TRUST_PROXY: 'true' });
    const listed = spawnSync(process.execPath, [API_MAIN, 'access:list'], {
      env: { PATH: process.env['PATH'] ?? '', DATABASE_URL: db.url, LOG_LEVEL: 'silent', DEMO_DATA: 'false' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    inventory = JSON.parse(listed.stdout.trim().split('\n').pop() ?? '{}') as Inventory;

    const http = client(api.baseUrl);
    for (const persona of SIGNED_IN) {
      const session = await http.session(ACCOUNTS[persona as Exclude<Persona, 'anonymous'>], DEMO_PASSWORD);
      if (session.user.totpEnrolmentRequired) {
        // Staff roles need 2FA before their routes open: enrol as the person would.
        const enrol = await http.call<TotpEnrolmentResponse>('/api/me/totp/enrol', {
          method: 'POST',
          token: session.accessToken,
        });
        const confirmed = await http.call<RecoveryCodesResponse>('/api/me/totp/confirm', {
          body: { code: totpCode(enrol.body.secret, Date.now() - 30_000) },
          token: session.accessToken,
        });
        expect(confirmed.status).toBe(201);
        totpSecrets.set(persona, enrol.body.secret);
      }
      tokens.set(persona, session.accessToken);
    }
  });

  afterAll(async () => {
    await api?.stop();
    await db?.drop();
  });

  it('has an entry for every registered route and event, and no stale ones', () => {
    const routes = inventory.routes.map((r) => `${r.method} ${r.path}`).sort();
    const events = inventory.events.map((e) => `${e.namespace} ${e.event}`).sort();
    expect(routes).toEqual(Object.keys(ROUTES).sort());
    expect(events).toEqual(Object.keys(EVENTS).sort());
    expect(inventory.routes.filter((r) => !r.action)).toEqual([]); // every route declares its action
    expect(inventory.events.filter((e) => !e.action)).toEqual([]);
  });

  it('allows and denies every route for every persona as the table says', async () => {
    const http = client(api.baseUrl);
    const failures: string[] = [];
    let checks = 0;
    const ordered = Object.entries(ROUTES).sort(([, a], [, b]) => Number(!!a.last) - Number(!!b.last));
    for (const persona of PERSONAS) {
      for (const [key, probe] of ordered) {
        const [method, template] = key.split(' ');
        const path =
          template.replace(/:(\w+)/g, (_m, name: string) => probe.params?.[name] ?? name) +
          (probe.query ? `?${probe.query}` : '');
        const reply = await http.call(path, { method, body: probe.body, token: tokens.get(persona) });
        checks++;
        const denied = reply.status === 401 || reply.status === 403;
        const shouldAllow = probe.allow.includes(persona);
        // Refresh without a cookie answers 401 to everyone; it is public, so a 401 there is the route working.
        const refreshWithoutCookie = key === 'POST /api/auth/refresh';
        if (shouldAllow && denied && !refreshWithoutCookie)
          failures.push(`${persona} ${key}: expected allowed, got ${reply.status} ${reply.text}`);
        if (!shouldAllow && !denied) failures.push(`${persona} ${key}: expected denied, got ${reply.status}`);
        if (reply.status >= 500) failures.push(`${persona} ${key}: server error ${reply.status}`);
      }
    }
    console.log(
      `authorization matrix: ${Object.keys(ROUTES).length} routes × ${PERSONAS.length} personas = ${checks} REST checks`,
    );
    expect(failures).toEqual([]);
  });

  /**
   * Object-level rules on real objects of group A (Psychosocial Support, council-internal): who may read its
   * plan and members, edit an item (a stale version: editors get 409, others 403 or 404), comment, start a plan.
   * Denial is 401 (anonymous), 403 (visible but not allowed) or 404 (not visible).
   */
  it('applies the group rules to group A’s objects for every persona', async () => {
    const http = client(api.baseUrl);
    const staff = await http.session(ACCOUNTS.practitioner, DEMO_PASSWORD); // any token to read the public list
    const groups = await http.call<{ groups: { id: string; slug: string }[] }>('/api/council/groups', {
      token: staff.accessToken,
    });
    const groupA = groups.body.groups.find((g) => g.slug === 'psychosocial-support')?.id ?? '';
    const chairToken = (await http.session(ACCOUNTS.chairA, DEMO_PASSWORD)).accessToken;
    const plans = await http.call<{ plans: { groupId: string; items: { id: string }[] }[] }>(
      `/api/council/groups/${groupA}/work-plans`,
      { token: chairToken },
    );
    const itemA = plans.body.plans.find((p) => p.groupId === groupA)?.items[0]?.id ?? '';
    expect(itemA).not.toBe('');

    // The upcoming demo session (all four groups): its invitees are the groups' current members and observers.
    const calendar = await http.call<{ occurrences: { sessionId: string; title: string }[] }>(
      `/api/sessions/calendar?from=${new Date().toISOString()}&to=${new Date(Date.now() + 60 * 86_400_000).toISOString()}`,
      { token: chairToken },
    );
    sessionA = calendar.body.occurrences.find((o) => o.title.includes('progress on the work plans'))?.sessionId ?? '';
    expect(sessionA).not.toBe('');
    // The demo network event (the secretariat's webinar, no group): open to the whole network, not to observers.
    const networkEvent = calendar.body.occurrences.find((o) => o.title.startsWith('Network webinar'))?.sessionId ?? '';
    expect(networkEvent).not.toBe('');
    const NETWORK: Persona[] = ['practitioner', 'memberA', 'chairA', 'memberB', 'focalPoint', 'secretariat', 'admin'];

    const READERS: Persona[] = ['observer', 'memberA', 'chairA', 'memberB', 'focalPoint', 'secretariat'];
    const INVITED: Persona[] = ['observer', 'memberA', 'chairA', 'memberB'];
    const EDITORS: Persona[] = ['chairA', 'secretariat'];
    const CONTRIBUTORS: Persona[] = ['memberA', 'chairA', 'secretariat'];
    const probes: {
      key: string;
      method: string;
      path: string;
      body?: unknown;
      allow: Persona[];
      allowedStatus: number[];
    }[] = [
      {
        key: 'read plan',
        method: 'GET',
        path: `/api/council/groups/${groupA}/work-plans`,
        allow: READERS,
        allowedStatus: [200],
      },
      {
        key: 'read members',
        method: 'GET',
        path: `/api/council/groups/${groupA}/members?history=true`,
        allow: READERS,
        allowedStatus: [200],
      },
      {
        key: 'read comments',
        method: 'GET',
        path: `/api/council/work-plan-items/${itemA}/comments`,
        allow: READERS,
        allowedStatus: [200],
      },
      {
        key: 'edit item',
        method: 'PATCH',
        path: `/api/council/work-plan-items/${itemA}`,
        body: { version: 999, progress: 1 },
        allow: EDITORS,
        allowedStatus: [409],
      },
      {
        key: 'comment',
        method: 'POST',
        path: `/api/council/work-plan-items/${itemA}/comments`,
        body: { body: 'Matrix check' },
        allow: CONTRIBUTORS,
        allowedStatus: [201],
      },
      { key: 'read session', method: 'GET', path: `/api/sessions/${sessionA}`, allow: READERS, allowedStatus: [200] },
      {
        key: 'edit session',
        method: 'PATCH',
        path: `/api/sessions/${sessionA}`,
        body: {},
        allow: EDITORS,
        allowedStatus: [200],
      },
      {
        key: 'rsvp',
        method: 'POST',
        path: `/api/sessions/${sessionA}/rsvp`,
        body: { rsvp: 'tentative' },
        allow: INVITED,
        allowedStatus: [200],
      },
      {
        key: 'read network event',
        method: 'GET',
        path: `/api/sessions/${networkEvent}`,
        allow: NETWORK,
        allowedStatus: [200],
      },
      {
        key: 'rsvp to network event',
        method: 'POST',
        path: `/api/sessions/${networkEvent}/rsvp`,
        body: { rsvp: 'tentative' },
        allow: NETWORK,
        allowedStatus: [200],
      },
      {
        key: 'edit network event',
        method: 'PATCH',
        path: `/api/sessions/${networkEvent}`,
        body: {},
        allow: ['secretariat'],
        allowedStatus: [200],
      },
      {
        key: 'start plan',
        method: 'POST',
        path: `/api/council/groups/${groupA}/work-plans`,
        body: { title: 'Matrix plan', periodStart: '2026-01-01', periodEnd: '2026-12-31' },
        allow: EDITORS,
        allowedStatus: [201],
      },
    ];
    const failures: string[] = [];
    let checks = 0;
    for (const persona of PERSONAS) {
      const token = persona === 'anonymous' ? undefined : (await http.signIn(ACCOUNTS[persona], DEMO_PASSWORD)).body;
      const access =
        token === undefined
          ? undefined
          : token.status === 'signed_in'
            ? token.accessToken
            : (
                await http.call<{ accessToken: string }>('/api/auth/sign-in/totp', {
                  body: { challengeToken: token.challengeToken, code: totpCode(totpSecrets.get(persona) ?? '') },
                })
              ).body.accessToken;
      for (const probe of probes) {
        const reply = await http.call(probe.path, { method: probe.method, body: probe.body, token: access });
        checks++;
        const allowed = probe.allow.includes(persona);
        if (allowed && !probe.allowedStatus.includes(reply.status))
          failures.push(
            `${persona} ${probe.key}: expected ${probe.allowedStatus}, got ${reply.status} ${reply.text.slice(0, 120)}`,
          );
        if (!allowed && ![401, 403, 404].includes(reply.status))
          failures.push(`${persona} ${probe.key}: expected denial, got ${reply.status}`);
        if (!allowed && persona === 'anonymous' && reply.status !== 401)
          failures.push(`anonymous ${probe.key}: expected 401, got ${reply.status}`);
      }
    }
    console.log(`authorization matrix: ${probes.length} object rules × ${PERSONAS.length} personas = ${checks} checks`);
    expect(failures).toEqual([]);
  });

  it('allows and denies every socket event for every persona as the table says', async () => {
    // The sign-out probe ended the sessions: sign in again (staff with their second factor).
    const http = client(api.baseUrl);
    const failures: string[] = [];
    let checks = 0;
    const fresh = new Map<Persona, string>();
    for (const persona of SIGNED_IN) {
      const reply = await http.signIn(ACCOUNTS[persona as Exclude<Persona, 'anonymous'>], DEMO_PASSWORD);
      if (reply.body.status === 'signed_in') fresh.set(persona, reply.body.accessToken);
      else {
        const secret = totpSecrets.get(persona) ?? '';
        const done = await http.call<{ accessToken: string }>('/api/auth/sign-in/totp', {
          body: { challengeToken: reply.body.challengeToken, code: totpCode(secret, Date.now() + 30_000) }, // the current step was used by the object-level test
        });
        expect(done.status).toBe(200);
        fresh.set(persona, done.body.accessToken);
      }
    }
    for (const persona of PERSONAS) {
      for (const [key, probe] of Object.entries(EVENTS)) {
        const token = fresh.get(persona);
        const [namespace, event] = key.split(' ');
        const outcome = await new Promise<'allowed' | 'denied'>((res) => {
          const socket = io(`${api.baseUrl}${namespace}`, {
            transports: ['websocket'],
            reconnection: false,
            auth: token ? { token } : {},
          });
          socket.once('connect_error', () => {
            socket.close();
            res('denied');
          });
          socket.once('connect', () => {
            socket
              .timeout(5000)
              .emit(event, {}, (err: Error | null, ack: { ok: boolean; error?: { statusCode: number } }) => {
                socket.close();
                const refused = !!err || (!ack.ok && [401, 403].includes(ack.error?.statusCode ?? 0));
                res(refused ? 'denied' : 'allowed');
              });
          });
        });
        checks++;
        const expected = probe.allow.includes(persona) ? 'allowed' : 'denied';
        if (outcome !== expected) failures.push(`${persona} ${key}: expected ${expected}, got ${outcome}`);
      }
    }
    for (const [persona, token] of fresh) liveTokens.set(persona, token);
    console.log(`authorization matrix: ${Object.keys(EVENTS).length} socket events, ${checks} checks`);
    expect(checks).toBe(Object.keys(EVENTS).length * PERSONAS.length);
    expect(failures).toEqual([]);
  });

  /**
   * The meeting rules on the upcoming demo session (all groups): members of its groups and the secretariat
   * come in, observers only watch, voting members vote, chairs run it; everyone else is refused (404).
   * Probes change nothing: the meeting has not started, so allowed actions answer 409 and a made-up poll 404.
   */
  it('applies the meeting rules to the upcoming session for every persona', async () => {
    expect(sessionA).not.toBe('');
    const ADMITTED: Persona[] = ['observer', 'memberA', 'chairA', 'memberB', 'secretariat'];
    const ACTORS: Persona[] = ['memberA', 'chairA', 'memberB', 'secretariat'];
    const VOTERS: Persona[] = ['memberA', 'chairA', 'memberB'];
    const CHAIRS: Persona[] = ['secretariat']; // the organiser's staff; group chairs chair their own groups' sessions
    const probes: {
      key: string;
      allow: Persona[];
      allowed: string;
      run: (s: Awaited<ReturnType<typeof connectLive>>) => Promise<{ ok: boolean; error?: { code: string } }>;
    }[] = [
      {
        key: 'raise hand',
        allow: ACTORS,
        allowed: 'CONFLICT',
        run: (s) => ask(s, 'hand:raise', { sessionId: sessionA }),
      },
      {
        key: 'vote',
        allow: VOTERS,
        allowed: 'NOT_FOUND',
        run: (s) => ask(s, 'poll:vote', { sessionId: sessionA, pollId: ZERO_UUID, choice: 'yes' }),
      },
      {
        key: 'advance agenda',
        allow: [...CHAIRS, 'chairA'],
        allowed: 'CONFLICT',
        run: (s) => ask(s, 'agenda:advance', { sessionId: sessionA }),
      },
      {
        key: 'chat (empty)',
        allow: ACTORS,
        allowed: 'VALIDATION_FAILED',
        run: (s) => ask(s, 'chat:send', { sessionId: sessionA, clientId: 'matrix', body: '' }),
      },
    ];
    const failures: string[] = [];
    let checks = 0;
    for (const persona of PERSONAS.filter((p) => p !== 'anonymous')) {
      const socket = await connectLive(api.baseUrl, liveTokens.get(persona));
      const joined = await ask(socket, 'meeting:join', { sessionId: sessionA });
      checks++;
      const admitted = ADMITTED.includes(persona);
      if (admitted !== joined.ok)
        failures.push(
          `${persona} join: expected ${admitted ? 'ok' : 'refusal'}, got ${JSON.stringify(joined).slice(0, 120)}`,
        );
      if (!joined.ok && joined.error.code !== 'NOT_FOUND')
        failures.push(`${persona} join: expected NOT_FOUND, got ${joined.error.code}`);
      if (joined.ok && joined.data.can.readOnly !== (persona === 'observer'))
        failures.push(`${persona} join: readOnly wrong`);
      for (const probe of probes) {
        if (!joined.ok) continue;
        const reply = await probe.run(socket);
        checks++;
        const code = reply.ok ? 'OK' : (reply.error?.code ?? '?');
        const expected = probe.allow.includes(persona) ? probe.allowed : 'FORBIDDEN';
        if (code !== expected) failures.push(`${persona} ${probe.key}: expected ${expected}, got ${code}`);
      }
      socket.close();
    }
    console.log(`authorization matrix: meeting rules, ${checks} checks`);
    expect(failures).toEqual([]);
  });
});
