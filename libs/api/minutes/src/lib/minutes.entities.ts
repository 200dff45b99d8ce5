import { UserEntity } from '@kengash/api-identity';
import { SessionEntity } from '@kengash/api-scheduling';
import type {
  AmendmentStatus,
  MinutesApprovalVote,
  MinutesContent,
  MinutesFace,
  MinutesStatus,
  MinutesVisibility,
} from '@kengash/contracts';
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
 * A minutes document of a session: one face (the full record, or the public summary), one cycle
 * draft → circulated → approved. Approved documents never change; a correction is a new document.
 */
@Entity({ name: 'minutes_documents' })
@Index(['sessionId', 'face'])
export class MinutesDocumentEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'session_id', type: 'uuid' })
  sessionId!: string;

  @ManyToOne(() => SessionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id' })
  session?: SessionEntity;

  /** The live meeting it was drafted from (null when written by hand). */
  @Column({ name: 'meeting_id', type: 'uuid', nullable: true })
  meetingId!: string | null;

  @Column({ type: 'text' })
  face!: MinutesFace;

  @Column({ type: 'text', default: 'draft' })
  status!: MinutesStatus;

  /** The number of the current version (optimistic concurrency). */
  @Column({ name: 'current_version', type: 'int', default: 1 })
  currentVersion!: number;

  @Column({ name: 'content_hash', type: 'text', nullable: true })
  contentHash!: string | null;

  @Column({ name: 'circulated_at', type: 'timestamptz', nullable: true })
  circulatedAt!: Date | null;

  @Column({ name: 'approved_at', type: 'timestamptz', nullable: true })
  approvedAt!: Date | null;

  @Column({ name: 'approved_by', type: 'uuid', nullable: true })
  approvedBy!: string | null;

  /** The approved document this one corrects. */
  /** `group` for the full record; `council` (default) or `public` for a public summary. */
  @Column({ type: 'text', default: 'council' })
  visibility!: MinutesVisibility;

  /** Set when a later session's meeting approved these minutes by a vote. */
  @Column({ name: 'approval_vote', type: 'jsonb', nullable: true })
  approvalVote!: MinutesApprovalVote | null;

  @Column({ name: 'corrects_id', type: 'uuid', nullable: true })
  correctsId!: string | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

/** Every saved version, kept for ever. */
@Entity({ name: 'minutes_versions' })
export class MinutesVersionEntity {
  @PrimaryColumn({ name: 'document_id', type: 'uuid' })
  documentId!: string;

  @PrimaryColumn({ type: 'int' })
  number!: number;

  @ManyToOne(() => MinutesDocumentEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'document_id' })
  document?: MinutesDocumentEntity;

  @Column({ type: 'jsonb' })
  content!: MinutesContent;

  @Column({ name: 'author_id', type: 'uuid', nullable: true })
  authorId!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'author_id' })
  author?: UserEntity | null;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

/** A change proposed by an attendee of record while the minutes circulate; the chair accepts or rejects it. */
@Entity({ name: 'minutes_amendments' })
@Index(['documentId'])
export class MinutesAmendmentEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'document_id', type: 'uuid' })
  documentId!: string;

  @ManyToOne(() => MinutesDocumentEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'document_id' })
  document?: MinutesDocumentEntity;

  @Column({ name: 'item_key', type: 'text' })
  itemKey!: string;

  @Column({ name: 'proposed_notes', type: 'text' })
  proposedNotes!: string;

  @Column({ type: 'text' })
  reason!: string;

  @Column({ name: 'proposer_id', type: 'uuid' })
  proposerId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'proposer_id' })
  proposer?: UserEntity;

  @Column({ type: 'text', default: 'proposed' })
  status!: AmendmentStatus;

  @Column({ name: 'decided_by', type: 'uuid', nullable: true })
  decidedBy!: string | null;

  @Column({ name: 'decision_note', type: 'text', nullable: true })
  decisionNote!: string | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  @Column({ name: 'resulting_version', type: 'int', nullable: true })
  resultingVersion!: number | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

/** A comment on draft or circulated minutes, on the whole or on one item. */
@Entity({ name: 'minutes_comments' })
@Index(['documentId'])
export class MinutesCommentEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'document_id', type: 'uuid' })
  documentId!: string;

  @ManyToOne(() => MinutesDocumentEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'document_id' })
  document?: MinutesDocumentEntity;

  @Column({ name: 'item_key', type: 'text', nullable: true })
  itemKey!: string | null;

  @Column({ name: 'author_id', type: 'uuid' })
  authorId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'author_id' })
  author?: UserEntity;

  @Column({ type: 'text' })
  body!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

export const MINUTES_ENTITIES = [
  MinutesDocumentEntity,
  MinutesVersionEntity,
  MinutesAmendmentEntity,
  MinutesCommentEntity,
];
