import { WorkingGroupEntity } from '@kengash/api-council';
import { UserEntity } from '@kengash/api-identity';
import type {
  CountryCode,
  EvidenceLevel,
  PracticeLanguage,
  PracticeSource,
  PracticeStatus,
  PracticeTheme,
  PracticeVisibility,
  TargetGroup,
  TranslationStatus,
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
  UpdateDateColumn,
} from 'typeorm';

/** A best-practice entry: the language-independent facts; texts live in its translations. */
@Entity({ name: 'practices' })
@Index(['status', 'visibility'])
export class PracticeEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text', default: 'draft' })
  status!: PracticeStatus;

  /** Set on publication. */
  @Column({ type: 'text', nullable: true })
  visibility!: PracticeVisibility | null;

  @Column({ name: 'original_locale', type: 'text' })
  originalLocale!: PracticeLanguage;

  @Column({ type: 'text', nullable: true })
  country!: CountryCode | null;

  /** GIN-indexed by the migration for `themes @> ARRAY[...]`. */
  @Index('IDX_practices_themes', { synchronize: false })
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  themes!: PracticeTheme[];

  @Column({ name: 'target_groups', type: 'text', array: true, default: () => "'{}'" })
  targetGroups!: TargetGroup[];

  @Column({ type: 'text', default: '' })
  approach!: string;

  @Column({ type: 'text' })
  evidence!: EvidenceLevel;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  sources!: PracticeSource[];

  @Column({ name: 'group_id', type: 'uuid', nullable: true })
  groupId!: string | null;

  @ManyToOne(() => WorkingGroupEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'group_id' })
  group?: WorkingGroupEntity | null;

  @Column({ name: 'author_id', type: 'uuid', nullable: true })
  authorId!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'author_id' })
  author?: UserEntity | null;

  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true })
  submittedAt!: Date | null;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;

  @Column({ name: 'archived_at', type: 'timestamptz', nullable: true })
  archivedAt!: Date | null;

  @Column({ type: 'int', default: 0 })
  views!: number;

  @Column({ type: 'int', default: 1 })
  version!: number;

  @Column({ type: 'boolean', default: false })
  demo!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

/**
 * One language of an entry. `search_vector` is written by the service on every save with the language's
 * text-search configuration (`search_config`: english, russian or simple); its GIN index is created by the
 * migration (TypeORM cannot declare GIN indexes).
 */
@Entity({ name: 'practice_translations' })
export class PracticeTranslationEntity {
  @PrimaryColumn({ name: 'practice_id', type: 'uuid' })
  practiceId!: string;

  @ManyToOne(() => PracticeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'practice_id' })
  practice?: PracticeEntity;

  @PrimaryColumn({ type: 'text' })
  locale!: PracticeLanguage;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text', default: '' })
  summary!: string;

  /** Sanitised HTML. */
  @Column({ type: 'text', default: '' })
  body!: string;

  /** The body's text, for snippets. */
  @Column({ name: 'body_text', type: 'text', default: '' })
  bodyText!: string;

  @Column({ type: 'text' })
  status!: TranslationStatus;

  @Column({ name: 'search_config', type: 'text' })
  searchConfig!: 'english' | 'russian' | 'simple';

  @Index('IDX_practice_translations_search', { synchronize: false })
  @Column({ name: 'search_vector', type: 'tsvector', nullable: true, select: false })
  searchVector!: string | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

@Entity({ name: 'practice_related' })
export class PracticeRelatedEntity {
  @PrimaryColumn({ name: 'practice_id', type: 'uuid' })
  practiceId!: string;

  @ManyToOne(() => PracticeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'practice_id' })
  practice?: PracticeEntity;

  @PrimaryColumn({ name: 'related_id', type: 'uuid' })
  relatedId!: string;

  @ManyToOne(() => PracticeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'related_id' })
  related?: PracticeEntity;
}

@Entity({ name: 'practice_reviewers' })
export class PracticeReviewerEntity {
  @PrimaryColumn({ name: 'practice_id', type: 'uuid' })
  practiceId!: string;

  @ManyToOne(() => PracticeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'practice_id' })
  practice?: PracticeEntity;

  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  @Index()
  userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @Column({ name: 'assigned_by', type: 'uuid', nullable: true })
  assignedBy!: string | null;

  @CreateDateColumn({ name: 'assigned_at', type: 'timestamptz' })
  assignedAt!: Date;
}

@Entity({ name: 'practice_comments' })
@Index(['practiceId', 'createdAt'])
export class PracticeCommentEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'practice_id', type: 'uuid' })
  practiceId!: string;

  @ManyToOne(() => PracticeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'practice_id' })
  practice?: PracticeEntity;

  @Column({ name: 'author_id', type: 'uuid', nullable: true })
  authorId!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'author_id' })
  author?: UserEntity | null;

  @Column({ type: 'text' })
  kind!: 'review' | 'discussion';

  @Column({ type: 'text' })
  body!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

/** "Used this in my work": one per person and entry. */
@Entity({ name: 'practice_endorsements' })
export class PracticeEndorsementEntity {
  @PrimaryColumn({ name: 'practice_id', type: 'uuid' })
  practiceId!: string;

  @ManyToOne(() => PracticeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'practice_id' })
  practice?: PracticeEntity;

  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

/** A file attached to an entry, stored outside the web root under a generated key. */
@Entity({ name: 'practice_attachments' })
@Index(['practiceId', 'uploadedAt'])
export class PracticeAttachmentEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'practice_id', type: 'uuid' })
  practiceId!: string;

  @ManyToOne(() => PracticeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'practice_id' })
  practice?: PracticeEntity;

  /** The name the uploader gave (shown and offered on download; never used as a path). */
  @Column({ name: 'file_name', type: 'text' })
  fileName!: string;

  /** The type found from the file's content (magic bytes), not the one the client claimed. */
  @Column({ name: 'content_type', type: 'text' })
  contentType!: string;

  @Column({ type: 'bigint', transformer: { to: (v: number) => v, from: (v: string | number) => Number(v) } })
  size!: number;

  @Column({ type: 'text' })
  sha256!: string;

  /** Where the bytes are: a generated key in the configured storage (local folder or S3 bucket). */
  @Column({ name: 'storage_key', type: 'text' })
  storageKey!: string;

  @Column({ name: 'uploaded_by', type: 'uuid', nullable: true })
  uploadedBy!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'uploaded_by' })
  uploader?: UserEntity | null;

  @CreateDateColumn({ name: 'uploaded_at', type: 'timestamptz' })
  uploadedAt!: Date;
}

export const PRACTICE_ENTITIES = [
  PracticeEntity,
  PracticeTranslationEntity,
  PracticeRelatedEntity,
  PracticeReviewerEntity,
  PracticeCommentEntity,
  PracticeEndorsementEntity,
  PracticeAttachmentEntity,
];
