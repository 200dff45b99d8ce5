import { DirectoryEntry } from '@kengash/contracts';
import { entryFacts } from './directory-entry';

describe('entryFacts', () => {
  it('lists exactly the fields present in the JSON, in order, with translation keys for coded values', () => {
    const entry: DirectoryEntry = {
      userId: 'u1',
      label: 'Psychologist',
      role: 'Psychologist',
      country: 'KZ' as DirectoryEntry['country'],
      languages: ['kk', 'ru'],
      expertise: ['psychosocial_support'],
      contactFields: ['email'],
    };

    expect(entryFacts(entry)).toEqual([
      { field: 'role', text: 'Psychologist' },
      { field: 'country', keys: ['countries.KZ'] },
      { field: 'languages', keys: ['practices.languages.kk', 'practices.languages.ru'] },
      { field: 'expertise', keys: ['practices.themes.psychosocial_support'] },
    ]);
  });

  it('shows nothing for a person who hides everything but the label (no placeholders)', () => {
    expect(entryFacts({ userId: 'u2', label: 'Government body', contactFields: [] })).toEqual([]);
  });

  it('never shows contact fields, even if they were in the JSON', () => {
    const entry = { userId: 'u3', label: 'X', phone: '+7 700', email: 'x@example.org', contactFields: [] };
    expect(entryFacts(entry as DirectoryEntry)).toEqual([]);
  });
});
