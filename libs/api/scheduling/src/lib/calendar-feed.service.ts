import { AuthConfig, DomainException } from '@kengash/api-core';
import { Principal, TokenService } from '@kengash/api-identity';
import { CalendarFeedResponse, ErrorCode } from '@kengash/contracts';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { DataSource, In, IsNull } from 'typeorm';
import { buildCalendar } from './ics/ics';
import { CalendarFeedEntity } from './scheduling.entities';
import { SessionEntity } from './session.entity';
import { SessionService } from './session.service';

/**
 * Personal calendar feeds: `GET /api/calendar/feeds/<token>.ics` with every session the person is invited to.
 * Only a hash of the token is stored, so the URL is shown once, when made; making a new one or revoking ends the
 * old URL (404).
 */
@Injectable()
export class CalendarFeedService {
  private readonly publicUrl: string;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly tokens: TokenService,
    private readonly sessions: SessionService,
    config: ConfigService,
  ) {
    this.publicUrl = config.getOrThrow<AuthConfig>('auth').publicUrl.replace(/\/$/, '');
  }

  async current(principal: Principal): Promise<CalendarFeedResponse> {
    const feed = await this.db
      .getRepository(CalendarFeedEntity)
      .findOne({ where: { userId: principal.userId, revokedAt: IsNull() } });
    return { url: null, createdAt: feed?.createdAt.toISOString() ?? null };
  }

  async renew(principal: Principal): Promise<CalendarFeedResponse> {
    const token = randomBytes(32).toString('base64url');
    const feed = await this.db.transaction(async (tx) => {
      await tx
        .getRepository(CalendarFeedEntity)
        .update({ userId: principal.userId, revokedAt: IsNull() }, { revokedAt: new Date() });
      return tx
        .getRepository(CalendarFeedEntity)
        .save({ userId: principal.userId, tokenHash: this.tokens.hashOpaque(token), revokedAt: null });
    });
    return { url: `${this.publicUrl}/api/calendar/feeds/${token}.ics`, createdAt: feed.createdAt.toISOString() };
  }

  async revoke(principal: Principal): Promise<void> {
    await this.db
      .getRepository(CalendarFeedEntity)
      .update({ userId: principal.userId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }

  async feed(token: string): Promise<string> {
    const feed = await this.db
      .getRepository(CalendarFeedEntity)
      .findOne({ where: { tokenHash: this.tokens.hashOpaque(token.replace(/\.ics$/, '')), revokedAt: IsNull() } });
    if (!feed) throw new DomainException(ErrorCode.NotFound, 'This calendar feed does not exist');
    const ids: string[] = (
      await this.db.query(`SELECT session_id FROM invitations WHERE user_id = $1 AND rsvp <> 'declined'`, [feed.userId])
    ).map((r: { session_id: string }) => r.session_id);
    const sessions = ids.length
      ? await this.db.getRepository(SessionEntity).find({ where: { id: In(ids) }, order: { startsAt: 'ASC' } })
      : [];
    return buildCalendar(await Promise.all(sessions.map((s) => this.sessions.icsSession(s))), { name: 'Kengash' });
  }
}
