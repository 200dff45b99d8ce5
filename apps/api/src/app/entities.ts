import { AUDIT_ENTITIES } from '@kengash/api-audit';
import { COUNCIL_ENTITIES } from '@kengash/api-council';
import { IDENTITY_ENTITIES } from '@kengash/api-identity';
import { LIVE_MEETING_ENTITIES } from '@kengash/api-live-meeting';
import { ACTION_ENTITIES, MINUTES_ENTITIES } from '@kengash/api-minutes';
import { NETWORK_ENTITIES } from '@kengash/api-network';
import { PRACTICE_ENTITIES } from '@kengash/api-practices';
import { NOTIFICATION_ENTITIES } from '@kengash/api-notifications';
import { SCHEDULING_ENTITIES } from '@kengash/api-scheduling';

/** Every TypeORM entity of the API, for the app and the CLI data source. */
export const ENTITIES = [
  ...IDENTITY_ENTITIES,
  ...AUDIT_ENTITIES,
  ...COUNCIL_ENTITIES,
  ...SCHEDULING_ENTITIES,
  ...NOTIFICATION_ENTITIES,
  ...LIVE_MEETING_ENTITIES,
  ...MINUTES_ENTITIES,
  ...ACTION_ENTITIES,
  ...PRACTICE_ENTITIES,
  ...NETWORK_ENTITIES,
];
