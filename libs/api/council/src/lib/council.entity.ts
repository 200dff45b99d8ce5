import { LocalizedText } from '@kengash/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity({ name: 'councils' })
export class CouncilEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text', unique: true })
  slug!: string;

  @Column({ type: 'jsonb' })
  name!: LocalizedText;

  @Column({ name: 'default_time_zone', type: 'text', default: 'Asia/Tashkent' })
  defaultTimeZone!: string;

  @Column({ name: 'member_countries', type: 'text', array: true, default: () => "'{KZ,KG,TJ,TM,UZ}'" })
  memberCountries!: string[];

  @Column({ type: 'boolean', default: false })
  demo!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
