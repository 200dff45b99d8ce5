import { GlobalRole } from '@kengash/contracts';
import { _ } from '@ngx-translate/core';

export interface NavItem {
  path: string;
  label: string;
  /** Active only on this exact URL (the home page would otherwise match everything). */
  exact: boolean;
  /** Shown only to signed-in people. */
  signedIn?: boolean;
  /** Shown only to people with one of these roles (implies signed in). */
  roles?: readonly GlobalRole[];
  /** A sub-entry of the one before it (indented). */
  nested?: boolean;
}

/** Everyone in the network or the council: observers are not in the network. */
const NETWORK_MEMBERS: readonly GlobalRole[] = Object.values(GlobalRole).filter((role) => role !== GlobalRole.Observer);

/** The domains of Kengash, in the order the navigation lists them. */
export const NAV_ITEMS: readonly NavItem[] = [
  { path: '/', label: _('nav.council'), exact: true },
  { path: '/dashboard', label: _('nav.dashboard'), exact: false, signedIn: true },
  { path: '/sessions', label: _('nav.sessions'), exact: false },
  { path: '/live', label: _('nav.live'), exact: false },
  { path: '/minutes', label: _('nav.minutes'), exact: false },
  { path: '/practices', label: _('nav.practices'), exact: false },
  { path: '/network', label: _('nav.network'), exact: true },
  {
    path: '/network/queue',
    label: _('nav.networkQueue'),
    exact: false,
    roles: [GlobalRole.Secretariat, GlobalRole.FocalPoint],
    nested: true,
  },
  { path: '/network/directory', label: _('nav.networkDirectory'), exact: false, roles: NETWORK_MEMBERS, nested: true },
  {
    path: '/network/profile',
    label: _('nav.networkProfile'),
    exact: false,
    roles: [GlobalRole.Practitioner],
    nested: true,
  },
  {
    path: '/network/announcements',
    label: _('nav.networkAnnouncements'),
    exact: false,
    roles: NETWORK_MEMBERS,
    nested: true,
  },
];
