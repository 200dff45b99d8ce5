import {
  formatDuration,
  formatHoursMinutes,
  formatSessionTime,
  formatVote,
  MinutesExportHeader,
  speakerSummary,
} from './export-labels';

const header = (overrides: Partial<MinutesExportHeader>): MinutesExportHeader => ({
  councilName: 'Council',
  groupNames: [],
  sessionTitle: 'Session',
  startsAt: '2024-07-26T10:00:00.000Z',
  endsAt: '2024-07-26T12:30:00.000Z',
  timeZone: 'Asia/Tashkent',
  status: 'draft',
  face: 'full',
  contentHash: null,
  version: 1,
  locale: 'en',
  generatedAt: '2024-07-27T10:00:00.000Z',
  ...overrides,
});

describe('export labels', () => {
  it('shows the session time in the organiser’s zone, in the reader’s language', () => {
    expect(formatSessionTime(header({}))).toBe('26 July 2024, 15:00–17:30 (Asia/Tashkent, UTC+5)');
    expect(formatSessionTime(header({ locale: 'ru' }))).toBe('26 июля 2024 г., 15:00–17:30 (Asia/Tashkent, UTC+5)');
    expect(formatSessionTime(header({ timeZone: 'Asia/Kathmandu' }))).toBe(
      '26 July 2024, 15:45–18:15 (Asia/Kathmandu, UTC+5:45)',
    );
    // Across midnight in the zone: both dates.
    expect(formatSessionTime(header({ startsAt: '2024-07-26T17:00:00Z', endsAt: '2024-07-26T20:00:00Z' }))).toBe(
      '26 July 2024, 22:00 – 27 July 2024, 01:00 (Asia/Tashkent, UTC+5)',
    );
    // Across a DST change: both offsets.
    expect(
      formatSessionTime(
        header({ timeZone: 'Europe/Berlin', startsAt: '2024-10-27T00:00:00Z', endsAt: '2024-10-27T03:00:00Z' }),
      ),
    ).toBe('27 October 2024, 02:00–04:00 (Europe/Berlin, UTC+2 → UTC+1)');
    // A zone the database does not know: UTC, said so.
    expect(formatSessionTime(header({ timeZone: 'Mars/Olympus' }))).toBe('26 July 2024, 10:00–12:30 (UTC, UTC+0)');
  });

  it('formats durations', () => {
    expect(formatHoursMinutes(5400)).toBe('1:30');
    expect(formatHoursMinutes(125)).toBe('0:02');
    expect(formatHoursMinutes(59)).toBe('0:00');
    expect(formatHoursMinutes(36000)).toBe('10:00');
    expect(formatHoursMinutes(null)).toBe('—');
    expect(formatDuration(45, 'en')).toBe('45 s');
    expect(formatDuration(260, 'en')).toBe('4 min 20 s');
    expect(formatDuration(180, 'en')).toBe('3 min');
    expect(formatDuration(3725, 'ru')).toBe('1 ч 02 мин');
    expect(speakerSummary(1, 95, 'en')).toBe('1 turn, 1 min 35 s');
    expect(speakerSummary(1, 95, 'ru')).toBe('1 выступление, 1 мин 35 с');
    expect(speakerSummary(3, 95, 'ru')).toBe('3 выступления, 1 мин 35 с');
    expect(speakerSummary(11, 95, 'ru')).toBe('11 выступлений, 1 мин 35 с');
  });

  it('words a vote: choices translated, options as given, outcomes and a missing quorum', () => {
    expect(
      formatVote({ tally: { abstain: 1, no: 2, yes: 3 }, votesCast: 6, quorumReached: true, outcome: 'adopted' }, 'en'),
    ).toBe('Yes 3 · No 2 · Abstain 1 — votes cast: 6 — Result: Adopted');
    expect(
      formatVote({ tally: { yes: 1, no: 1 }, votesCast: 2, quorumReached: false, outcome: 'no_quorum' }, 'ru'),
    ).toBe('За 1 · Против 1 — подано голосов: 2 — Итог: Нет кворума');
    expect(formatVote({ tally: { A: 2, B: 2 }, votesCast: 4, quorumReached: false, outcome: 'tie' }, 'en')).toBe(
      'A: 2 · B: 2 — votes cast: 4 — Result: Tie (without quorum)',
    );
  });
});
