import {
  ApplicationStatus,
  ContactField,
  CurrentUser,
  FieldVisibility,
  GlobalRole,
  OrganisationType,
  ProfileField,
  ProfileLabel,
} from '@kengash/contracts';
import { _ } from '@ngx-translate/core';

export { COUNTRY_KEYS, injectActiveLocale, LANGUAGE_KEYS, THEME_KEYS as EXPERTISE_KEYS } from '@kengash/web-shared-ui';

export const ORGANISATION_TYPE_KEYS: Record<OrganisationType, string> = {
  government: _('network.organisationTypes.government'),
  ngo: _('network.organisationTypes.ngo'),
  international: _('network.organisationTypes.international'),
  academic: _('network.organisationTypes.academic'),
  religious: _('network.organisationTypes.religious'),
  health: _('network.organisationTypes.health'),
  education: _('network.organisationTypes.education'),
  other: _('network.organisationTypes.other'),
};

export const STATUS_KEYS: Record<ApplicationStatus, string> = {
  submitted: _('network.status.submitted'),
  endorsed: _('network.status.endorsed'),
  accepted: _('network.status.accepted'),
  rejected: _('network.status.rejected'),
  suspended: _('network.status.suspended'),
  left: _('network.status.left'),
};

export const VISIBILITY_KEYS: Record<FieldVisibility, string> = {
  me: _('network.visibility.me'),
  secretariat: _('network.visibility.secretariat'),
  council: _('network.visibility.council'),
  network: _('network.visibility.network'),
};

export const FIELD_KEYS: Record<ProfileField, string> = {
  name: _('network.fields.name'),
  role: _('network.fields.role'),
  organisationType: _('network.fields.organisationType'),
  organisationName: _('network.fields.organisationName'),
  country: _('network.fields.country'),
  region: _('network.fields.region'),
  languages: _('network.fields.languages'),
  expertise: _('network.fields.expertise'),
  bio: _('network.fields.bio'),
  phone: _('network.fields.phone'),
  email: _('network.fields.email'),
};

export const CONTACT_FIELD_KEYS: Record<ContactField, string> = {
  phone: _('network.fields.phone'),
  email: _('network.fields.email'),
};

export const PROFILE_LABEL_KEYS: Record<ProfileLabel, string> = {
  name: _('network.profile.labels.name'),
  role: _('network.profile.labels.role'),
  organisationType: _('network.profile.labels.organisationType'),
};

/** A date in the reader's language (and zone, when known). */
export function formatDate(instant: string | null | undefined, locale: string, zone?: string): string {
  if (!instant) return '—';
  const date = new Date(instant.length === 10 ? `${instant}T00:00:00Z` : instant);
  if (Number.isNaN(date.getTime())) return instant;
  const options: Intl.DateTimeFormatOptions = { dateStyle: 'medium' };
  if (instant.length === 10) options.timeZone = 'UTC';
  else if (zone) options.timeZone = zone;
  try {
    return new Intl.DateTimeFormat(locale, options).format(date);
  } catch {
    return new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(date);
  }
}

/** Who does what in the network (the API decides; this only chooses what to offer). */
export function networkRoles(user: CurrentUser | null) {
  const role = user?.globalRole ?? null;
  const secretariat = role === GlobalRole.Secretariat;
  const focalPoint = role === GlobalRole.FocalPoint;
  return {
    secretariat,
    focalPoint,
    vetter: secretariat || focalPoint,
    practitioner: role === GlobalRole.Practitioner,
    /** May search the directory: the network and the council (observers are not in the network). */
    member: role !== null && role !== GlobalRole.Observer,
  };
}
