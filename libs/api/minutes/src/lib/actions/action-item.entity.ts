import { WorkingGroupEntity, WorkPlanItemEntity } from '@kengash/api-council';
import { UserEntity } from '@kengash/api-identity';
import { SessionEntity } from '@kengash/api-scheduling';
import type { ActionItemStatus } from '@kengash/contracts';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { MinutesDocumentEntity } from '../minutes.entities';

/**
 * Something a session decided someone should do: an owner, a due date and a status, in one working group.
 * `version` is for optimistic concurrency; `reminded_*_at` record that the owner was told (once per kind).
 */
@Entity({ name: 'action_items' })
@Index(['groupId', 'status'])
@Index(['ownerId'])
@Index(['sessionId'])
export class ActionItemEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  title!: string;

  @Column({ name: 'group_id', type: 'uuid' })
  groupId!: string;

  @ManyToOne(() => WorkingGroupEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'group_id' })
  group?: WorkingGroupEntity;

  /** Where it was decided. */
  @Column({ name: 'session_id', type: 'uuid', nullable: true })
  sessionId!: string | null;

  @ManyToOne(() => SessionEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'session_id' })
  session?: SessionEntity | null;

  /** The decision it comes from: a minutes document, the item's key in it, the decision's index there. */
  @Column({ name: 'minutes_id', type: 'uuid', nullable: true })
  minutesId!: string | null;

  @ManyToOne(() => MinutesDocumentEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'minutes_id' })
  minutes?: MinutesDocumentEntity | null;

  @Column({ name: 'item_key', type: 'text', nullable: true })
  itemKey!: string | null;

  @Column({ name: 'decision_index', type: 'int', nullable: true })
  decisionIndex!: number | null;

  @Column({ name: 'owner_id', type: 'uuid' })
  ownerId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'owner_id' })
  owner?: UserEntity;

  @Column({ name: 'due_date', type: 'date' })
  dueDate!: string;

  @Column({ type: 'text', default: 'open' })
  status!: ActionItemStatus;

  @Column({ name: 'work_plan_item_id', type: 'uuid', nullable: true })
  workPlanItemId!: string | null;

  @ManyToOne(() => WorkPlanItemEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'work_plan_item_id' })
  workPlanItem?: WorkPlanItemEntity | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by' })
  creator?: UserEntity | null;

  @Column({ type: 'int', default: 1 })
  version!: number;

  /** The owner was reminded that the due date is near (claimed by the reminder sweep, once). */
  @Column({ name: 'reminded_due_at', type: 'timestamptz', nullable: true })
  remindedDueAt!: Date | null;

  /** The owner was told it is overdue (once). */
  @Column({ name: 'reminded_overdue_at', type: 'timestamptz', nullable: true })
  remindedOverdueAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

export const ACTION_ENTITIES = [ActionItemEntity];
