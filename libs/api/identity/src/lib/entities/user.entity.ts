import { GlobalRole, UserStatus } from '@kengash/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

/** A person with an account. */
@Entity({ name: 'users' })
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'citext', unique: true })
  email!: string;

  @Column({ name: 'display_name', type: 'text' })
  displayName!: string;

  @Column({ type: 'text', default: 'en' })
  locale!: string;

  @Column({ name: 'time_zone', type: 'text', default: 'Asia/Tashkent' })
  timeZone!: string;

  /** ISO 3166-1 alpha-2, or null for international organisations. */
  @Column({ type: 'char', length: 2, nullable: true })
  country!: string | null;

  @Column({ type: 'text', nullable: true })
  organisation!: string | null;

  @Column({ name: 'global_role', type: 'text', default: 'member' })
  globalRole!: GlobalRole;

  @Column({ type: 'text', default: 'active' })
  status!: UserStatus;

  /** argon2id PHC string (parameters inside); null until the person sets a password (or uses SSO only). */
  @Column({ name: 'password_hash', type: 'text', nullable: true })
  passwordHash!: string | null;

  @Column({ name: 'email_verified_at', type: 'timestamptz', nullable: true })
  emailVerifiedAt!: Date | null;

  /** TOTP seed, encrypted (AES-256-GCM) with the data key; set at enrolment, active once confirmed. */
  @Column({ name: 'totp_secret_enc', type: 'text', nullable: true })
  totpSecretEnc!: string | null;

  @Column({ name: 'totp_enabled_at', type: 'timestamptz', nullable: true })
  totpEnabledAt!: Date | null;

  /** The last accepted TOTP time step: a code is accepted once only. */
  @Column({ name: 'totp_last_step', type: 'bigint', nullable: true })
  totpLastStep!: string | null;

  /** Working hours in the person's own zone (HH:mm), for the slot finder. */
  @Column({ name: 'working_hours_start', type: 'text', default: '09:00' })
  workingHoursStart!: string;

  @Column({ name: 'working_hours_end', type: 'text', default: '18:00' })
  workingHoursEnd!: string;

  @Column({ name: 'last_sign_in_at', type: 'timestamptz', nullable: true })
  lastSignInAt!: Date | null;

  /** Bumped on every change of what the person may do (role, status, 2FA): guards optimistic updates. */
  @VersionColumn({ default: 1 })
  version!: number;

  /**
   * Whether observers (international organisations, read-only participants) see this person's name; when
   * false they see the role, country and organisation only (product brief §5).
   */
  @Column({ name: 'name_visible_to_observers', type: 'boolean', default: true })
  nameVisibleToObservers!: boolean;

  /** Part of the shipped demo data (fictional person). */
  @Column({ type: 'boolean', default: false })
  demo!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
