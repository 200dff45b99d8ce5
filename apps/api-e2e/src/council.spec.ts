import { ApiProcess, createTestDatabase, startApi, TestDatabase } from '@kengash/api-testing';
import {
  AdminUserListResponse,
  CouncilSettings,
  DashboardResponse,
  ErrorResponse,
  GroupMember,
  GroupMembersResponse,
  MemberImportResult,
  WorkingGroupDetail,
  WorkingGroupListResponse,
  WorkPlan,
  WorkPlanComment,
  WorkPlanItem,
  WorkPlanListResponse,
} from '@kengash/contracts';
import { client, demo, signedIn } from './support/http';

describe('council, working groups and work plans (real API, real PostgreSQL)', () => {
  let db: TestDatabase;
  let api: ApiProcess;
  let http: ReturnType<typeof client>;
  const tokens: Record<string, string> = {};
  let groups: WorkingGroupListResponse['groups'];
  const bySlug = (slug: string) => groups.find((g) => g.slug === slug)?.id ?? '';

  beforeAll(async () => {
    db = await createTestDatabase('council');
    api = await startApi({ DATABASE_URL: db.url, DEMO_DATA: 'true', TRUST_PROXY: 'true' });
    http = client(api.baseUrl);
    for (const key of [
      'secretariat',
      'admin',
      'chair-psychosocial',
      'psychologist',
      'prosecutor',
      'observer-geneva',
      'chair-accountability',
      'chair-civil-society',
      'practitioner',
    ]) {
      tokens[key] = await signedIn(http, demo(key));
    }
    groups = (await http.call<WorkingGroupListResponse>('/api/council/groups')).body.groups;
  });

  afterAll(async () => {
    await api?.stop();
    await db?.drop();
  });

  it('reads and changes council settings (secretariat only), with the chairmanship', async () => {
    const settings = await http.call<CouncilSettings>('/api/council');
    expect(settings.body).toMatchObject({
      defaultTimeZone: 'Asia/Tashkent',
      memberCountries: ['KZ', 'KG', 'TJ', 'TM', 'UZ'],
    });
    expect(settings.body.chairmanships).toEqual([
      { country: 'KZ', periodStart: '2025-01-01', periodEnd: '2025-12-31' },
    ]);

    const overlapping = await http.call<ErrorResponse>('/api/council', {
      method: 'PATCH',
      token: tokens['secretariat'],
      body: {
        chairmanships: [
          { country: 'KZ', periodStart: '2025-01-01', periodEnd: '2025-12-31' },
          { country: 'KG', periodStart: '2025-06-01', periodEnd: '2026-12-31' },
        ],
      },
    });
    expect(overlapping.status).toBe(400);
    const today = new Date().toISOString().slice(0, 10);
    const year = today.slice(0, 4);
    const ok = await http.call<CouncilSettings>('/api/council', {
      method: 'PATCH',
      token: tokens['secretariat'],
      body: {
        chairmanships: [
          { country: 'KZ', periodStart: '2025-01-01', periodEnd: '2025-12-31' },
          { country: 'KG', periodStart: `${year}-01-01`, periodEnd: `${year}-12-31` },
        ],
      },
    });
    expect(ok.status).toBe(200);
    expect(ok.body.currentChair).toEqual({ country: 'KG', periodStart: `${year}-01-01`, periodEnd: `${year}-12-31` });
    expect(
      (
        await http.call('/api/council', {
          method: 'PATCH',
          token: tokens['chair-psychosocial'],
          body: { defaultTimeZone: 'Asia/Bishkek' },
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await http.call<ErrorResponse>('/api/council', {
          method: 'PATCH',
          token: tokens['secretariat'],
          body: { defaultTimeZone: 'Asia/Astana' },
        })
      ).status,
    ).toBe(400);
  });

  it('creates, lists, updates and archives a restricted group; outsiders get 404', async () => {
    const bad = await http.call<ErrorResponse>('/api/council/groups', {
      token: tokens['secretariat'],
      body: { slug: 'Bad Slug', name: {}, theme: 'nope' },
    });
    expect(bad.status).toBe(400);
    expect((bad.body.details as { field: string }[]).map((d) => d.field)).toEqual(
      expect.arrayContaining(['slug', 'name.en', 'theme']),
    );

    const created = await http.call<WorkingGroupDetail>('/api/council/groups', {
      token: tokens['secretariat'],
      body: {
        slug: 'legal-frameworks',
        name: { en: 'Legal Frameworks Task Force', ru: 'Рабочая группа по правовой базе' },
        mandate: { en: 'A restricted task force (demo test).' },
        theme: 'accountability',
        periodStart: '2026-01-01',
        periodEnd: '2026-12-31',
        visibility: 'restricted',
      },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ visibility: 'restricted', can: { manageGroup: true, editPlan: true } });
    const id = created.body.id;
    const duplicate = await http.call<ErrorResponse>('/api/council/groups', {
      token: tokens['secretariat'],
      body: {
        slug: 'legal-frameworks',
        name: { en: 'Another' },
        mandate: { en: 'x' },
        theme: 'accountability',
        periodStart: '2026-01-01',
        periodEnd: '2026-12-31',
        visibility: 'council',
      },
    });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.details).toEqual([{ field: 'slug', messages: ['is already used'] }]);

    // Anonymous and non-members do not see it; the secretariat does.
    expect(
      (await http.call<WorkingGroupListResponse>('/api/council/groups')).body.groups.map((g) => g.slug),
    ).not.toContain('legal-frameworks');
    expect(
      (await http.call('/api/council/groups/by-slug/legal-frameworks', { token: tokens['psychologist'] })).status,
    ).toBe(404);
    expect(
      (
        await http.call<WorkingGroupListResponse>('/api/council/groups', { token: tokens['secretariat'] })
      ).body.groups.map((g) => g.slug),
    ).toContain('legal-frameworks');

    const patched = await http.call<WorkingGroupDetail>(`/api/council/groups/${id}`, {
      method: 'PATCH',
      token: tokens['secretariat'],
      body: { periodEnd: '2027-06-30' },
    });
    expect(patched.body.periodEnd).toBe('2027-06-30');
    expect(
      (
        await http.call(`/api/council/groups/${id}`, {
          method: 'PATCH',
          token: tokens['secretariat'],
          body: { periodEnd: '2025-01-01' },
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await http.call(`/api/council/groups/${id}`, {
          method: 'PATCH',
          token: tokens['chair-accountability'],
          body: { periodEnd: '2027-06-30' },
        })
      ).status,
    ).toBe(403);

    const archived = await http.call<WorkingGroupDetail>(`/api/council/groups/${id}/archive`, {
      method: 'POST',
      token: tokens['secretariat'],
    });
    expect(archived.body.archivedAt).toBeTruthy();
    expect(
      (await http.call(`/api/council/groups/${id}/archive`, { method: 'POST', token: tokens['secretariat'] })).status,
    ).toBe(409);
    const listed = await http.call<WorkingGroupListResponse>('/api/council/groups', { token: tokens['secretariat'] });
    expect(listed.body.groups.map((g) => g.slug)).not.toContain('legal-frameworks');
    const withArchived = await http.call<WorkingGroupListResponse>('/api/council/groups?archived=true', {
      token: tokens['secretariat'],
    });
    expect(withArchived.body.groups.map((g) => g.slug)).toContain('legal-frameworks');
  });

  it('keeps a restricted group’s plan from members of other groups (404) and from administrators without break-glass', async () => {
    const accountability = bySlug('accountability');
    await http.call(`/api/council/groups/${accountability}`, {
      method: 'PATCH',
      token: tokens['secretariat'],
      body: { visibility: 'restricted' },
    });
    try {
      expect(
        (await http.call(`/api/council/groups/${accountability}/work-plans`, { token: tokens['psychologist'] })).status,
      ).toBe(404);
      expect(
        (await http.call(`/api/council/groups/${accountability}/work-plans`, { token: tokens['prosecutor'] })).status,
      ).toBe(200);
      expect(
        (await http.call(`/api/council/groups/${accountability}/work-plans`, { token: tokens['practitioner'] })).status,
      ).toBe(404);
      expect((await http.call(`/api/council/groups/${accountability}/work-plans`)).status).toBe(401);

      expect(
        (await http.call(`/api/council/groups/${accountability}/work-plans`, { token: tokens['admin'] })).status,
      ).toBe(404);
      const glass = await http.call('/api/admin/break-glass', {
        token: tokens['admin'],
        body: {
          reason: 'Checking a reported data-protection complaint about this plan',
          targetType: 'working_group',
          targetId: accountability,
        },
      });
      expect(glass.status).toBe(201);
      expect(
        (await http.call(`/api/council/groups/${accountability}/work-plans`, { token: tokens['admin'] })).status,
      ).toBe(200);
    } finally {
      await http.call(`/api/council/groups/${accountability}`, {
        method: 'PATCH',
        token: tokens['secretariat'],
        body: { visibility: 'council' },
      });
    }
    // Council-internal again: any council participant reads it; a practitioner still does not.
    expect(
      (await http.call(`/api/council/groups/${accountability}/work-plans`, { token: tokens['psychologist'] })).status,
    ).toBe(200);
    expect(
      (await http.call(`/api/council/groups/${accountability}/work-plans`, { token: tokens['practitioner'] })).status,
    ).toBe(404);
  });

  it('manages memberships with terms, keeps history, and imports CSV idempotently with a reason per rejected row', async () => {
    const group = bySlug('countering-narratives');
    const users = (await http.call<AdminUserListResponse>('/api/admin/users', { token: tokens['secretariat'] })).body
      .items;
    const ngo = users.find((u) => u.email === demo('ngo-kz'));
    const added = await http.call<GroupMember>(`/api/council/groups/${group}/members`, {
      token: tokens['secretariat'],
      body: { userId: ngo?.id, role: 'member', termStart: '2024-05-14', termEnd: '2024-12-31' },
    });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({
      displayName: 'Dana Kaliyeva',
      role: 'member',
      termEnd: '2024-12-31',
      current: false,
    });
    const overlap = await http.call(`/api/council/groups/${group}/members`, {
      token: tokens['secretariat'],
      body: { userId: ngo?.id, role: 'member', termStart: '2024-06-01' },
    });
    expect(overlap.status).toBe(409);

    const csv = [
      'email,role,term_start,term_end',
      `${demo('ngo-tj')},member,2025-01-01,`,
      `${demo('counsellor-tm')},observer,2025-02-01,2025-12-31`,
      'nobody@example.org,member,2025-01-01,',
      `${demo('legal-aid-tm')},president,2025-01-01,`,
      `${demo('ngo-lead')},member,2025-13-01,`,
    ].join('\n');
    const first = await http.call<MemberImportResult>(`/api/council/groups/${group}/members/import`, {
      token: tokens['secretariat'],
      body: { csv },
    });
    expect(first.status).toBe(200);
    expect(first.body.created).toBe(2);
    expect(first.body.rejected).toEqual([
      { row: 4, email: 'nobody@example.org', reason: expect.stringContaining('no active') },
      { row: 5, email: demo('legal-aid-tm'), reason: expect.stringContaining('role must be') },
      { row: 6, email: demo('ngo-lead'), reason: expect.stringContaining('term_start') },
    ]);
    const again = await http.call<MemberImportResult>(`/api/council/groups/${group}/members/import`, {
      token: tokens['secretariat'],
      body: { csv },
    });
    expect(again.body).toMatchObject({ created: 0, unchanged: 2 });
    expect(
      (
        await http.call(`/api/council/groups/${group}/members/import`, {
          token: tokens['chair-psychosocial'],
          body: { csv },
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await http.call(`/api/council/groups/${group}/members/import`, {
          token: tokens['secretariat'],
          body: { csv: 'email,role\n"unclosed' },
        })
      ).status,
    ).toBe(400);

    const members = await http.call<GroupMembersResponse>(`/api/council/groups/${group}/members?history=true`, {
      token: tokens['psychologist'],
    });
    expect(members.status).toBe(200);
    expect(members.body.past.map((m) => m.displayName)).toContain('Dana Kaliyeva'); // ended 2024-12-31: history only
    expect(members.body.current.map((m) => m.displayName)).not.toContain('Dana Kaliyeva');
    expect(members.body.current.map((m) => m.displayName)).toEqual(
      expect.arrayContaining(['Shoira Davlatova', 'Merdan Orazov']),
    );

    const membership = members.body.current.find((m) => m.displayName === 'Shoira Davlatova');
    const changed = await http.call(`/api/council/groups/${group}/members/${membership?.membershipId}`, {
      method: 'PATCH',
      token: tokens['secretariat'],
      body: { role: 'rapporteur' },
    });
    expect(changed.status).toBe(204);
    const after = await http.call<GroupMembersResponse>(`/api/council/groups/${group}/members`, {
      token: tokens['secretariat'],
    });
    expect(after.body.current.find((m) => m.displayName === 'Shoira Davlatova')?.role).toBe('rapporteur');
  });

  it('lets the chair edit the plan, members comment, observers only read, and answers a stale save with 409 and the current item', async () => {
    const group = bySlug('psychosocial-support');
    const plans = await http.call<WorkPlanListResponse>(`/api/council/groups/${group}/work-plans`, {
      token: tokens['psychologist'],
    });
    expect(plans.status).toBe(200);
    const plan = plans.body.plans.find((p) => p.groupId === group) as WorkPlan;
    expect(plan.demo).toBe(true);
    expect(plan.items.length).toBeGreaterThanOrEqual(3);
    const joint = plan.items.find((i) => i.groupIds.length > 1);
    expect(joint?.groupIds).toContain(bySlug('civil-society'));
    // The joint item also appears in the other group's list.
    const civil = await http.call<WorkPlanListResponse>(`/api/council/groups/${bySlug('civil-society')}/work-plans`, {
      token: tokens['chair-civil-society'],
    });
    expect(civil.body.plans.flatMap((p) => p.items).map((i) => i.id)).toContain(joint?.id);

    const created = await http.call<WorkPlanItem>(`/api/council/work-plans/${plan.id}/items`, {
      token: tokens['chair-psychosocial'],
      body: {
        objective: 'Peer supervision for counsellors',
        deliverable: 'Monthly supervision circle',
        dueDate: '2026-06-30',
      },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'planned', progress: 0, version: 1 });
    const invalid = await http.call<ErrorResponse>(`/api/council/work-plans/${plan.id}/items`, {
      token: tokens['chair-psychosocial'],
      body: { objective: 'x', progress: 140 },
    });
    expect(invalid.status).toBe(400);
    expect((invalid.body.details as { field: string }[]).map((d) => d.field).sort()).toEqual([
      'deliverable',
      'objective',
      'progress',
    ]);

    // Members may not edit (403: they can see it); observers may neither edit nor comment.
    expect(
      (
        await http.call(`/api/council/work-plan-items/${created.body.id}`, {
          method: 'PATCH',
          token: tokens['psychologist'],
          body: { version: 1, progress: 10 },
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await http.call(`/api/council/work-plan-items/${created.body.id}`, {
          method: 'PATCH',
          token: tokens['observer-geneva'],
          body: { version: 1, progress: 10 },
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await http.call(`/api/council/work-plan-items/${created.body.id}/comments`, {
          token: tokens['observer-geneva'],
          body: { body: 'Looks good' },
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await http.call(`/api/council/work-plan-items/${created.body.id}/comments`, {
          token: tokens['observer-geneva'],
        })
      ).status,
    ).toBe(200);
    const comment = await http.call<WorkPlanComment>(`/api/council/work-plan-items/${created.body.id}/comments`, {
      token: tokens['psychologist'],
      body: { body: 'I can host the first circle in Fergana.' },
    });
    expect(comment.status).toBe(201);
    expect(comment.body.authorName).toBe('Nodira Tursunova');

    // Two chairs editing version 1: the first wins, the second gets 409 with the current item.
    const first = await http.call<WorkPlanItem>(`/api/council/work-plan-items/${created.body.id}`, {
      method: 'PATCH',
      token: tokens['chair-psychosocial'],
      body: { version: 1, progress: 30, status: 'in_progress' },
    });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ version: 2, progress: 30, status: 'in_progress', commentCount: 1 });
    const stale = await http.call<ErrorResponse>(`/api/council/work-plan-items/${created.body.id}`, {
      method: 'PATCH',
      token: tokens['secretariat'],
      body: { version: 1, progress: 90 },
    });
    expect(stale.status).toBe(409);
    expect((stale.body.details as { current: WorkPlanItem }).current).toMatchObject({ version: 2, progress: 30 });
    const retried = await http.call<WorkPlanItem>(`/api/council/work-plan-items/${created.body.id}`, {
      method: 'PATCH',
      token: tokens['secretariat'],
      body: { version: 2, progress: 90 },
    });
    expect(retried.body).toMatchObject({ version: 3, progress: 90 });

    // Concurrent saves of the same version: exactly one succeeds.
    const racers = await Promise.all(
      [40, 50, 60].map((progress) =>
        http.call(`/api/council/work-plan-items/${created.body.id}`, {
          method: 'PATCH',
          token: tokens['chair-psychosocial'],
          body: { version: 3, progress },
        }),
      ),
    );
    expect(racers.map((r) => r.status).sort()).toEqual([200, 409, 409]);

    // A member of another group cannot see the item at all.
    const other = await http.call(`/api/council/work-plan-items/${created.body.id}`, {
      method: 'DELETE',
      token: tokens['prosecutor'],
    });
    expect(other.status).toBe(403); // the prosecutor sees council-internal groups' plans but cannot edit
    expect(
      (
        await http.call(`/api/council/work-plan-items/${created.body.id}`, {
          method: 'DELETE',
          token: tokens['chair-psychosocial'],
        })
      ).status,
    ).toBe(204);
    expect(
      (
        await http.call(`/api/council/work-plan-items/${created.body.id}`, {
          method: 'PATCH',
          token: tokens['chair-psychosocial'],
          body: { version: 4 },
        })
      ).status,
    ).toBe(404);
  });

  it('creates a plan only for editors and validates its period', async () => {
    const group = bySlug('countering-narratives');
    expect(
      (
        await http.call(`/api/council/groups/${group}/work-plans`, {
          token: tokens['psychologist'],
          body: { title: 'Plan 2026–2027', periodStart: '2026-01-01', periodEnd: '2027-12-31' },
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await http.call(`/api/council/groups/${group}/work-plans`, {
          token: tokens['secretariat'],
          body: { title: 'Plan 2026–2027', periodStart: '2027-01-01', periodEnd: '2026-12-31' },
        })
      ).status,
    ).toBe(400);
    const ok = await http.call<WorkPlan>(`/api/council/groups/${group}/work-plans`, {
      token: tokens['secretariat'],
      body: { title: 'Plan 2026–2027', periodStart: '2026-01-01', periodEnd: '2027-12-31' },
    });
    expect(ok.status).toBe(201);
  });

  it('shows each person the dashboard of the groups they can see, and the secretariat all of them', async () => {
    const mine = await http.call<DashboardResponse>('/api/council/dashboard', { token: tokens['chair-psychosocial'] });
    const all = await http.call<DashboardResponse>('/api/council/dashboard', { token: tokens['secretariat'] });
    expect(all.body.groups.map((g) => g.slug).sort()).toEqual([
      'accountability',
      'civil-society',
      'countering-narratives',
      'psychosocial-support',
    ]);
    expect(mine.body.groups.length).toBe(4); // council-internal groups are visible to council participants
    const psycho = all.body.groups.find((g) => g.slug === 'psychosocial-support');
    expect(psycho?.itemsByStatus.done).toBeGreaterThanOrEqual(1);
    expect(psycho?.averageProgress).toBeGreaterThan(0);
    expect(psycho?.upcomingSessions.length).toBeGreaterThanOrEqual(1);
    expect(psycho?.recentActivity.length).toBeGreaterThan(0);
    expect((await http.call('/api/council/dashboard', { token: tokens['practitioner'] })).body).toEqual({ groups: [] });
    expect((await http.call('/api/council/dashboard')).status).toBe(401);
  });
});
