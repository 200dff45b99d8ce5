import { GlobalRole, UserStatus } from '@kengash/contracts';
import { _ } from '@ngx-translate/core';

export { COUNTRY_KEYS } from '@kengash/web-shared-ui';

/** Translation key of each council-wide role; exhaustive, so a new role fails to compile here. */
export const GLOBAL_ROLE_KEYS: Record<GlobalRole, string> = {
  [GlobalRole.Admin]: _('roles.admin'),
  [GlobalRole.Secretariat]: _('roles.secretariat'),
  [GlobalRole.FocalPoint]: _('roles.focal_point'),
  [GlobalRole.Member]: _('roles.member'),
  [GlobalRole.Practitioner]: _('roles.practitioner'),
  [GlobalRole.Observer]: _('roles.observer'),
};

export const USER_STATUS_KEYS: Record<UserStatus, string> = {
  [UserStatus.Invited]: _('userStatus.invited'),
  [UserStatus.Active]: _('userStatus.active'),
  [UserStatus.Disabled]: _('userStatus.disabled'),
};
