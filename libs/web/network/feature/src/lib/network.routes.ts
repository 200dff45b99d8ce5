import { Routes } from '@angular/router';
import { GlobalRole } from '@kengash/contracts';
import { authGuard, roleGuard } from '@kengash/web-identity-data-access';
import { _ } from '@ngx-translate/core';
import { NetworkHomeComponent } from './home/network-home.component';
import { ApplyComponent } from './apply/apply.component';
import { ApplicationStatusComponent } from './status/application-status.component';
import { VettingQueueComponent } from './queue/vetting-queue.component';
import { ApplicationDetailComponent } from './application/application-detail.component';
import { ProfileComponent } from './profile/profile.component';
import { DirectoryComponent } from './directory/directory.component';
import { AnnouncementsComponent } from './announcements/announcements.component';
import { StatisticsComponent } from './statistics/statistics.component';

const vetters = roleGuard(GlobalRole.Secretariat, GlobalRole.FocalPoint);

/** The network's screens under `/network` (route titles are translation keys). */
export const networkRoutes: Routes = [
  {
    path: '',
    pathMatch: 'full',
    title: _('nav.network'),
    component: NetworkHomeComponent,
  },
  {
    // Public: no account needed.
    path: 'apply',
    title: _('network.apply.title'),
    component: ApplyComponent,
  },
  {
    // Public: `?token=` from the applicant's e-mail.
    path: 'status',
    title: _('network.statusPage.title'),
    component: ApplicationStatusComponent,
  },
  {
    path: 'queue',
    title: _('network.queue.title'),
    canActivate: [vetters],
    component: VettingQueueComponent,
  },
  {
    path: 'applications/:id',
    title: _('network.detail.title'),
    canActivate: [vetters],
    component: ApplicationDetailComponent,
  },
  {
    path: 'profile',
    title: _('network.profile.title'),
    canActivate: [authGuard],
    component: ProfileComponent,
  },
  {
    path: 'directory',
    title: _('network.directory.title'),
    canActivate: [authGuard],
    component: DirectoryComponent,
  },
  {
    path: 'announcements',
    title: _('network.announcements.title'),
    canActivate: [authGuard],
    component: AnnouncementsComponent,
  },
  {
    path: 'statistics',
    title: _('network.statistics.title'),
    canActivate: [authGuard],
    component: StatisticsComponent,
  },
];
