import { DomainException, NotFoundDomainException } from '@kengash/api-core';
import { ErrorCode, NotificationPreferences } from '@kengash/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { NotificationPreferenceEntity } from './notification.entity';
import { DEFAULT_WORKING_HOURS, mergeChannels, StoredChannels } from './preferences';

export type NotificationPreferencesInput = Omit<NotificationPreferences, 'channels'> & { channels: StoredChannels };

interface WorkingHoursRow {
  start: string | null;
  end: string | null;
}

/** Notification channels and digest (`notification_preferences`), working hours (columns of `users`). */
@Injectable()
export class NotificationPreferencesService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async get(userId: string): Promise<NotificationPreferences> {
    const [stored, hours] = await Promise.all([
      this.db.getRepository(NotificationPreferenceEntity).findOne({ where: { userId } }),
      this.db.query<WorkingHoursRow[]>(
        `SELECT working_hours_start AS start, working_hours_end AS "end" FROM users WHERE id = $1`,
        [userId],
      ),
    ]);
    if (!hours.length) throw new NotFoundDomainException('The person');
    return {
      channels: mergeChannels(stored?.channels),
      dailyDigest: stored?.dailyDigest ?? false,
      workingHours: {
        start: hours[0].start ?? DEFAULT_WORKING_HOURS.start,
        end: hours[0].end ?? DEFAULT_WORKING_HOURS.end,
      },
    };
  }

  /** Replaces the preferences (kinds left out take their defaults). */
  async put(userId: string, prefs: NotificationPreferencesInput): Promise<NotificationPreferences> {
    if (prefs.workingHours.start >= prefs.workingHours.end) {
      throw new DomainException(ErrorCode.ValidationFailed, 'Working hours end before they start', [
        { field: 'workingHours.end', messages: ['end must be later than start'] },
      ]);
    }
    const channels = mergeChannels(prefs.channels);
    await this.db.transaction(async (manager) => {
      await manager
        .createQueryBuilder()
        .insert()
        .into(NotificationPreferenceEntity)
        .values({ userId, channels, dailyDigest: prefs.dailyDigest })
        .orUpdate(['channels', 'daily_digest'], ['user_id'])
        .execute();
      await manager.query(`UPDATE users SET working_hours_start = $1, working_hours_end = $2 WHERE id = $3`, [
        prefs.workingHours.start,
        prefs.workingHours.end,
        userId,
      ]);
    });
    return this.get(userId);
  }
}
