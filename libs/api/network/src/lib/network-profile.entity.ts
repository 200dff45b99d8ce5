import {
  ContactField,
  CountryCode,
  FieldVisibility,
  OrganisationType,
  PracticeLanguage,
  PracticeTheme,
  ProfileField,
  ProfileLabel,
} from '@kengash/contracts';
import { UserEntity } from '@kengash/api-identity';
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
  VersionColumn,
} from 'typeorm';

/**
 * A practitioner's network profile: created when the secretariat accepts their application (from its data), and
 * lazily for an accepted practitioner who lacks one. Each field's visibility is the practitioner's choice
 * (`visibility`, field → me/secretariat/council/network); the directory shows a viewer only what it allows.
 */
@Entity({ name: 'network_profiles' })
export class NetworkProfileEntity {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @Column({ type: 'text' })
  name!: string;

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

  @Column({ type: 'text', default: '' })
  bio!: string;

  /** Empty when not given. */
  @Column({ type: 'text', default: '' })
  phone!: string;

  /** The contact e-mail shown to others (may differ from the sign-in e-mail); empty when not given. */
  @Column({ type: 'text', default: '' })
  email!: string;

  @Column({ type: 'text', default: 'name' })
  label!: ProfileLabel;

  /** Every profile field → who may see it. */
  @Column({ type: 'jsonb' })
  visibility!: Record<ProfileField, FieldVisibility>;

  @VersionColumn({ default: 1 })
  version!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

/** One explicit "show contact details" action: who saw whose contact fields, when (shown to the subject). */
@Entity({ name: 'network_contact_views' })
@Index(['subjectId', 'viewedAt'])
@Index(['viewerId', 'viewedAt'])
export class NetworkContactViewEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'viewer_id', type: 'uuid' })
  viewerId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'viewer_id' })
  viewer?: UserEntity;

  @Column({ name: 'subject_id', type: 'uuid' })
  subjectId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'subject_id' })
  subject?: UserEntity;

  @Column({ type: 'text', array: true })
  fields!: ContactField[];

  @CreateDateColumn({ name: 'viewed_at', type: 'timestamptz' })
  viewedAt!: Date;
}
