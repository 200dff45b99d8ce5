import { HttpErrorResponse } from '@angular/common/http';
import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  effect,
  ElementRef,
  inject,
  Injector,
  input,
  signal,
  untracked,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTabsModule } from '@angular/material/tabs';
import { Router, RouterLink } from '@angular/router';
import {
  COUNCIL_COUNTRIES,
  EVIDENCE_LEVELS,
  htmlText,
  personalDataWarnings,
  PersonalDataWarning,
  PRACTICE_LANGUAGES,
  PRACTICE_LIMITS,
  PRACTICE_THEMES,
  PracticeAttachmentView,
  PracticeLanguage,
  PracticeSearchHit,
  PracticeTheme,
  PracticeView,
  pickText,
  statesFigures,
  TARGET_GROUPS,
  TargetGroup,
  TRANSLATION_STATUSES,
  WorkingGroupSummary,
} from '@kengash/contracts';
import { CouncilApiService } from '@kengash/web-council-data-access';
import { ApiProblem, toApiProblem } from '@kengash/web-identity-data-access';
import { PracticesApiService } from '@kengash/web-practices-data-access';
import {
  ConfirmDialogComponent,
  ConfirmDialogData,
  HoldsUnsavedChanges,
  RichTextEditorComponent,
  warnBeforeUnload,
} from '@kengash/web-shared-ui';
import { _, TranslatePipe, TranslateService } from '@ngx-translate/core';
import { filter, map, startWith, Subscription } from 'rxjs';
import { PracticeAttachmentsComponent } from '../shared/practice-attachments.component';
import {
  COUNTRY_KEYS,
  EVIDENCE_KEYS,
  injectActiveLocale,
  LANGUAGE_KEYS,
  TARGET_GROUP_KEYS,
  THEME_KEYS,
  TRANSLATION_STATUS_KEYS,
} from '../shared/practice-labels';
import { PracticeLinksComponent } from '../shared/practice-links.component';
import { PersonalDataPanelComponent } from './personal-data-panel.component';
import {
  applyServerErrors,
  clearServerErrors,
  createPracticeForm,
  fillPracticeForm,
  firstInvalidTab,
  OtherFieldError,
  practiceInput,
  PracticeForm,
  serverError,
  sourceGroup,
  translationGroup,
  translationIndex,
} from './practice-form';

type LoadState =
  | { status: 'loading' }
  | { status: 'error'; problem: ApiProblem }
  | { status: 'ready'; view: PracticeView | null };

interface Message {
  key: string;
  params?: Record<string, string>;
  alert: boolean;
}

/** Router state handed from "create" to the edit page that follows. */
const CREATED_STATE = 'practiceCreated';

/** Field names the API may report that the form shows nowhere else, in words. */
const OTHER_FIELD_KEYS: Record<string, string> = {
  version: _('practices.editor.fields.version'),
  translations: _('practices.editor.fields.translations'),
  body: _('practices.editor.fields.entry'),
};

function isPracticeView(value: unknown): value is PracticeView {
  return (
    typeof value === 'object' &&
    value !== null &&
    'id' in value &&
    'version' in value &&
    'translations' in value &&
    Array.isArray(value.translations)
  );
}

/** The entry as it is now, from a 409's `details.current`. */
function currentFrom(error: unknown): PracticeView | null {
  if (!(error instanceof HttpErrorResponse)) return null;
  const body: unknown = error.error;
  if (typeof body !== 'object' || body === null || !('details' in body)) return null;
  const details: unknown = body.details;
  if (typeof details !== 'object' || details === null || !('current' in details)) return null;
  return isPracticeView(details.current) ? details.current : null;
}

/**
 * `/practices/new` and `/practices/:id/edit`: the entry's texts in translation tabs (the original language first;
 * languages added and removed; each translation's status), title, summary and body (the Tiptap editor) per tab;
 * country, themes, target groups, approach, evidence, sources (address and title), related entries and the related
 * working group. A live panel lists what looks like personal data and where. Saving sends the whole entry with
 * its version (409: someone saved meanwhile — reload); the API's field errors show next to their fields (their
 * dotted paths name the tab and the field). Once the entry exists, files are attached with a progress bar.
 */
