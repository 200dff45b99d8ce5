import { Locale } from '@kengash/contracts';
import { UserEntity } from '@kengash/api-identity';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

/** Text in the UI languages: English always, Russian optional. */
export type LocalisedText = Partial<Record<Locale, string>> & { en: string };

/**
 * An announcement of the secretariat to the practitioners' network. It is delivered (in-app and by e-mail, in
 * each person's language) by a background job; `deliveredAt` is set when that job has run.
 */
@Entity({ name: 'network_announcements' })
export class NetworkAnnouncementEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'jsonb' })
  title!: LocalisedText;

  @Column({ type: 'jsonb' })
  body!: LocalisedText;

  @Column({ name: 'author_id', type: 'uuid', nullable: true })
  authorId!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'author_id' })
  author?: UserEntity | null;

  /** The people it was addressed to when it was posted. */
  @Column({ name: 'recipient_ids', type: 'uuid', array: true, default: () => "'{}'" })
  recipientIds!: string[];

  /** How many people it was sent to. */
  @Column({ type: 'int', default: 0 })
  recipients!: number;

  @Column({ name: 'delivered_at', type: 'timestamptz', nullable: true })
  deliveredAt!: Date | null;

  /** Part of the shipped demo data. */
  @Column({ type: 'boolean', default: false })
  demo!: boolean;

  @Index()
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
