import { EnvironmentInjector, inject, runInInjectionContext } from '@angular/core';
import { CanDeactivateFn, Route } from '@angular/router';
import type { HoldsUnsavedChanges } from '@kengash/web-shared-ui';
import { from, isObservable, switchMap } from 'rxjs';
import { GlobalRole } from '@kengash/contracts';
import { authGuard, roleGuard, totpEnrolmentGuard } from '@kengash/web-identity-data-access';
import { _ } from '@ngx-translate/core';

/**
 * Asks before an editor with unsaved changes is left. The guard lives with the editors' shared UI (Material
 * dialog, Tiptap), which is loaded on first use like the editors themselves, not in the initial bundle.
 */
const unsavedChanges: CanDeactivateFn<HoldsUnsavedChanges> = (...args) => {
  const injector = inject(EnvironmentInjector);
  return from(import('@kengash/web-shared-ui')).pipe(
    switchMap((m) => {
      const answer = runInInjectionContext(injector, () => m.unsavedChangesGuard(...args));
      return isObservable(answer) ? answer : from(Promise.resolve(answer));
    }),
  );
};

/** The council screens (home, dashboard, group pages, settings), loaded on first use. */
const council = () => import('@kengash/web-council-feature');

/** The live meetings list, the live meeting room and the minutes draft, loaded on first use. */
const liveMeeting = () => import('@kengash/web-live-meeting-feature');

/** Minutes, the decisions register, the action board and my action items, loaded on first use. */
const minutes = () => import('@kengash/web-minutes-feature');

/** The best-practice library: search, entries, the editor and the review queue, loaded on first use. */
const practices = () => import('@kengash/web-practices-feature');

/**
 * The practitioners' network: the public application and status page, vetting, the profile's privacy editor, the
 * directory, announcements and statistics, loaded on first use.
 */
const network = () => import('@kengash/web-network-feature');

/** The identity screens, loaded on first use. */
const identity = () => import('@kengash/web-identity-feature');

