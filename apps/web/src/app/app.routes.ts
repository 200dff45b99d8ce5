import { Route } from '@angular/router';
import { _ } from '@ngx-translate/core';
import { PLANNED_AREAS, PlannedArea } from './pages/planned-area/planned-areas';

/** Route titles are translation keys (see TranslatedTitleStrategy). */
function plannedArea(area: PlannedArea): Route {
  return {
    path: area,
    title: PLANNED_AREAS[area].title,
    data: { area },
    loadComponent: () => import('./pages/planned-area/planned-area.component').then((m) => m.PlannedAreaComponent),
  };
}

export const appRoutes: Route[] = [
  {
    path: '',
    pathMatch: 'full',
    title: _('nav.council'),
    loadChildren: () => import('@kengash/web-council-feature').then((m) => m.councilRoutes),
  },
  plannedArea('sessions'),
  plannedArea('live'),
  plannedArea('minutes'),
  plannedArea('practices'),
  plannedArea('network'),
  {
    path: 'sign-in',
    title: _('nav.signIn'),
    loadComponent: () => import('./pages/sign-in/sign-in.component').then((m) => m.SignInComponent),
  },
  {
    path: '**',
    title: _('notFound.title'),
    loadComponent: () => import('./pages/not-found/not-found.component').then((m) => m.NotFoundComponent),
  },
];
