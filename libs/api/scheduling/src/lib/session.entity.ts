import { SessionAudience, SessionFormat, SessionStatus } from '@kengash/contracts';
import { Column, CreateDateColumn, Entity, JoinTable, ManyToMany, OneToMany, PrimaryGeneratedColumn } from 'typeorm';
import { WorkingGroupEntity } from '@kengash/api-council';
import { AgendaItemEntity } from './agenda-item.entity';

/** A working-group session (meeting) or a network event: an instant in UTC plus the organiser's IANA zone. */
@Entity({ name: 'sessions' })
export class SessionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text', nullable: true })
  description!: string | null;

  @Column({ name: 'organiser_id', type: 'uuid', nullable: true })
  organiserId!: string | null;

  @Column({ name: 'online_room', type: 'text', nullable: true })
  onlineRoom!: string | null;

  @Column({ type: 'int', nullable: true })
  capacity!: number | null;

  /** RFC 5545 SEQUENCE: incremented on every change people must see in their calendars. */
  @Column({ type: 'int', default: 0 })
  sequence!: number;

  /** Original starts of cancelled occurrences of a series (EXDATE). */
  @Column({ type: 'timestamptz', array: true, default: () => "'{}'" })
  exdates!: Date[];

  @Column({ type: 'text' })
  format!: SessionFormat;

  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt!: Date;

  @Column({ name: 'ends_at', type: 'timestamptz' })
  endsAt!: Date;

  @Column({ name: 'time_zone', type: 'text' })
  timeZone!: string;

  @Column({ type: 'text', nullable: true })
  rrule!: string | null;

  @Column({ type: 'text', nullable: true })
  location!: string | null;

  @Column({ type: 'text', default: 'scheduled' })
  status!: SessionStatus;

  @Column({ type: 'boolean', default: false })
  demo!: boolean;

  /** `groups`: its groups' members and invitees; `network`: a network event, open to the whole network. */
  @Column({ type: 'text', default: 'groups' })
  audience!: SessionAudience;

  @ManyToMany(() => WorkingGroupEntity)
  @JoinTable({
    name: 'session_groups',
    joinColumn: { name: 'session_id', referencedColumnName: 'id' },
    inverseJoinColumn: { name: 'group_id', referencedColumnName: 'id' },
  })
  groups?: WorkingGroupEntity[];

  @OneToMany(() => AgendaItemEntity, (item) => item.session)
  agenda?: AgendaItemEntity[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
