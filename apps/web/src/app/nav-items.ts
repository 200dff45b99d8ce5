import { _ } from '@ngx-translate/core';

export interface NavItem {
  path: string;
  label: string;
  /** Active only on this exact URL (the home page would otherwise match everything). */
  exact: boolean;
  /** Shown only to signed-in people. */
  signedIn?: boolean;
}

/** The domains of Kengash, in the order the navigation lists them. */
export const NAV_ITEMS: readonly NavItem[] = [
  { path: '/', label: _('nav.council'), exact: true },
  { path: '/dashboard', label: _('nav.dashboard'), exact: false, signedIn: true },
  { path: '/sessions', label: _('nav.sessions'), exact: false },
  { path: '/live', label: _('nav.live'), exact: false },
  { path: '/minutes', label: _('nav.minutes'), exact: false },
  { path: '/practices', label: _('nav.practices'), exact: false },
  { path: '/network', label: _('nav.network'), exact: false },
];
