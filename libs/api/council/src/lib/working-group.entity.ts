import { GroupVisibility, LocalizedText, WorkingGroupTheme } from '@kengash/contracts';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CouncilEntity } from './council.entity';

@Entity({ name: 'working_groups' })
@Index(['councilId', 'slug'], { unique: true })
export class WorkingGroupEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'council_id', type: 'uuid' })
  councilId!: string;

  @ManyToOne(() => CouncilEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'council_id' })
  council?: CouncilEntity;

  @Column({ type: 'text' })
  slug!: string;

  @Column({ type: 'jsonb' })
  name!: LocalizedText;

  @Column({ type: 'text' })
  theme!: WorkingGroupTheme;

  @Column({ type: 'jsonb' })
  mandate!: LocalizedText;

  @Column({ name: 'period_start', type: 'date' })
  periodStart!: string;

  @Column({ name: 'period_end', type: 'date' })
  periodEnd!: string;

  @Column({ type: 'text', default: GroupVisibility.Council })
  visibility!: GroupVisibility;

  @Column({ name: 'archived_at', type: 'timestamptz', nullable: true })
  archivedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