@Component({
  selector: 'kg-practice-editor',
  imports: [
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatTabsModule,
    PersonalDataPanelComponent,
    PracticeAttachmentsComponent,
    PracticeLinksComponent,
    ReactiveFormsModule,
    RichTextEditorComponent,
    RouterLink,
    TranslatePipe,
  ],
  templateUrl: './practice-editor.component.html',
  styleUrl: './practice-editor.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '(window:beforeunload)': 'beforeUnload($event)' },
})
export class PracticeEditorComponent implements HoldsUnsavedChanges {
  private readonly api = inject(PracticesApiService);
  private readonly router = inject(Router);
  private readonly dialog = inject(MatDialog);
  private readonly translate = inject(TranslateService);
  private readonly injector = inject(Injector);
  private readonly host: HTMLElement = inject(ElementRef).nativeElement;
  private request: Subscription | undefined;

  /** Bound from the route parameter; absent for a new entry. */
  readonly id = input<string>();

  protected readonly locale = injectActiveLocale();
  protected readonly limits = PRACTICE_LIMITS;
  protected readonly countries = COUNCIL_COUNTRIES;
  protected readonly themes = PRACTICE_THEMES;
  protected readonly targetGroups = TARGET_GROUPS;
  protected readonly evidenceLevels = EVIDENCE_LEVELS;
  protected readonly translationStatuses = TRANSLATION_STATUSES;
  protected readonly countryKeys = COUNTRY_KEYS;
  protected readonly themeKeys = THEME_KEYS;
  protected readonly targetGroupKeys = TARGET_GROUP_KEYS;
  protected readonly evidenceKeys = EVIDENCE_KEYS;
  protected readonly languageKeys = LANGUAGE_KEYS;
  protected readonly translationStatusKeys = TRANSLATION_STATUS_KEYS;
  protected readonly serverError = serverError;

  protected readonly form: PracticeForm = createPracticeForm(this.locale());
  protected readonly state = signal<LoadState>({ status: 'loading' });
  protected readonly tab = signal(0);
  protected readonly busy = signal(false);
  protected readonly message = signal<Message | null>(null);
  protected readonly problem = signal<ApiProblem | null>(null);
  protected readonly others = signal<OtherFieldError[]>([]);
  protected readonly invalid = signal(false);
  /** Someone saved meanwhile (409); `current` is the entry as they saved it, when the API sent it. */
  protected readonly conflict = signal<{ current: PracticeView | null } | null>(null);
  protected readonly groups = signal<WorkingGroupSummary[]>([]);
  protected readonly related = signal<{ id: string; title: string }[]>([]);
  protected readonly relatedHits = signal<PracticeSearchHit[] | null>(null);
  protected readonly relatedQuery = signal('');
  protected readonly attachments = signal<PracticeAttachmentView[]>([]);
  protected readonly newLanguage = signal<PracticeLanguage | ''>('');

  /** Re-evaluates with every change of the form (values, validity, touched). */
  private readonly formState = toSignal(
    this.form.events.pipe(
      map(() => ({})),
      startWith({}),
    ),
    { requireSync: true },
  );
  protected readonly value = computed(() => {
    this.formState();
    return this.form.getRawValue();
  });
  protected readonly view = computed(() => {
    const state = this.state();
    return state.status === 'ready' ? state.view : null;
  });
  protected readonly isNew = computed(() => !this.id());
  protected readonly usedLanguages = computed(() => this.value().translations.map((t) => t.locale));
  protected readonly freeLanguages = computed(() => {
    const used = this.usedLanguages();
    return PRACTICE_LANGUAGES.filter((l) => !used.includes(l));
  });
  /** The original's language may become any language no translation uses. */
  protected readonly originalChoices = computed(() => {
    const used = this.usedLanguages().slice(1);
    return PRACTICE_LANGUAGES.filter((l) => !used.includes(l));
  });
  protected readonly tabErrors = computed(() => {
    this.formState();
    return this.form.controls.translations.controls.map((group) => group.invalid && group.touched);
  });
  protected readonly warnings = computed<PersonalDataWarning[]>(() => {
    const value = this.value();
    return personalDataWarnings({ approach: value.approach, translations: value.translations });
  });
  /** The texts state figures but no source is given: the API will ask for one. */
  protected readonly needsSource = computed(() => {
    const value = this.value();
    return (
      value.sources.length === 0 &&
      value.translations.some(
        (t) => statesFigures(t.title) || statesFigures(t.summary) || statesFigures(htmlText(t.body)),
      )
    );
  });

  constructor() {
    const navigation = this.router.currentNavigation();
    const created = navigation?.extras.state?.[CREATED_STATE] === true;
    effect(() => {
      const id = this.id();
      untracked(() => this.load(id, created));
    });
    inject(CouncilApiService)
      .listGroups()
      .subscribe({
        next: (response) => this.groups.set(response.groups),
        error: () => this.groups.set([]),
      });
    inject(DestroyRef).onDestroy(() => this.request?.unsubscribe());
  }

