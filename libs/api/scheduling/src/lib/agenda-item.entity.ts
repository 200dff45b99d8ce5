import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from '@kengash/api-identity';
import type { SessionEntity } from './session.entity';

@Entity({ name: 'agenda_items' })
@Index(['sessionId', 'position'], { unique: true })
export class AgendaItemEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'session_id', type: 'uuid' })
  sessionId!: string;

  // Named by string: session.entity imports this file, so a class reference here would be a cycle.
  @ManyToOne('SessionEntity', 'agenda', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id' })
  session?: SessionEntity;

  @Column({ type: 'int' })
  position!: number;

  @Column({ type: 'text' })
  title!: string;

  @Column({ name: 'presenter_id', type: 'uuid', nullable: true })
  presenterId!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'presenter_id' })
  presenter?: UserEntity | null;

  @Column({ name: 'minutes_allotted', type: 'int' })
  minutesAllotted!: number;

  /** Attached documents (name and link). */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  documents!: { name: string; url: string }[];
}
