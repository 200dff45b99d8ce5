import { renderActionReminder } from './action-reminder.service';

const item = {
  title: 'Send the case studies',
  dueDate: '2031-04-01',
  groupName: { en: 'Psychosocial Support', ru: 'Психосоциальная поддержка' },
  link: '/groups/psychosocial-support?action=1',
};

describe('renderActionReminder', () => {
  it('writes the reminder in Russian for a Russian reader, with the group name and date in Russian', () => {
    const r = renderActionReminder('due', item, { locale: 'ru', displayName: 'Нодира' }, 'http://kengash.test');
    expect(r.title).toBe('Срок поручения подходит: Send the case studies');
    expect(r.body).toBe('«Send the case studies» (Психосоциальная поддержка): срок выполнения — 1 апреля 2031 г.');
    expect(r.email?.subject).toBe('Kengash: срок вашего поручения — 1 апреля 2031 г.');
    expect(r.email?.text).toContain('http://kengash.test/groups/psychosocial-support?action=1');
  });

  it('falls back to English for other languages', () => {
    const r = renderActionReminder('overdue', item, { locale: 'de', displayName: 'Anna' }, 'http://kengash.test');
    expect(r.title).toBe('Action item overdue: Send the case studies');
    expect(r.body).toBe('“Send the case studies” (Psychosocial Support) was due on April 1, 2031 and is still open.');
    expect(r.email?.text.startsWith('Hello Anna,')).toBe(true);
  });
});
