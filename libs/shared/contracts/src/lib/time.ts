/**
 * The cities every session page shows (product brief §4): the five capitals and the partners'.
 * Astana has no zone of its own: it uses Asia/Almaty (tz data 2024a or later: UTC+5).
 */
export interface WorldCity {
  key: string;
  zone: string;
}

export const COUNCIL_CITIES: readonly WorldCity[] = [
  { key: 'astana', zone: 'Asia/Almaty' },
  { key: 'bishkek', zone: 'Asia/Bishkek' },
  { key: 'dushanbe', zone: 'Asia/Dushanbe' },
  { key: 'ashgabat', zone: 'Asia/Ashgabat' },
  { key: 'tashkent', zone: 'Asia/Tashkent' },
  { key: 'new_york', zone: 'America/New_York' },
  { key: 'vienna', zone: 'Europe/Vienna' },
  { key: 'brussels', zone: 'Europe/Brussels' },
  { key: 'geneva', zone: 'Europe/Zurich' },
];

/** POST /api/time/world-clock */
export interface WorldClockRequest {
  /** An instant in ISO 8601 with an offset or `Z`, e.g. `2024-07-26T10:00:00Z`. */
  instant: string;
  /** IANA zones to show; defaults to the council's cities. At most 20. */
  zones?: string[];
}

export interface WorldClockEntry {
  zone: string;
  /** Local wall time, `yyyy-mm-ddTHH:mm` */
  local: string;
  /** Offset from UTC in minutes at that instant (e.g. 300 for UTC+5). */
  offsetMinutes: number;
}

export interface WorldClockResponse {
  instant: string;
  entries: WorldClockEntry[];
}
