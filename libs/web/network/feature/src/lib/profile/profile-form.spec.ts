import { DEFAULT_FIELD_VISIBILITY, NetworkProfile } from '@kengash/contracts';
import { createProfileForm, profileChanges } from './profile-form';

const saved: NetworkProfile = {
  userId: 'u1',
  name: 'Kamola Ismoilova',
  role: 'Social worker',
  organisationType: 'ngo',
  organisationName: 'Mahalla support centre',
  country: 'UZ' as NetworkProfile['country'],
  region: 'Fergana',
  languages: ['uz', 'ru'],
  expertise: ['family_community'],
  bio: '',
  phone: '+998 90 123 45 67',
  email: 'kamola@example.org',
  label: 'name',
  visibility: { ...DEFAULT_FIELD_VISIBILITY, phone: 'network' },
  updatedAt: '2026-11-01T10:00:00Z',
  version: 4,
};

describe('profile form', () => {
  it('sends only the version when nothing changed (languages in another order are the same)', () => {
    const form = createProfileForm(saved);
    form.controls.languages.setValue(['ru', 'uz']);
    expect(profileChanges(form, saved)).toEqual({ version: 4 });
  });

  it('sends the changed fields and only the visibility levels that changed', () => {
    const form = createProfileForm(saved);
    form.controls.visibility.controls.phone.setValue('me');
    form.controls.region.setValue('  Andijan ');
    form.controls.label.setValue('role');

    expect(profileChanges(form, saved)).toEqual({
      version: 4,
      region: 'Andijan',
      label: 'role',
      visibility: { phone: 'me' },
    });
  });

  it('refuses a phone number with letters', () => {
    const form = createProfileForm(saved);
    form.controls.phone.setValue('call me');
    expect(form.controls.phone.invalid).toBe(true);
  });
});
