import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { RouterTestingHarness } from '@angular/router/testing';
import { provideRouter, Router } from '@angular/router';
import { HoldsUnsavedChanges, unsavedChangesGuard, warnBeforeUnload } from './unsaved-changes.guard';
import { provideTestTranslations, useTestLocale } from './testing/translate-testing';

@Component({ selector: 'kg-test-editor', template: '<p>editor</p>' })
class EditorPage implements HoldsUnsavedChanges {
  static dirty = false;
  hasUnsavedChanges(): boolean {
    return EditorPage.dirty;
  }
}

@Component({ selector: 'kg-test-other', template: '<p>other</p>' })
class OtherPage {}

const confirmButton = () => document.querySelector<HTMLButtonElement>('[data-testid=confirm]');
const cancelButton = () => document.querySelector<HTMLButtonElement>('mat-dialog-actions button:not([data-testid])');
const settle = () => new Promise((r) => setTimeout(r, 50));

describe('unsavedChangesGuard', () => {
  let router: Router;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideTestTranslations(),
        provideRouter([
          { path: 'edit', component: EditorPage, canDeactivate: [unsavedChangesGuard] },
          { path: 'other', component: OtherPage },
        ]),
      ],
    });
    useTestLocale('en');
    router = TestBed.inject(Router);
    EditorPage.dirty = false;
    // A real outlet: the guard is given the page component the outlet shows.
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/edit', EditorPage);
  });

  afterEach(() => document.querySelectorAll('.cdk-overlay-container').forEach((e) => e.remove()));

  it('lets a page without unsaved changes go without asking', async () => {
    expect(await router.navigateByUrl('/other')).toBe(true);
    expect(confirmButton()).toBeNull();
  });

  it('asks before leaving unsaved changes, and stays when the person cancels', async () => {
    EditorPage.dirty = true;
    const leaving = router.navigateByUrl('/other');
    await settle();
    expect(document.querySelector('h2')?.textContent).toContain('Leave without saving?');
    cancelButton()?.click();
    expect(await leaving).toBe(false);
    expect(router.url).toBe('/edit');
  });

  it('leaves when the person confirms', async () => {
    EditorPage.dirty = true;
    const leaving = router.navigateByUrl('/other');
    await settle();
    expect(confirmButton()).not.toBeNull();
    confirmButton()?.click();
    expect(await leaving).toBe(true);
    expect(router.url).toBe('/other');
  });

  it('makes the browser ask before a reload only with unsaved changes', () => {
    const page = new EditorPage();
    const clean = new Event('beforeunload', { cancelable: true }) as BeforeUnloadEvent;
    warnBeforeUnload(page, clean);
    expect(clean.defaultPrevented).toBe(false);
    EditorPage.dirty = true;
    const dirty = new Event('beforeunload', { cancelable: true }) as BeforeUnloadEvent;
    warnBeforeUnload(page, dirty);
    expect(dirty.defaultPrevented).toBe(true);
  });
});