  private load(id: string | undefined, created: boolean): void {
    this.request?.unsubscribe();
    if (!id) {
      this.state.set({ status: 'ready', view: null });
      return;
    }
    this.state.set({ status: 'loading' });
    this.request = this.api.get(id).subscribe({
      next: (view) => {
        this.show(view);
        if (created) this.say(_('practices.editor.created'), false);
      },
      error: (error: unknown) => this.state.set({ status: 'error', problem: toApiProblem(error) }),
    });
  }

  /** Puts a saved entry into the form. */
  private show(view: PracticeView): void {
    clearServerErrors(this.form);
    fillPracticeForm(this.form, view);
    this.form.markAsPristine();
    this.related.set(view.related);
    this.attachments.set(view.attachments);
    this.state.set({ status: 'ready', view });
    this.conflict.set(null);
    this.tab.set(Math.min(this.tab(), view.translations.length - 1));
  }

  // ---- translations ------------------------------------------------------------------------------------------

  protected addTranslation(): void {
    const locale = this.newLanguage() || this.freeLanguages()[0];
    if (!locale) return;
    this.form.controls.translations.push(translationGroup({ locale, status: 'draft' }));
    this.form.markAsDirty();
    this.newLanguage.set('');
    const index = this.form.controls.translations.length - 1;
    this.tab.set(index);
    this.say(_('practices.editor.translationAdded'), false, {
      language: this.translate.instant(LANGUAGE_KEYS[locale]) as string,
    });
  }

  protected removeTranslation(index: number): void {
    const group = this.form.controls.translations.at(index);
    if (!group || index === 0) return;
    const language = this.translate.instant(LANGUAGE_KEYS[group.controls.locale.value]) as string;
    const remove = () => {
      this.form.controls.translations.removeAt(index);
      this.form.markAsDirty();
      this.tab.set(0);
      this.say(_('practices.editor.translationRemoved'), false, { language });
      this.focus('[data-testid=add-translation-language]');
    };
    const { title, summary, body } = group.getRawValue();
    if (!title.trim() && !summary.trim() && !htmlText(body)) {
      remove();
      return;
    }
    this.dialog
      .open<ConfirmDialogComponent, ConfirmDialogData, boolean>(ConfirmDialogComponent, {
        data: {
          title: _('practices.editor.removeDialog.title'),
          text: _('practices.editor.removeDialog.text'),
          confirm: _('practices.editor.removeTranslation'),
          params: { language },
        },
      })
      .afterClosed()
      .pipe(filter((confirmed) => confirmed === true))
      .subscribe(() => remove());
  }

  protected selectNewLanguage(event: Event): void {
    const value = (event.target as HTMLSelectElement).value;
    this.newLanguage.set((PRACTICE_LANGUAGES as readonly string[]).includes(value) ? (value as PracticeLanguage) : '');
  }

  protected setBody(index: number, html: string): void {
    const control = this.form.controls.translations.at(index)?.controls.body;
    if (!control || control.value === html) return;
    control.setValue(html);
    control.markAsDirty();
  }

  // ---- themes, target groups, sources, related -------------------------------------------------------------

  protected toggleTheme(theme: PracticeTheme, on: boolean): void {
    const control = this.form.controls.themes;
    control.setValue(on ? [...control.value, theme] : control.value.filter((t) => t !== theme));
    control.markAsTouched();
    control.markAsDirty();
  }

  protected toggleTargetGroup(group: TargetGroup, on: boolean): void {
    const control = this.form.controls.targetGroups;
    control.setValue(on ? [...control.value, group] : control.value.filter((g) => g !== group));
    control.markAsDirty();
  }

  protected addSource(): void {
    if (this.form.controls.sources.length >= PRACTICE_LIMITS.sourcesMax) return;
    this.form.controls.sources.push(sourceGroup());
    const index = this.form.controls.sources.length - 1;
    this.focus(`#source-url-${index}`);
  }

  protected removeSource(index: number): void {
    this.form.controls.sources.removeAt(index);
    this.form.controls.sources.markAsDirty();
    this.focus('[data-testid=add-source]');
  }

  protected readRelatedQuery(event: Event): void {
    this.relatedQuery.set((event.target as HTMLInputElement).value);
  }

  protected findRelated(): void {
    const q = this.relatedQuery().trim();
    if (!q) return;
    this.api.search({ q }, this.locale()).subscribe({
      next: (result) => this.relatedHits.set(result.hits),
      error: () => this.relatedHits.set([]),
    });
  }

