import { Routes } from '@angular/router';
import { _ } from '@ngx-translate/core';

/** The scheduling screens, mounted lazily by the shell at `/sessions` (signed in). */
export const sessionsRoutes: Routes = [
  {
    path: '',
    title: _('sessions.calendar.title'),
    loadComponent: () => import('./calendar/sessions-calendar.component').then((m) => m.SessionsCalendarComponent),
  },
  {
    path: 'new',
    title: _('sessions.editor.newTitle'),
    loadComponent: () => import('./editor/session-editor.component').then((m) => m.SessionEditorComponent),
  },
  {
    path: ':id',
    title: _('sessions.detail.title'),
    loadComponent: () => import('./detail/session-detail.component').then((m) => m.SessionDetailComponent),
  },
  {
    path: ':id/edit',
    title: _('sessions.editor.editTitle'),
    loadComponent: () => import('./editor/session-editor.component').then((m) => m.SessionEditorComponent),
  },
];
