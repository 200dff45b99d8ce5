import { DEFAULT_FIELD_VISIBILITY, GlobalRole, GroupRole } from '@kengash/contracts';
import {
  completeVisibility,
  directoryEntry,
  HIDDEN_MEMBER_LABEL,
  labelFor,
  maySee,
  ProfileFacts,
  viewerLevel,
} from './network-visibility';

const profile = (overrides: Partial<ProfileFacts> = {}): ProfileFacts => ({
  userId: 'u1',
  name: 'Kamola Ismoilova',
  role: 'Psychologist',
  organisationType: 'ngo',
  organisationName: 'Namangan Community Centre (demo)',
  country: 'UZ' as ProfileFacts['country'],
  region: 'Namangan',
  languages: ['uz', 'ru'],
  expertise: ['psychosocial_support'],
  bio: 'Works with families.',
  phone: '+998 90 000 00 00',
  email: 'kamola@example.org',
  label: 'name',
  visibility: { ...DEFAULT_FIELD_VISIBILITY },
  ...overrides,
});

describe('network visibility rules', () => {
  it('gives each viewer one level; observers and practitioners without a membership get none', () => {
    const v = (globalRole: GlobalRole, activeNetworkMember = false, roles: GroupRole[] = []) =>
      viewerLevel({ globalRole, activeNetworkMember, memberships: roles.map((role) => ({ role })) });
    expect(v(GlobalRole.Admin)).toBe('secretariat');
    expect(v(GlobalRole.Secretariat)).toBe('secretariat');
    expect(v(GlobalRole.Member)).toBe('council');
    expect(v(GlobalRole.FocalPoint)).toBe('council');
    expect(v(GlobalRole.Practitioner, true)).toBe('network');
    expect(v(GlobalRole.Practitioner, false)).toBeNull();
    expect(v(GlobalRole.Practitioner, true, [GroupRole.Member])).toBe('council');
    expect(v(GlobalRole.Observer, false, [GroupRole.Observer])).toBeNull();
    expect(v(GlobalRole.Observer, true, [GroupRole.Member])).toBeNull();
  });

  it('follows the ladder: me < secretariat < council < network', () => {
    expect(maySee('network', 'network')).toBe(true);
    expect(maySee('network', 'council')).toBe(false);
    expect(maySee('council', 'council')).toBe(true);
    expect(maySee('council', 'secretariat')).toBe(false);
    expect(maySee('secretariat', 'secretariat')).toBe(true);
    for (const level of ['network', 'council', 'secretariat'] as const) expect(maySee(level, 'me')).toBe(false);
    expect(maySee('owner', 'me')).toBe(true);
  });

  it('leaves hidden fields out of an entry entirely, and never includes contact values', () => {
    const p = profile();
    const forNetwork = directoryEntry(p, 'network');
    expect(forNetwork).not.toHaveProperty('name');
    expect(forNetwork).not.toHaveProperty('organisationName');
    expect(forNetwork).not.toHaveProperty('bio');
    expect(forNetwork).toMatchObject({ country: 'UZ', organisationType: 'ngo', languages: ['uz', 'ru'] });
    expect(forNetwork.contactFields).toEqual([]);
    const forSecretariat = directoryEntry(p, 'secretariat');
    expect(forSecretariat).toMatchObject({ name: p.name, bio: p.bio, organisationName: p.organisationName });
    expect(forSecretariat.contactFields).toEqual(['email']); // the phone is `me`
    expect(forSecretariat).not.toHaveProperty('phone');
    expect(forSecretariat).not.toHaveProperty('email');
    const own = directoryEntry(p, 'owner');
    expect(own.contactFields).toEqual(['phone', 'email']);
    expect(Object.keys(own)).toEqual(expect.arrayContaining(['name', 'region', 'bio', 'organisationName']));
    expect(directoryEntry(profile({ phone: '', email: '' }), 'owner').contactFields).toEqual([]);
  });

  it('labels without revealing a hidden field', () => {
    const p = profile();
    expect(labelFor(p, 'council')).toBe('Kamola Ismoilova');
    expect(labelFor(p, 'network')).toBe('Non-governmental organisation'); // name and role are council-only
    expect(labelFor(profile({ visibility: { ...DEFAULT_FIELD_VISIBILITY, role: 'network' } }), 'network')).toBe(
      'Psychologist',
    );
    expect(labelFor(profile({ label: 'role' }), 'secretariat')).toBe('Psychologist');
    expect(labelFor(profile({ label: 'organisationType' }), 'secretariat')).toBe('Non-governmental organisation');
    const hidden = profile({
      label: 'organisationType',
      visibility: { ...DEFAULT_FIELD_VISIBILITY, organisationType: 'me', role: 'network' },
    });
    expect(labelFor(hidden, 'network')).toBe(HIDDEN_MEMBER_LABEL);
    expect(labelFor(hidden, 'owner')).toBe('Non-governmental organisation');
  });

  it('completes a stored visibility map with the minimal defaults and ignores unknown values', () => {
    expect(completeVisibility({ phone: 'network', name: 'everyone', extra: 'network' })).toEqual({
      ...DEFAULT_FIELD_VISIBILITY,
      phone: 'network',
    });
  });
});
