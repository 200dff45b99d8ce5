import { LIVE_LIMITS, LivePerson, PresenceDelta } from '@kengash/contracts';
import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { INSTANCE_STALE_SECONDS, MeetingService } from './meeting.service';
import { Audience, personFor, returned } from './people';

const HEARTBEAT_MS = 5_000;

interface Pending {
  sessionId: string;
  joined: Set<string>;
  left: Set<string>;
  timer: NodeJS.Timeout;
}

export type PresenceEmitter = (meetingId: string, audience: Audience, delta: PresenceDelta) => void;

/**
 * Presence of this API instance: the instance's heartbeat row (open spans of a dead instance stop counting
 * after {@link INSTANCE_STALE_SECONDS} and are closed by the survivors) and the coalescing of presence
 * changes into at most one batch per room per 250 ms, so presence traffic grows with N, not N².
 */
@Injectable()
export class PresenceService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(PresenceService.name);
  readonly instanceId = randomUUID();
  private readonly pending = new Map<string, Pending>();
  private heartbeat?: NodeJS.Timeout;
  private emitter: PresenceEmitter | null = null;
  private stopped = false;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly meetings: MeetingService,
  ) {}

  setEmitter(emitter: PresenceEmitter): void {
    this.emitter = emitter;
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.db.query(
      `INSERT INTO live_instances (id, started_at, seen_at) VALUES ($1, now(), now())
       ON CONFLICT (id) DO UPDATE SET seen_at = now()`,
      [this.instanceId],
    );
    this.heartbeat = setInterval(() => void this.beat(), HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  /** Marks this instance alive and closes the spans of instances that stopped beating (a crash, kill -9). */
  private async beat(): Promise<void> {
    if (this.stopped) return;
    try {
      await this.db.query(
        `INSERT INTO live_instances (id, started_at, seen_at) VALUES ($1, now(), now())
         ON CONFLICT (id) DO UPDATE SET seen_at = now()`,
        [this.instanceId],
      );
      const closed = returned<{ meeting_id: string; user_id: string; session_id: string }>(
        await this.db.query(
          `WITH dead AS (
           DELETE FROM live_instances WHERE seen_at < now() - make_interval(secs => $1) AND id <> $2
           RETURNING id, seen_at)
         UPDATE meeting_attendance a SET left_at = greatest(d.seen_at, a.joined_at)
           FROM dead d, meetings m
          WHERE a.instance_id = d.id AND a.left_at IS NULL AND m.id = a.meeting_id
         RETURNING a.meeting_id, a.user_id, m.session_id`,
          [INSTANCE_STALE_SECONDS * 2, this.instanceId],
        ),
      );
      for (const c of closed) this.left(c.meeting_id, c.session_id, c.user_id);
      if (closed.length) this.logger.warn(`Closed ${closed.length} attendance span(s) of a stopped API instance`);
    } catch (error) {
      if (!this.stopped) this.logger.warn({ err: error }, 'Live heartbeat failed');
    }
  }

  joined(meetingId: string, sessionId: string, userId: string): void {
    const p = this.batch(meetingId, sessionId);
    p.left.delete(userId);
    p.joined.add(userId);
  }

  left(meetingId: string, sessionId: string, userId: string): void {
    const p = this.batch(meetingId, sessionId);
    p.joined.delete(userId);
    p.left.add(userId);
  }

  private batch(meetingId: string, sessionId: string): Pending {
    let p = this.pending.get(meetingId);
    if (!p) {
      p = {
        sessionId,
        joined: new Set(),
        left: new Set(),
        timer: setTimeout(() => void this.flush(meetingId), LIVE_LIMITS.presenceBatchMs),
      };
      this.pending.set(meetingId, p);
    }
    return p;
  }

  private async flush(meetingId: string): Promise<void> {
    const p = this.pending.get(meetingId);
    this.pending.delete(meetingId);
    if (!p || this.stopped || !this.emitter) return;
    try {
      // Someone who left one tab but is still in through another (or another instance) has not left.
      const still = await this.meetings.stillPresent(meetingId, [...p.left]);
      const left = [...p.left].filter((id) => !still.has(id));
      const people = await this.meetings.people(this.db.manager, p.sessionId, [...p.joined]);
      const quorum = await this.meetings.openPollQuorum(meetingId, p.sessionId);
      if (!people.size && !left.length) return;
      for (const audience of ['full', 'observer'] as const) {
        const joined: LivePerson[] = [...people.values()].map((person) => personFor(person, audience));
        this.emitter(meetingId, audience, {
          sessionId: p.sessionId,
          joined,
          left,
          ...(quorum ? { quorum } : {}),
        });
      }
    } catch (error) {
      if (!this.stopped) this.logger.warn({ err: error, meetingId }, 'Presence batch failed');
    }
  }

  /** On shutdown: close this instance's open spans so attendance ends now, not at the next sweep. */
  async closeAll(): Promise<void> {
    this.stopped = true;
    for (const p of this.pending.values()) clearTimeout(p.timer);
    this.pending.clear();
    if (this.heartbeat) clearInterval(this.heartbeat);
    try {
      await this.db.query(`UPDATE meeting_attendance SET left_at = now() WHERE instance_id = $1 AND left_at IS NULL`, [
        this.instanceId,
      ]);
      await this.db.query(`DELETE FROM live_instances WHERE id = $1`, [this.instanceId]);
    } catch (error) {
      this.logger.warn({ err: error }, 'Could not close live attendance on shutdown');
    }
  }

  onModuleDestroy(): void {
    this.stopped = true;
    if (this.heartbeat) clearInterval(this.heartbeat);
    for (const p of this.pending.values()) clearTimeout(p.timer);
  }
}
