import { AuditService } from '@kengash/api-audit';
import { AccessEventsService, IDENTITY_ENTITIES, Principal, UserEntity } from '@kengash/api-identity';
import { createMigratedDatabase, MigratedDatabase } from '@kengash/api-testing';
import { GlobalRole, GroupRole, UserStatus, WorkingGroupTheme } from '@kengash/contracts';
import { CouncilEntity } from './council.entity';
import { CouncilService } from './council.service';
import { ChairmanshipEntity } from './chairmanship.entity';
import { GroupAccessService } from './group-access.service';
import { GroupMembershipEntity } from './group-membership.entity';
import { MembershipService } from './membership.service';
import { WorkingGroupEntity } from './working-group.entity';

describe('CouncilService on a real PostgreSQL', () => {
  let db: MigratedDatabase;
  let sut: CouncilService;
  let memberships: MembershipService;
  const secretariat: Principal = {
    userId: '00000000-0000-4000-8000-000000000001',
    email: 's@x.example',
    globalRole: GlobalRole.Secretariat,
    country: null,
    memberships: [],
    totpEnabled: true,
    totpEnrolmentRequired: false,
    familyId: 'f',
  };

  beforeAll(async () => {
    db = await createMigratedDatabase('council', [
      ...IDENTITY_ENTITIES,
      CouncilEntity,
      ChairmanshipEntity,
      WorkingGroupEntity,
      GroupMembershipEntity,
    ]);
    const access = new GroupAccessService(db.dataSource);
    sut = new CouncilService(db.dataSource, access, new AuditService(db.dataSource));
    memberships = new MembershipService(
      db.dataSource,
      new AuditService(db.dataSource),
      new AccessEventsService(),
      access,
    );
  });
  afterAll(() => db?.close());

  it('reports a missing council as NOT_FOUND rather than an empty list', async () => {
    await expect(sut.listGroups(null, false, '2024-07-26')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('counts current, non-observer, non-disabled members and lists their countries', async () => {
    const ds = db.dataSource;
    const council = await ds.getRepository(CouncilEntity).save({ slug: 'c', name: { en: 'Council' }, demo: false });
    const group = await ds.getRepository(WorkingGroupEntity).save({
      councilId: council.id,
      slug: 'psychosocial-support',
      name: { en: 'Psychosocial Support', ru: 'Психосоциальная поддержка' },
      theme: WorkingGroupTheme.PsychosocialSupport,
      mandate: { en: 'Mandate' },
      periodStart: '2024-05-14',
      periodEnd: '2025-12-31',
    });
    const person = (email: string, country: string | null, status: UserStatus = UserStatus.Active) =>
      ds.getRepository(UserEntity).save({ email, displayName: email, country, status });
    const member = async (user: UserEntity, role: GroupRole, termStart: string, termEnd: string | null) =>
      ds.getRepository(GroupMembershipEntity).save({ groupId: group.id, userId: user.id, role, termStart, termEnd });

    await member(await person('chair@x.example', 'TJ'), GroupRole.Chair, '2024-05-14', null);
    await member(await person('member@x.example', 'KZ'), GroupRole.Member, '2024-05-14', '2025-12-31');
    await member(await person('observer@x.example', null), GroupRole.Observer, '2024-05-14', null);
    await member(await person('ended@x.example', 'UZ'), GroupRole.Member, '2024-05-14', '2024-06-30');
    await member(await person('future@x.example', 'KG'), GroupRole.Member, '2025-01-01', null);
    await member(await person('disabled@x.example', 'TM', UserStatus.Disabled), GroupRole.Member, '2024-05-14', null);
    // Case-insensitive e-mail: the same address in other letters is refused.
    await expect(person('CHAIR@x.example', 'TJ')).rejects.toThrow(/duplicate key/);

    const result = await sut.listGroups(null, false, '2024-07-26');
    expect(result.council.name.en).toBe('Council');
    expect(result.groups).toHaveLength(1);
    expect(result.groups[0]).toMatchObject({ slug: 'psychosocial-support', memberCount: 2, countries: ['KZ', 'TJ'] });
    expect((await sut.listGroups(null, false, '2025-02-01')).groups[0]).toMatchObject({
      memberCount: 3,
      countries: ['KG', 'KZ', 'TJ'],
    });

    // The ended term is out of the current members but kept in the group's history.
    const list = await memberships.list(secretariat, group.id, true);
    expect(list.current.map((m) => m.displayName)).not.toContain('ended@x.example');
    expect(list.past.find((m) => m.displayName === 'ended@x.example')).toMatchObject({
      termEnd: '2024-06-30',
      current: false,
    });
    expect((await memberships.list(secretariat, group.id, false)).past).toEqual([]);
  });
});
