import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export type GlobalRole = 'admin' | 'secretariat' | 'focal_point' | 'member' | 'practitioner' | 'observer';
export type UserStatus = 'invited' | 'active' | 'disabled';

/** A person with an account. Credentials, 2FA and SSO links are added by the identity issue. */
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

  /** Part of the shipped demo data (fictional person). */
  @Column({ type: 'boolean', default: false })
  demo!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
