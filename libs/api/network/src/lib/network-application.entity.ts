import {
  ApplicationStatus,
  CountryCode,
  Locale,
  OrganisationType,
  PracticeLanguage,
  PracticeTheme,
} from '@kengash/contracts';
import { UserEntity } from '@kengash/api-identity';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';

/**
 * An application to the informal network of practitioners and, once accepted, the person's network membership
 * (status, re-vetting date). Who decided what, and when, is also in the audit log.
 */
@Entity({ name: 'network_applications' })
@Index(['country', 'status'])
export class NetworkApplicationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text', default: 'submitted' })
  status!: ApplicationStatus;

  @Column({ type: 'text' })
  name!: string;

  @Index()
  @Column({ type: 'citext' })
  email!: string;

  @Column({ type: 'text', default: 'en' })
  locale!: Locale;

  @Column({ type: 'text' })
  role!: string;

  @Column({ name: 'organisation_type', type: 'text' })
  organisationType!: OrganisationType;

  @Column({ name: 'organisation_name', type: 'text' })
  organisationName!: string;

  @Column({ type: 'char', length: 2 })
  country!: CountryCode;

  @Column({ type: 'text' })
  region!: string;

  @Column({ type: 'text', array: true })
  languages!: PracticeLanguage[];

  @Column({ type: 'text', array: true })
  expertise!: PracticeTheme[];

  @Column({ type: 'text' })
  motivation!: string;

  @Column({ name: 'referee_id', type: 'uuid', nullable: true })
  refereeId!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'referee_id' })
  referee?: UserEntity | null;

  @Column({ name: 'consent_version', type: 'text' })
  consentVersion!: string;

  @Column({ name: 'consent_at', type: 'timestamptz' })
  consentAt!: Date;

  /** SHA-256 (hex) of the status link's token; the token itself is only in the applicant's e-mail. */
  @Column({ name: 'status_token_hash', type: 'text', unique: true })
  statusTokenHash!: string;

  /** The nonce of the form token it came with: one application per form. Null for demo data. */
  @Column({ name: 'form_nonce', type: 'text', unique: true, nullable: true })
  formNonce!: string | null;

  @Column({ name: 'endorsed_by', type: 'uuid', nullable: true })
  endorsedById!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'endorsed_by' })
  endorsedBy?: UserEntity | null;

  @Column({ name: 'endorsed_at', type: 'timestamptz', nullable: true })
  endorsedAt!: Date | null;

  @Column({ name: 'endorsement_note', type: 'text', nullable: true })
  endorsementNote!: string | null;

  @Column({ name: 'decided_by', type: 'uuid', nullable: true })
  decidedById!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'decided_by' })
  decidedBy?: UserEntity | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  @Column({ name: 'decision_reason', type: 'text', nullable: true })
  decisionReason!: string | null;

  /** The applicant may read the reason on their status page and in the outcome e-mail. */
  @Column({ name: 'reason_shareable', type: 'boolean', default: false })
  reasonShareable!: boolean;

  /** The secretariat's note on the last suspension or departure. */
  @Column({ name: 'status_note', type: 'text', nullable: true })
  statusNote!: string | null;

  /** The practitioner account created (invited) on acceptance. */
  @Column({ name: 'user_id', type: 'uuid', nullable: true })
  userId!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity | null;

  /** YYYY-MM-DD: when the membership is to be vetted again. */
  @Column({ name: 'revet_due', type: 'date', nullable: true })
  revetDue!: string | null;

  /** The re-vetting date (YYYY-MM-DD) the secretariat was last reminded of: each due date is reminded once. */
  @Column({ name: 'revet_reminded_for', type: 'date', nullable: true })
  revetRemindedFor!: string | null;

  /** Part of the shipped demo data (fictional person). */
  @Column({ type: 'boolean', default: false })
  demo!: boolean;

  @VersionColumn({ default: 1 })
  version!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