/** Route titles are translation keys (see TranslatedTitleStrategy). */
export const appRoutes: Route[] = [
  {
    // Every page waits for the session to be restored, and a user who must enrol 2FA is sent there.
    path: '',
    canActivateChild: [totpEnrolmentGuard],
    children: [
      {
        path: '',
        pathMatch: 'full',
        title: _('nav.council'),
        loadChildren: () => council().then((m) => m.councilRoutes),
      },
      {
        path: 'dashboard',
        title: _('dashboard.title'),
        canActivate: [authGuard],
        loadComponent: () => council().then((m) => m.DashboardComponent),
      },
      {
        path: 'groups/:slug',
        title: _('group.title'),
        loadComponent: () => council().then((m) => m.GroupPageComponent),
      },
      {
        path: 'council/settings',
        title: _('settings.title'),
        canActivate: [roleGuard(GlobalRole.Admin, GlobalRole.Secretariat)],
        loadComponent: () => council().then((m) => m.CouncilSettingsComponent),
      },
      {
        path: 'live',
        title: _('live.list.title'),
        canActivate: [authGuard],
        loadComponent: () => liveMeeting().then((m) => m.LiveMeetingsComponent),
      },
      {
        path: 'sessions/:id/live',
        title: _('live.room.title'),
        canActivate: [authGuard],
        loadComponent: () => liveMeeting().then((m) => m.LiveRoomComponent),
      },
      {
        path: 'sessions/:id/minutes',
        title: _('live.minutes.title'),
        canActivate: [authGuard],
        loadComponent: () => liveMeeting().then((m) => m.MinutesDraftComponent),
      },
      {
        path: 'sessions',
        canActivate: [authGuard],
        loadChildren: () => council().then((m) => m.sessionsRoutes),
      },
      {
        path: 'rsvp',
        title: _('sessions.rsvpPage.title'),
        loadComponent: () => council().then((m) => m.RsvpPageComponent),
      },
      {
        path: 'minutes',
        title: _('minutesArea.register.title'),
        canActivate: [authGuard],
        pathMatch: 'full',
        loadComponent: () => minutes().then((m) => m.DecisionsRegisterComponent),
      },
      {
        path: 'minutes/actions',
        title: _('minutesArea.actions.title'),
        canActivate: [authGuard],
        loadComponent: () => minutes().then((m) => m.MyActionsComponent),
      },
      {
        // The action board; `?overdue=true` is the overdue view (filters live in the query string).
        path: 'minutes/board',
        title: _('minutesArea.board.title'),
        canActivate: [authGuard],
        loadComponent: () => minutes().then((m) => m.ActionBoardComponent),
      },
      {
        // An approved public summary opened to anyone: no account needed.
        path: 'public/minutes/:id',
        title: _('minutesArea.public.title'),
        loadComponent: () => minutes().then((m) => m.PublicMinutesComponent),
      },
      {
        // One minutes document; `?version=N` shows an earlier version in full (bound to the page's `version` input).
        path: 'minutes/:id',
        title: _('minutesArea.page.title'),
        canActivate: [authGuard],
        loadComponent: () => minutes().then((m) => m.MinutesPageComponent),
      },
      {
        // The library is open to anyone; `?q=&country=&theme=&targetGroup=&language=&evidence=&page=` is the search.
        path: 'practices',
        pathMatch: 'full',
        title: _('practices.library.title'),
        loadComponent: () => practices().then((m) => m.PracticeLibraryComponent),
      },
      {
        path: 'practices/review',
        title: _('practices.queue.title'),
        canActivate: [authGuard],
        loadComponent: () => practices().then((m) => m.ReviewQueueComponent),
      },
      {
        path: 'practices/new',
        title: _('practices.editor.newTitle'),
        canActivate: [authGuard],
        canDeactivate: [unsavedChanges],
        loadComponent: () => practices().then((m) => m.PracticeEditorComponent),
      },
      {
        path: 'practices/:id/edit',
        title: _('practices.editor.editTitle'),
        canActivate: [authGuard],
        canDeactivate: [unsavedChanges],
        loadComponent: () => practices().then((m) => m.PracticeEditorComponent),
      },
      {
        // One entry, open to anyone who may read it; `?lang=` picks the translation shown.
        path: 'practices/:id',
        title: _('practices.library.title'),
        loadComponent: () => practices().then((m) => m.PracticePageComponent),
      },
      {
        // `/network/apply` and `/network/status?token=` are public; the rest is guarded inside.
        path: 'network',
        loadChildren: () => network().then((m) => m.networkRoutes),
      },
      {
        path: 'sign-in',
        title: _('nav.signIn'),
        loadComponent: () => identity().then((m) => m.SignInComponent),
      },
      {
        path: 'sign-in/sso-complete',
        title: _('identity.sso.title'),
        loadComponent: () => identity().then((m) => m.SsoCompleteComponent),
      },
      {
        path: 'reset-password',
        title: _('identity.reset.requestTitle'),
        loadComponent: () => identity().then((m) => m.ResetPasswordComponent),
      },
      {
        path: 'invitation',
        title: _('identity.invitation.title'),
        loadComponent: () => identity().then((m) => m.InvitationComponent),
      },
      {
        path: 'verify-email',
        title: _('identity.verify.title'),
        loadComponent: () => identity().then((m) => m.VerifyEmailComponent),
      },
      {
        path: 'account',
        title: _('account.title'),
        canActivate: [authGuard],
        loadComponent: () => identity().then((m) => m.AccountComponent),
      },
      {
        path: 'admin/users',
        title: _('admin.users.title'),
        canActivate: [roleGuard(GlobalRole.Admin, GlobalRole.Secretariat)],
        loadComponent: () => identity().then((m) => m.AdminUsersComponent),
      },
      {
        path: 'admin/mailbox',
        title: _('admin.mailbox.title'),
        canActivate: [roleGuard(GlobalRole.Admin, GlobalRole.Secretariat)],
        loadComponent: () => identity().then((m) => m.AdminMailboxComponent),
      },
      {
        path: 'admin/audit',
        title: _('admin.audit.title'),
        canActivate: [roleGuard(GlobalRole.Admin)],
        loadComponent: () => identity().then((m) => m.AdminAuditComponent),
      },
      {
        path: '**',
        title: _('notFound.title'),
        loadComponent: () => import('./pages/not-found/not-found.component').then((m) => m.NotFoundComponent),
      },
    ],
  },
];
