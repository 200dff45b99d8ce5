import { Action } from '@kengash/api-core';
import { GlobalRole } from '@kengash/contracts';
import { decide } from './policy';
import type { Principal } from './principal';

const principal = (globalRole: GlobalRole, extra: Partial<Principal> = {}): Principal => ({
  userId: 'u',
  email: 'u@example.org',
  globalRole,
  country: null,
  memberships: [],
  totpEnabled: true,
  totpEnrolmentRequired: false,
  familyId: 'f',
  ...extra,
});

describe('decide', () => {
  it('lets anyone do public actions and nobody anonymous do anything else', () => {
    expect(decide(null, Action.Public)).toEqual({ allowed: true });
    for (const action of [Action.Self, Action.SignedIn, Action.ManageUsers, Action.ReadAudit, Action.BreakGlass]) {
      expect(decide(null, action)).toEqual({ allowed: false, reason: 'unauthenticated' });
    }
  });

  it.each([
    [GlobalRole.Admin, [Action.ManageUsers, Action.ReadAudit, Action.BreakGlass], []],
    [GlobalRole.Secretariat, [Action.ManageUsers], [Action.ReadAudit, Action.BreakGlass]],
    [GlobalRole.FocalPoint, [], [Action.ManageUsers, Action.ReadAudit, Action.BreakGlass]],
    [GlobalRole.Member, [], [Action.ManageUsers, Action.ReadAudit, Action.BreakGlass]],
    [GlobalRole.Practitioner, [], [Action.ManageUsers, Action.ReadAudit, Action.BreakGlass]],
    [GlobalRole.Observer, [], [Action.ManageUsers, Action.ReadAudit, Action.BreakGlass]],
  ])('%s: staff actions', (role, allowed, denied) => {
    for (const a of allowed) expect(decide(principal(role), a).allowed).toBe(true);
    for (const a of denied) expect(decide(principal(role), a)).toEqual({ allowed: false, reason: 'forbidden' });
    expect(decide(principal(role), Action.SignedIn).allowed).toBe(true);
  });

  it('keeps someone who must enrol 2FA to their own profile until they do', () => {
    const pending = principal(GlobalRole.Secretariat, { totpEnabled: false, totpEnrolmentRequired: true });
    expect(decide(pending, Action.Self)).toEqual({ allowed: true });
    expect(decide(pending, Action.SignedIn)).toEqual({ allowed: false, reason: 'totp_enrolment_required' });
    expect(decide(pending, Action.ManageUsers)).toEqual({ allowed: false, reason: 'totp_enrolment_required' });
  });
});
