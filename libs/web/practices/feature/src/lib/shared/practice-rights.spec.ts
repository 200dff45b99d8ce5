import { GlobalRole, GroupRole } from '@kengash/contracts';
import { currentUser, GROUP_ID } from '../testing/practice-fixtures';
import { canCreatePractice } from './practice-rights';

describe('canCreatePractice', () => {
  const membership = (role: GroupRole) => [
    { groupId: GROUP_ID, groupSlug: 'psychosocial-support', role, termStart: '2024-05-14', termEnd: null },
  ];

  it('lets the secretariat, member experts and focal points write entries', () => {
    for (const globalRole of [GlobalRole.Secretariat, GlobalRole.Member, GlobalRole.FocalPoint])
      expect(canCreatePractice(currentUser({ globalRole, memberships: [] }))).toBe(true);
  });

  it('lets anyone holding a group role other than observer write, and nobody else', () => {
    expect(canCreatePractice(null)).toBe(false);
    expect(canCreatePractice(currentUser({ globalRole: GlobalRole.Practitioner, memberships: [] }))).toBe(false);
    expect(
      canCreatePractice(currentUser({ globalRole: GlobalRole.Observer, memberships: membership(GroupRole.Observer) })),
    ).toBe(false);
    expect(canCreatePractice(currentUser({ globalRole: GlobalRole.Admin, memberships: [] }))).toBe(false);
    expect(
      canCreatePractice(
        currentUser({ globalRole: GlobalRole.Observer, memberships: membership(GroupRole.Rapporteur) }),
      ),
    ).toBe(true);
  });
});
