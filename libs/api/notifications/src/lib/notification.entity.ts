import { UserEntity } from '@kengash/api-identity';
import { NotificationChannel, NotificationKind } from '@kengash/contracts';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
} from 'typeorm';

/**
 * One notification for one person, written in their language when it was made. `in_app = false` rows are
 * kept only for the daily digest (the person turned in-app off for the kind but wants it by e-mail): they
 * are never listed. `email_sent_at` is set once the notification went out by e-mail (alone or in a digest).
 */
@Entity({ name: 'notifications' })
@Index(['userId', 'createdAt'])
export class NotificationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @Column({ type: 'text' })
  kind!: NotificationKind;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text' })
  body!: string;

  @Column({ type: 'text', nullable: true })
  link!: string | null;

  @Column({ name: 'in_app', type: 'boolean', default: true })
  inApp!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'read_at', type: 'timestamptz', nullable: true })
  readAt!: Date | null;

  @Column({ name: 'email_sent_at', type: 'timestamptz', nullable: true })
  emailSentAt!: Date | null;
}

/** Stored choices; missing kinds take the defaults (`preferences.ts`). Working hours live on `users`. */
@Entity({ name: 'notification_preferences' })
export class NotificationPreferenceEntity {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  /** kind → channel → on/off */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  channels!: Partial<Record<NotificationKind, Partial<Record<NotificationChannel, boolean>>>>;

  @Column({ name: 'daily_digest', type: 'boolean', default: false })
  dailyDigest!: boolean;

  @Column({ name: 'last_digest_at', type: 'timestamptz', nullable: true })
  lastDigestAt!: Date | null;
}
