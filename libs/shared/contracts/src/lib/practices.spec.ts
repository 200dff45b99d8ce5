import { personalDataWarnings, statesFigures } from './practices';

const entry = (body: string, summary = '', approach = '') => ({
  approach,
  translations: [{ locale: 'ru' as const, title: 'Программа', summary, body }],
});

describe('personalDataWarnings', () => {
  it('flags passport-like numbers, dates, phone numbers, ID numbers and e-mail addresses', () => {
    const found = personalDataWarnings(
      entry(
        '<p>Паспорт AA1234567, дата рождения 12.03.1990, тел. +998 90 123-45-67, ПИНФЛ 31203901234567,</p>' +
          '<p>почта ivanov@example.org</p>',
      ),
    );
    expect(found.map((w) => [w.kind, w.excerpt])).toEqual([
      ['passport', 'AA1234567'],
      ['birth_date', '12.03.1990'],
      ['phone', '+998 90 123-45-67'],
      ['national_id', '31203901234567'],
      ['email', 'ivanov@example.org'],
    ]);
    expect(found.every((w) => w.locale === 'ru' && w.field === 'body')).toBe(true);
  });

  it('leaves aggregate facts alone: years, counts, percentages, programme periods', () => {
    expect(
      personalDataWarnings(
        entry('<p>Over 2,100 people returned by March 2024; 70% were women and children (2023–2027 programme).</p>'),
      ),
    ).toEqual([]);
  });

  it('reports a phone number once, not also as an ID number, and scans summary and approach', () => {
    const found = personalDataWarnings(entry('', 'Call +77011234567', 'Write to case.worker@example.org'));
    expect(found.map((w) => [w.field, w.kind])).toEqual([
      ['summary', 'phone'],
      ['approach', 'email'],
    ]);
  });
});

describe('statesFigures', () => {
  it('sees numbers other than years', () => {
    expect(statesFigures('Over 2,100 people returned')).toBe(true);
    expect(statesFigures('The 2023–2027 programme')).toBe(false);
    expect(statesFigures('Since 2019')).toBe(false);
    expect(statesFigures('70% of them')).toBe(true);
  });
});
