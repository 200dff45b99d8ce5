import { inject } from '@angular/core';
import { MatDialog } from '@angular/material/dialog';
import { CanDeactivateFn } from '@angular/router';
import { _ } from '@ngx-translate/core';
import { map } from 'rxjs';
import { ConfirmDialogComponent, ConfirmDialogData } from './confirm-dialog.component';

/** A page holding work that is lost when it is left unsaved (an editor). */
export interface HoldsUnsavedChanges {
  hasUnsavedChanges(): boolean;
}

/**
 * Asks before leaving a page with unsaved changes (in-app navigation); the page itself answers the browser's
 * `beforeunload` for reloads and closed tabs (see `warnBeforeUnload`).
 */
export const unsavedChangesGuard: CanDeactivateFn<HoldsUnsavedChanges> = (component) => {
  if (!component?.hasUnsavedChanges()) return true;
  const data: ConfirmDialogData = {
    title: _('common.unsaved.title'),
    text: _('common.unsaved.text'),
    confirm: _('common.unsaved.leave'),
  };
  return inject(MatDialog)
    .open(ConfirmDialogComponent, { data })
    .afterClosed()
    .pipe(map((leave) => leave === true));
};

/** For a `window:beforeunload` listener: the browser asks the person before a reload or closing the tab. */
export function warnBeforeUnload(page: HoldsUnsavedChanges, event: BeforeUnloadEvent): void {
  if (page.hasUnsavedChanges()) event.preventDefault();
}
