import { GlobalRole, GroupRole } from '@kengash/contracts';
import { currentUser, GROUP_ID, OTHER_GROUP_ID } from '../testing/minutes-fixtures';
import { actionRight, canEditGroupActions, canReadGroupActions, editsAnyGroup } from './action-rights';

describe('action item rights (as the API decides them)', () => {
  const item = { groupId: GROUP_ID, ownerId: 'u-owner' };

  it.each([
    [GroupRole.Chair, 'edit'],
    [GroupRole.CoChair, 'edit'],
    [GroupRole.Rapporteur, 'edit'],
    [GroupRole.Member, 'none'],
    [GroupRole.Observer, 'none'],
  ])('a %s of the group may: %s', (role, right) => {
    expect(actionRight(currentUser(role), item)).toBe(right);
  });

  it('lets the owner change the status of their own item only', () => {
    const owner = currentUser(GroupRole.Member, { id: 'u-owner' });
    expect(actionRight(owner, item)).toBe('status');
    expect(actionRight(owner, { ...item, ownerId: 'someone-else' })).toBe('none');
  });

  it('lets the secretariat edit every group’s items, and nobody signed out', () => {
    const secretariat = currentUser(null, { globalRole: GlobalRole.Secretariat });
    expect(actionRight(secretariat, item)).toBe('edit');
    expect(canReadGroupActions(secretariat, OTHER_GROUP_ID)).toBe(true);
    expect(editsAnyGroup(secretariat)).toBe(true);
    expect(actionRight(null, item)).toBe('none');
    expect(editsAnyGroup(null)).toBe(false);
  });

  it('reads a group’s items as a member but not as an observer or outsider', () => {
    expect(canReadGroupActions(currentUser(GroupRole.Member), GROUP_ID)).toBe(true);
    expect(canReadGroupActions(currentUser(GroupRole.Observer), GROUP_ID)).toBe(false);
    expect(canReadGroupActions(currentUser(GroupRole.Chair), OTHER_GROUP_ID)).toBe(false);
    expect(canEditGroupActions(currentUser(GroupRole.Chair), OTHER_GROUP_ID)).toBe(false);
  });

  it('counts chairs, co-chairs and rapporteurs of any group as following up overdue items', () => {
    expect(editsAnyGroup(currentUser(GroupRole.Rapporteur))).toBe(true);
    expect(editsAnyGroup(currentUser(GroupRole.Member))).toBe(false);
  });
});
