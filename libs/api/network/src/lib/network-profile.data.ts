import { DEFAULT_FIELD_VISIBILITY } from '@kengash/contracts';
import { EntityManager } from 'typeorm';
import { NetworkApplicationEntity } from './network-application.entity';
import { NetworkProfileEntity } from './network-profile.entity';

/**
 * Creates the profile of an accepted practitioner from their application (minimal default visibility, no phone,
 * the application's e-mail as contact e-mail) unless they have one. Used on acceptance and lazily.
 */
export async function ensureProfileFromApplication(
  tx: EntityManager,
  a: Pick<
    NetworkApplicationEntity,
    | 'userId'
    | 'name'
    | 'role'
    | 'organisationType'
    | 'organisationName'
    | 'country'
    | 'region'
    | 'languages'
    | 'expertise'
    | 'email'
  >,
): Promise<void> {
  if (!a.userId) return;
  await tx
    .createQueryBuilder()
    .insert()
    .into(NetworkProfileEntity)
    .values({
      userId: a.userId,
      name: a.name,
      role: a.role,
      organisationType: a.organisationType,
      organisationName: a.organisationName,
      country: a.country,
      region: a.region,
      languages: [...a.languages],
      expertise: [...a.expertise],
      bio: '',
      phone: '',
      email: a.email,
      label: 'name',
      visibility: { ...DEFAULT_FIELD_VISIBILITY },
    })
    .orIgnore()
    .execute();
}
