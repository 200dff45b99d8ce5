import { DomainException } from '@kengash/api-core';
import { ErrorCode, SlotFinderResponse, SlotView } from '@kengash/contracts';
import { utcToZoned, zonedToUtc } from '@kengash/util-time';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { UserEntity } from '@kengash/api-identity';
import { occurrences } from './recurrence/recurrence';
import { SessionEntity } from './session.entity';
import { SessionService } from './session.service';
import { SlotFinderDto } from './session.dto';

interface Person {
  id: string;
  zone: string;
  start: string; // HH:mm
  end: string;
  busy: { from: number; to: number }[];
}

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Whether [startsAt, endsAt) lies inside the person's working hours on one local day of their own zone. */
export function insideWorkingHours(startsAt: Date, endsAt: Date, zone: string, start: string, end: string): boolean {
  const a = utcToZoned(startsAt, zone);
  const b = utcToZoned(new Date(endsAt.getTime() - 1), zone);
  if (a.slice(0, 10) !== b.slice(0, 10)) return false;
  const from = minutes(a.slice(11));
  const to = minutes(utcToZoned(endsAt, zone).slice(11)) || 24 * 60;
  return from >= minutes(start) && to <= minutes(end);
}

/**
 * Proposes start times inside every invitee's working hours (their own zone; default 09:00–18:00) and outside
 * their other sessions. When no slot suits everyone, the best partial slots come back, ranked by how many
 * people are available.
 */
@Injectable()
export class SlotFinderService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly sessions: SessionService,
  ) {}

  async find(input: SlotFinderDto): Promise<SlotFinderResponse> {
    if (input.toDate < input.fromDate)
      throw new DomainException(ErrorCode.ValidationFailed, 'The range is not valid', [
        { field: 'toDate', messages: ['must not be before fromDate'] },
      ]);
    const from = zonedToUtc(`${input.fromDate}T00:00`, input.timeZone);
    const to = zonedToUtc(`${input.toDate}T23:59`, input.timeZone);
    if (to.getTime() - from.getTime() > 31 * 86_400_000) {
      throw new DomainException(ErrorCode.ValidationFailed, 'The range is too long', [
        { field: 'toDate', messages: ['at most 31 days after fromDate'] },
      ]);
    }
    const users = await this.db.getRepository(UserEntity).find({ where: { id: In(input.inviteeIds) } });
    if (users.length !== new Set(input.inviteeIds).size)
      throw new DomainException(ErrorCode.ValidationFailed, 'Unknown invitee', [
        { field: 'inviteeIds', messages: ['must name existing people'] },
      ]);
    const people: Person[] = [];
    for (const u of users) {
      const ids: string[] = (
        await this.db.query(`SELECT session_id FROM invitations WHERE user_id = $1 AND rsvp <> 'declined'`, [u.id])
      ).map((r: { session_id: string }) => r.session_id);
      const theirs = ids.length ? await this.db.getRepository(SessionEntity).find({ where: { id: In(ids) } }) : [];
      const busy: Person['busy'] = [];
      for (const s of theirs) {
        if (s.status === 'cancelled') continue;
        for (const o of occurrences(await this.sessions.spec(s), from, to))
          busy.push({ from: o.startsAt.getTime(), to: o.endsAt.getTime() });
      }
      people.push({ id: u.id, zone: u.timeZone, start: u.workingHoursStart, end: u.workingHoursEnd, busy });
    }
    const step = (input.stepMinutes ?? 30) * 60_000;
    const duration = input.durationMinutes * 60_000;
    const zones = [...new Set(people.map((p) => p.zone))];
    const candidates: SlotView[] = [];
    const first = Math.ceil(Math.max(from.getTime(), Date.now()) / step) * step;
    for (let t = first; t + duration <= to.getTime(); t += step) {
      const startsAt = new Date(t);
      const endsAt = new Date(t + duration);
      const available = people.filter(
        (p) =>
          insideWorkingHours(startsAt, endsAt, p.zone, p.start, p.end) &&
          !p.busy.some((b) => b.from < endsAt.getTime() && b.to > startsAt.getTime()),
      ).length;
      if (!available) continue;
      candidates.push({
        startsAt: startsAt.toISOString(),
        endsAt: endsAt.toISOString(),
        insideWorkingHours: available,
        total: people.length,
        local: zones.map((zone) => ({ zone, time: utcToZoned(startsAt, zone) })),
      });
    }
    const everyone = candidates.filter((c) => c.insideWorkingHours === c.total);
    const ranked = (everyone.length ? everyone : candidates).sort(
      (a, b) => b.insideWorkingHours - a.insideWorkingHours || a.startsAt.localeCompare(b.startsAt),
    );
    return { slots: ranked.slice(0, input.limit ?? 10) };
  }
}
