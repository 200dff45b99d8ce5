import { CountryCode, GlobalRole, UserStatus } from '@kengash/contracts';
import { _ } from '@ngx-translate/core';

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

/** Translation key of each council country's name (the same keys the council screens use). */
export const COUNTRY_KEYS: Record<CountryCode, string> = {
  [CountryCode.Kazakhstan]: _('countries.KZ'),
  [CountryCode.Kyrgyzstan]: _('countries.KG'),
  [CountryCode.Tajikistan]: _('countries.TJ'),
  [CountryCode.Turkmenistan]: _('countries.TM'),
  [CountryCode.Uzbekistan]: _('countries.UZ'),
};