  protected relatedChoices(): PracticeSearchHit[] {
    const chosen = new Set(this.related().map((r) => r.id));
    const self = this.id();
    return (this.relatedHits() ?? []).filter((hit) => !chosen.has(hit.id) && hit.id !== self);
  }

  protected addRelated(hit: PracticeSearchHit): void {
    if (this.related().length >= PRACTICE_LIMITS.relatedMax) return;
    this.setRelated([...this.related(), { id: hit.id, title: hit.title }]);
  }

  protected removeRelated(id: string): void {
    this.setRelated(this.related().filter((r) => r.id !== id));
    this.focus('[data-testid=related-query]');
  }

  private setRelated(related: { id: string; title: string }[]): void {
    this.related.set(related);
    const control = this.form.controls.relatedIds;
    control.setValue(related.map((r) => r.id));
    control.markAsDirty();
  }

  protected groupName(group: WorkingGroupSummary): string {
    return pickText(group.name, this.locale());
  }

  // ---- warnings ------------------------------------------------------------------------------------------------

  /** Goes to the tab and field a warning is about. */
  protected showWarning(warning: PersonalDataWarning): void {
    if (warning.field === 'approach') {
      this.focus('#practice-approach');
      return;
    }
    const index = this.usedLanguages().indexOf(warning.locale);
    if (index < 0) return;
    this.tab.set(index);
    this.focus(`#practice-${warning.field}-${index}`);
  }

  /** What a save would keep: changed fields, translations added or removed, related entries (not files). */
  hasUnsavedChanges(): boolean {
    return this.form.dirty;
  }

  protected beforeUnload(event: BeforeUnloadEvent): void {
    warnBeforeUnload(this, event);
  }

  // ---- saving --------------------------------------------------------------------------------------------------

  protected save(): void {
    if (this.busy()) return;
    this.message.set(null);
    this.problem.set(null);
    this.others.set([]);
    this.invalid.set(false);
    this.conflict.set(null);
    clearServerErrors(this.form);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.invalid.set(true);
      this.goToFirstError();
      return;
    }
    const view = this.view();
    const input = practiceInput(this.form);
    this.busy.set(true);
    const request = view ? this.api.update(view.id, view.version, input) : this.api.create(input);
    request.subscribe({
      next: (saved) => {
        this.busy.set(false);
        if (!view) {
          this.form.markAsPristine();
          void this.router.navigate(['/practices', saved.id, 'edit'], { state: { [CREATED_STATE]: true } });
          return;
        }
        this.show(saved);
        this.say(_('practices.editor.saved'), false, { version: String(saved.version) });
      },
      error: (error: unknown) => {
        this.busy.set(false);
        const problem = toApiProblem(error);
        if (problem.status === 409) {
          this.conflict.set({ current: currentFrom(error) });
          this.say(_('practices.editor.conflict'), true);
          return;
        }
        this.problem.set(problem);
        if (Object.keys(problem.fields).length) {
          this.others.set(applyServerErrors(this.form, problem));
          this.goToFirstError(Object.keys(problem.fields));
        }
      },
    });
  }

  /** After a 409: take the entry as it is now (the unsaved changes are dropped). */
  protected reload(): void {
    const current = this.conflict()?.current;
    if (current) {
      this.show(current);
      this.say(_('practices.editor.reloaded'), false);
      return;
    }
    const id = this.id();
    if (id) {
      this.conflict.set(null);
      this.load(id, false);
    }
  }

  protected otherFieldKey(field: string): string | null {
    return OTHER_FIELD_KEYS[field] ?? null;
  }

  protected hasFieldErrors(problem: ApiProblem): boolean {
    return Object.keys(problem.fields).length > 0;
  }

  protected attachmentsChanged(list: PracticeAttachmentView[]): void {
    this.attachments.set(list);
  }

  private goToFirstError(fields: string[] = []): void {
    const fromServer = fields.map(translationIndex).filter((i): i is number => i !== null);
    const index = fromServer.length ? Math.min(...fromServer) : firstInvalidTab(this.form);
    if (index !== null) this.tab.set(index);
    this.focus('[data-testid=editor-error]');
  }

  private say(key: string, alert: boolean, params?: Record<string, string>): void {
    this.message.set({ key, alert, ...(params ? { params } : {}) });
  }

  private focus(selector: string): void {
    afterNextRender(() => this.host.querySelector<HTMLElement>(selector)?.focus(), { injector: this.injector });
  }
}
