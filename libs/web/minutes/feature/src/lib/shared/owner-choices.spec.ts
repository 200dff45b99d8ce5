import { groupMembers } from '../testing/minutes-fixtures';
import { ownerChoices } from './owner-choices';

describe('ownerChoices', () => {
  it('offers the current members but not observers, by name', () => {
    expect(ownerChoices(groupMembers()).map((c) => c.name)).toEqual([
      'Madina Abdullaeva',
      'Nodira Tursunova',
      'Saule Zhaksybekova',
    ]);
  });

  it('keeps the present owner choosable when not a member (e.g. the secretariat)', () => {
    const choices = ownerChoices(groupMembers(), { id: 'u-sec', name: 'Dilnoza Karimova' });
    expect(choices.map((c) => c.id)).toContain('u-sec');
  });
});
