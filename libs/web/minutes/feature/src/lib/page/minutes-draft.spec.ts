import { MINUTES_LIMITS, MinutesContent } from '@kengash/contracts';
import {
  contentFieldErrors,
  formatTime,
  fromDraft,
  isAddedSection,
  itemErrors,
  MinutesDraft,
  newSection,
  nextExtraKey,
  parseCount,
  parseTime,
  toDraft,
  unplacedErrors,
  validateDraft,
  withoutErrors,
} from './minutes-draft';

const content: MinutesContent = {
  title: 'Spring session',
  attendance: [],
  items: [
    {
      key: '0b7c2a52-7a1e-4d4e-9c55-2f1f3a4b5c6d',
      title: 'Work plan',
      notes: '<p>Agreed.</p>',
      speakers: [{ name: 'Madina Abdullaeva', seconds: 272, turns: 2 }],
      decisions: [
        {
          text: 'Adopt the plan',
          result: { tally: { yes: 4, no: 1, abstain: 0 }, votesCast: 5, quorumReached: true, outcome: 'adopted' },
          secret: false,
        },
      ],
      restricted: true,
    },
  ],
};

describe('minutes draft', () => {
  it('reads speaking time as m:ss or seconds, and nothing else', () => {
    expect(parseTime('4:30')).toBe(270);
    expect(parseTime(' 75:05 ')).toBe(4505);
    expect(parseTime('90')).toBe(90);
    expect(parseTime('0:00')).toBe(0);
    for (const bad of ['', '4:75', '4:5', '-3', '1.5', '4m', ':30']) expect(parseTime(bad)).toBeNull();
    expect(formatTime(272)).toBe('4:32');
    expect(formatTime(3725)).toBe('62:05');
    expect(parseCount('3')).toBe(3);
    expect(parseCount('2.5')).toBeNull();
    expect(parseCount('-1')).toBeNull();
  });

  it('names added sections extra-<n> after the highest in use, up to extra-9999', () => {
    expect(nextExtraKey(['0b7c2a52-7a1e-4d4e-9c55-2f1f3a4b5c6d'])).toBe('extra-1');
    // The carry-over section is extra-900.
    expect(nextExtraKey(['extra-1', 'extra-900'])).toBe('extra-901');
    expect(nextExtraKey(['extra-9999'])).toBeNull();
    expect(isAddedSection('extra-12')).toBe(true);
    expect(isAddedSection('extra-12345')).toBe(false);
    expect(isAddedSection('0b7c2a52-7a1e-4d4e-9c55-2f1f3a4b5c6d')).toBe(false);
  });

  it('round-trips content: votes keep their result, times become seconds again', () => {
    const draft = toDraft(content);
    expect(draft.items[0].speakers[0]).toEqual({ name: 'Madina Abdullaeva', time: '4:32', turns: '2' });
    expect(fromDraft(draft, content.attendance)).toEqual(content);
  });

  it('trims what it sends', () => {
    const draft: MinutesDraft = {
      title: '  New title ',
      items: [
        {
          ...newSection('extra-1'),
          title: ' Any other business ',
          speakers: [{ name: ' Aziz ', time: ' 2:00 ', turns: ' 1 ' }],
          decisions: [{ text: ' Meet in May ', result: null, secret: false }],
        },
      ],
    };
    expect(fromDraft(draft, [])).toEqual({
      title: 'New title',
      attendance: [],
      items: [
        {
          key: 'extra-1',
          title: 'Any other business',
          notes: '',
          speakers: [{ name: 'Aziz', seconds: 120, turns: 1 }],
          decisions: [{ text: 'Meet in May', result: null, secret: false }],
          restricted: false,
        },
      ],
    });
  });

  it('finds the mistakes the server would refuse, at the paths the server uses', () => {
    const draft: MinutesDraft = {
      title: ' ',
      items: [
        toDraft(content).items[0],
        {
          ...newSection('extra-1'),
          title: 'x'.repeat(MINUTES_LIMITS.itemTitleMax + 1),
          notes: 'x'.repeat(MINUTES_LIMITS.notesMax + 1),
          speakers: [
            { name: '', time: '4:75', turns: 'two' },
            { name: 'Aziz', time: '', turns: '1' },
          ],
          decisions: [{ text: '   ', result: null, secret: false }],
        },
      ],
    };
    const errors = validateDraft(draft);
    expect(Object.keys(errors).sort()).toEqual([
      'items.1.decisions.0.text',
      'items.1.notes',
      'items.1.speakers.0.name',
      'items.1.speakers.0.seconds',
      'items.1.speakers.0.turns',
      'items.1.speakers.1.seconds',
      'items.1.title',
      'title',
    ]);
    expect(errors['items.1.title']).toEqual({
      key: 'minutesArea.itemEditor.errors.tooLong',
      params: { max: MINUTES_LIMITS.itemTitleMax },
    });
    expect(errors['items.1.speakers.0.seconds'].key).toBe('minutesArea.itemEditor.errors.time');
    expect(validateDraft(toDraft(content))).toEqual({});
  });

  it('places the API’s field errors: per item, and the rest for the page to list', () => {
    const errors = contentFieldErrors({
      'content.items.1.title': ['must not be empty'],
      'content.items.1.speakers.0.seconds': ['Number must be greater than or equal to 0'],
      'content.items': ['item keys must be unique'],
      content: ['content must be an object'],
      note: ['must be at most 500 characters'],
      'content.title': [],
    });
    expect(errors).toEqual({
      'items.1.title': 'must not be empty',
      'items.1.speakers.0.seconds': 'Number must be greater than or equal to 0',
      items: 'item keys must be unique',
      '': 'content must be an object',
      note: 'must be at most 500 characters',
    });
    expect(itemErrors(errors, 1)).toEqual({
      title: 'must not be empty',
      'speakers.0.seconds': 'Number must be greater than or equal to 0',
    });
    expect(itemErrors(errors, 0)).toEqual({});
    expect(unplacedErrors({ ...errors, title: 'must not be empty', 'items.7.title': 'gone' }, 2)).toEqual([
      { field: 'items', message: 'item keys must be unique' },
      { field: '', message: 'content must be an object' },
      { field: 'note', message: 'must be at most 500 characters' },
      { field: 'items.7.title', message: 'gone' },
    ]);
    expect(withoutErrors(errors, 'items.1.speakers')).toEqual({
      'items.1.title': 'must not be empty',
      items: 'item keys must be unique',
      '': 'content must be an object',
      note: 'must be at most 500 characters',
    });
  });
});
