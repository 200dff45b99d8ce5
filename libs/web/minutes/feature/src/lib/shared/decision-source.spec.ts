import { ACTION_LIMITS } from '@kengash/contracts';
import { decisionEntry } from '../testing/minutes-fixtures';
import { decisionSource, titleFromDecision } from './decision-source';

describe('decisionSource', () => {
  it('turns the register’s 1-based decision number into the API’s 0-based index', () => {
    expect(decisionSource(decisionEntry({ id: 'm1:i1:1' }))).toEqual({
      sessionId: 's1',
      minutesId: 'm1',
      itemKey: 'i1',
      decisionIndex: 0,
    });
    expect(decisionSource(decisionEntry({ id: 'm1:i1:2' })).decisionIndex).toBe(1);
  });

  it('keeps an item key that itself contains a colon', () => {
    expect(decisionSource(decisionEntry({ id: 'm1:extra:3:1' }))).toMatchObject({
      itemKey: 'extra:3',
      decisionIndex: 0,
    });
  });

  it('names only the session for a decision recorded live, before any minutes', () => {
    expect(decisionSource(decisionEntry({ id: 'live-decision-1', minutesId: null }))).toEqual({
      sessionId: 's1',
      minutesId: null,
      itemKey: null,
      decisionIndex: null,
    });
  });

  it('falls back to the minutes and the agenda item when the id has no decision number', () => {
    expect(decisionSource(decisionEntry({ id: 'unexpected' }))).toEqual({
      sessionId: 's1',
      minutesId: 'm1',
      itemKey: 'i1',
      decisionIndex: null,
    });
  });
});

describe('titleFromDecision', () => {
  it('tidies the decision’s words and keeps them within the title limit', () => {
    expect(titleFromDecision('  Adopt\n the   plan ')).toBe('Adopt the plan');
    const long = titleFromDecision('word '.repeat(200));
    expect(long.length).toBeLessThanOrEqual(ACTION_LIMITS.titleMax);
    expect(long.endsWith('…')).toBe(true);
  });
});
