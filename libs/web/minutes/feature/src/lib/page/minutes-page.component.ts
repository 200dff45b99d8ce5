import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  DOCUMENT,
  effect,
  ElementRef,
  inject,
  Injector,
  input,
  signal,
  untracked,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { Router, RouterLink } from '@angular/router';
import {
  AmendmentView,
  LocalizedText,
  MINUTES_LIMITS,
  MinutesCommentView,
  MinutesDiffView,
  MinutesVersionSummary,
  MinutesView,
  pickText,
} from '@kengash/contracts';
import { ApiProblem, AuthService, toApiProblem } from '@kengash/web-identity-data-access';
import { MinutesApiService } from '@kengash/web-minutes-data-access';
import { ConfirmDialogComponent, ConfirmDialogData, RichTextEditorComponent } from '@kengash/web-shared-ui';
import { _, TranslatePipe, TranslateService } from '@ngx-translate/core';
import { filter, Observable, Subscription, switchMap } from 'rxjs';
import { FACE_KEYS, formatInstant, formatTimeOnly, injectActiveLocale, STATUS_KEYS } from '../shared/minutes-labels';
import { AttendanceTableComponent } from './attendance-table.component';
import { FieldErrorDirective, SHOW_FIELD_ERRORS } from './field-error.directive';
import { ItemChange, ItemStructureEditorComponent } from './item-structure-editor.component';
import {
  contentFieldErrors,
  fromDraft,
  isAddedSection,
  ItemDraft,
  itemErrors,
  MinutesDraft,
  newSection,
  nextExtraKey,
  toDraft,
  unplacedErrors,
  validateDraft,
  withoutErrors,
} from './minutes-draft';
import { MinutesSectionViewComponent } from './minutes-section-view.component';
import { VersionViewComponent } from './version-view.component';
import { MinutesVisibilityComponent } from '../visibility/minutes-visibility.component';

type LoadState =
  | { status: 'loading' }
  | { status: 'error'; problem: ApiProblem }
  | { status: 'ready'; view: MinutesView };

/** A version number in the address (`?version=3`). */
const VERSION_PARAM = /^\d{1,6}$/;

/**
 * `/minutes/:id`: one minutes document — header, attendance, items with notes; for those who may edit a draft: its
 * title, and per item the title, notes (rich text), restricted flag, speakers and decisions; sections added,
 * removed and reordered; all saved as one new version with the base version (409 when someone saved meanwhile,
 * field errors next to their fields). Circulate, approve, start a correction; amendments, comments, versions with a
 * diff and `?version=N` to read an earlier version in full; the PDF / Markdown exports.
 */
@Component({
  selector: 'kg-minutes-page',
  imports: [
    AttendanceTableComponent,
    FieldErrorDirective,
    FormsModule,
    ItemStructureEditorComponent,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    MinutesSectionViewComponent,
    MinutesVisibilityComponent,
    RichTextEditorComponent,
    RouterLink,
    TranslatePipe,
    VersionViewComponent,
  ],
  templateUrl: './minutes-page.component.html',
  styleUrl: './minutes-page.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MinutesPageComponent {
  private readonly api = inject(MinutesApiService);
  private readonly auth = inject(AuthService);
  private readonly dialog = inject(MatDialog);
  private readonly router = inject(Router);
  private readonly translate = inject(TranslateService);
  private readonly document = inject(DOCUMENT);
  private readonly injector = inject(Injector);
  private readonly host: HTMLElement = inject(ElementRef).nativeElement;
  private request: Subscription | undefined;

  /** Bound from the route parameter. */
  readonly id = input.required<string>();
  /** `?version=N`: an earlier version shown in full, read-only (bound from the query string). */
  readonly version = input<string>();

  protected readonly locale = injectActiveLocale();
  protected readonly limits = MINUTES_LIMITS;
  protected readonly statusKeys = STATUS_KEYS;
  protected readonly faceKeys = FACE_KEYS;
  protected readonly showErrors = SHOW_FIELD_ERRORS;
  protected readonly state = signal<LoadState>({ status: 'loading' });
  /** The next version as it is being edited (with `can.edit`). */
  protected readonly draft = signal<MinutesDraft>({ title: '', items: [] });
  /** Save was pressed with mistakes in the draft: they show next to their fields from then on. */
  protected readonly attempted = signal(false);
  /** The API's field errors of the last save, by path (`title`, `items.1.title`), until the field changes. */
  protected readonly serverErrors = signal<Record<string, string>>({});
  protected readonly dirty = signal(false);
  protected readonly busy = signal(false);
  protected readonly conflict = signal(false);
  protected readonly problem = signal<ApiProblem | null>(null);
  protected readonly announcement = signal('');
  protected readonly announcementParams = signal<Record<string, unknown>>({});
  protected readonly amendments = signal<AmendmentView[]>([]);
  protected readonly comments = signal<MinutesCommentView[]>([]);
  protected readonly diff = signal<MinutesDiffView | null>(null);
  /** Side by side (the two versions in columns; stacked on a phone) or inline (one text, changes marked). */
  protected readonly diffLayout = signal<'side' | 'inline'>('side');
  protected readonly decisionNotes = signal<Partial<Record<string, string>>>({});
  protected saveNote = '';
  protected diffFrom = 1;
  protected diffTo = 1;
  protected proposeKey = '';
  protected readonly proposeNotes = signal('');
  protected proposeReason = '';
  protected commentBody = '';
  protected commentKey = '';

  protected readonly view = computed(() => {
    const state = this.state();
    return state.status === 'ready' ? state.view : null;
  });
  protected readonly header = computed(() => {
    const view = this.view();
    if (!view) return null;
    const { session } = view;
    const locale = this.locale();
    return {
      organiser: `${formatInstant(session.startsAt, locale, session.timeZone)}–${formatTimeOnly(session.endsAt, locale, session.timeZone)}`,
      zone: session.timeZone,
      groups: session.groups.map((g) => pickText(g.name, locale)).join(', '),
    };
  });
  protected readonly itemTitles = computed<Partial<Record<string, string>>>(() =>
    Object.fromEntries((this.view()?.content.items ?? []).map((item, i) => [item.key, `${i + 1}. ${item.title}`])),
  );
  protected readonly changedItems = computed(() =>
    (this.diff()?.items ?? []).filter((item) => item.change !== 'same' || item.restrictedChanged),
  );
  protected readonly pendingAmendments = computed(() => this.amendments().some((a) => a.status === 'proposed'));

  /** The earlier version shown in full; null for the current text (also when `?version=` names it or no number). */
  protected readonly shownVersion = computed(() => {
    const raw = this.version();
    const view = this.view();
    if (!raw || !view || !VERSION_PARAM.test(raw)) return null;
    const n = Number(raw);
    return n >= 1 && n !== view.version ? n : null;
  });
  protected readonly shownSummary = computed<MinutesVersionSummary | null>(() => {
    const n = this.shownVersion();
    return this.view()?.versions.find((v) => v.number === n) ?? null;
  });

  private readonly draftErrors = computed(() => validateDraft(this.draft()));
  /** What shows next to the fields: the draft's mistakes once Save was pressed, then the server's words. */
  protected readonly errors = computed<Record<string, string>>(() => {
    this.locale();
    const own = this.attempted()
      ? Object.fromEntries(
          Object.entries(this.draftErrors()).map(([path, e]) => [path, this.translate.instant(e.key, e.params)]),
        )
      : {};
    return { ...own, ...this.serverErrors() };
  });
  protected readonly itemErrorList = computed(() => this.draft().items.map((_item, i) => itemErrors(this.errors(), i)));
  /** Errors no field shows (e.g. `items`, `note`): listed in the alert by the Save button. */
  protected readonly unplaced = computed(() => unplacedErrors(this.errors(), this.draft().items.length));
  protected readonly invalid = computed(
    () =>
      (this.attempted() && Object.keys(this.draftErrors()).length > 0) || Object.keys(this.serverErrors()).length > 0,
  );
  protected readonly canAddSection = computed(() => {
    const items = this.draft().items;
    return items.length < MINUTES_LIMITS.items && nextExtraKey(items.map((i) => i.key)) !== null;
  });

  constructor() {
    effect(() => {
      const id = this.id();
      untracked(() => this.load(id));
    });
    // Back from an earlier version: land on the current items.
    let shown: number | null = null;
    effect(() => {
      const now = this.shownVersion();
      if (shown !== null && now === null) this.focusLater('#items-heading');
      shown = now;
    });
    inject(DestroyRef).onDestroy(() => this.request?.unsubscribe());
  }

  protected load(id = this.id()): void {
    this.request?.unsubscribe();
    this.state.set({ status: 'loading' });
    this.conflict.set(false);
    this.problem.set(null);
    this.diff.set(null);
    this.request = this.api.get(id).subscribe({
      next: (view) => {
        this.show(view);
        this.loadSide(view.id);
      },
      error: (error: unknown) => this.state.set({ status: 'error', problem: toApiProblem(error) }),
    });
  }

  /** Who reads a public summary changed: not part of the content, so unsaved edits stay. */
  protected visibilityChanged(view: MinutesView): void {
    const state = this.state();
    if (state.status === 'ready')
      this.state.set({ status: 'ready', view: { ...state.view, visibility: view.visibility } });
  }

  private show(view: MinutesView): void {
    this.state.set({ status: 'ready', view });
    this.draft.set(toDraft(view.content));
    this.attempted.set(false);
    this.serverErrors.set({});
    this.dirty.set(false);
    this.diffTo = view.version;
    this.diffFrom = Math.max(1, view.version - 1);
    if (!view.content.items.some((item) => item.key === this.proposeKey)) {
      this.proposeKey = view.content.items[0]?.key ?? '';
    }
  }

  private loadSide(id: string): void {
    this.api.amendments(id).subscribe({
      next: (amendments) => this.amendments.set(amendments),
      error: () => this.amendments.set([]),
    });
    this.api.comments(id).subscribe({
      next: (comments) => this.comments.set(comments),
      error: () => this.comments.set([]),
    });
  }

  /** The notes or the restricted flag of the item `key` (from the notes editor and the toggle). */
  protected edit(key: string, change: Partial<Pick<ItemDraft, 'notes' | 'restricted'>>): void {
    const index = this.draft().items.findIndex((item) => item.key === key);
    if (index < 0) return;
    this.updateItems((items) => items.map((item, i) => (i === index ? { ...item, ...change } : item)));
    this.clearServerError(`items.${index}.${change.notes !== undefined ? 'notes' : 'restricted'}`);
  }

  protected setTitle(title: string): void {
    this.draft.update((draft) => ({ ...draft, title }));
    this.dirty.set(true);
    this.clearServerError('title');
  }

  protected changeItem(index: number, change: ItemChange): void {
    this.updateItems((items) => items.map((item, i) => (i === index ? change.item : item)));
    this.clearServerError(`items.${index}.${change.field}`);
  }

  /** A new section at the end (`extra-<n>`), its title field focused. */
  protected addSection(): void {
    const items = this.draft().items;
    const key = nextExtraKey(items.map((item) => item.key));
    if (!key || items.length >= MINUTES_LIMITS.items) return;
    this.updateItems((list) => [...list, newSection(key)]);
    this.announce(_('minutesArea.page.sectionAdded'), { n: items.length + 1 });
    this.focusLater(`[data-item-title="${key}"]`);
  }

  /** Removes an added section; one that holds anything, or was saved before, only once confirmed. */
  protected removeSection(index: number): void {
    const item = this.draft().items[index];
    if (!item || !isAddedSection(item.key)) return;
    const drop = () => {
      this.updateItems((items) => items.filter((other) => other.key !== item.key));
      // Indices moved: the server's words about items no longer point at the right fields.
      this.serverErrors.update((errors) => withoutErrors(errors, 'items'));
      this.announce(_('minutesArea.page.sectionRemoved'), { title: this.titleOf(item) });
      this.focusLater('[data-testid=add-section]');
    };
    const saved = this.view()?.content.items.some((other) => other.key === item.key) ?? false;
    const empty = !item.notes && item.speakers.length === 0 && item.decisions.length === 0;
    if (empty && !saved) {
      drop();
      return;
    }
    const voted = item.decisions.filter((d) => d.result !== null).length;
    this.dialog
      .open<ConfirmDialogComponent, ConfirmDialogData, boolean>(ConfirmDialogComponent, {
        data: {
          title: _('minutesArea.page.removeSectionDialog.title'),
          text: voted
            ? _('minutesArea.page.removeSectionDialog.textVoted')
            : _('minutesArea.page.removeSectionDialog.text'),
          confirm: _('minutesArea.page.removeSectionDialog.confirm'),
          params: {
            title: this.titleOf(item),
            speakers: item.speakers.length,
            decisions: item.decisions.length,
            voted,
          },
        },
      })
      .afterClosed()
      .pipe(filter((confirmed) => confirmed === true))
      .subscribe(() => drop());
  }

  protected moveItem(index: number, by: -1 | 1): void {
    const items = this.draft().items;
    const target = index + by;
    const item = items[index];
    if (!item || target < 0 || target >= items.length) return;
    this.updateItems((list) => {
      const next = [...list];
      next.splice(index, 1);
      next.splice(target, 0, item);
      return next;
    });
    this.serverErrors.update((errors) => withoutErrors(errors, 'items'));
    this.announce(_('minutesArea.page.itemMoved'), { title: this.titleOf(item), n: target + 1 });
    this.focusLater(`[data-move="${item.key}:${by < 0 ? 'up' : 'down'}"]`);
  }

  /** One PUT with the whole content and the base version; mistakes in the draft are shown instead of sent. */
  protected save(): void {
    const view = this.view();
    if (!view || this.busy()) return;
    const draft = this.draft();
    if (Object.keys(this.draftErrors()).length > 0) {
      this.attempted.set(true);
      this.focusFirstError();
      return;
    }
    this.busy.set(true);
    this.problem.set(null);
    this.conflict.set(false);
    this.serverErrors.set({});
    const content = fromDraft(draft, view.content.attendance);
    this.api.save(view.id, view.version, content, this.saveNote.trim() || undefined).subscribe({
      next: (saved) => {
        this.busy.set(false);
        this.saveNote = '';
        this.show(saved);
        this.announce(_('minutesArea.page.saved'));
      },
      error: (error: unknown) => {
        this.busy.set(false);
        const problem = toApiProblem(error);
        if (problem.status === 409) this.conflict.set(true);
        else if (Object.keys(problem.fields).length > 0) {
          this.serverErrors.set(contentFieldErrors(problem.fields));
          this.focusFirstError();
        } else this.problem.set(problem);
      },
    });
  }

  private updateItems(change: (items: ItemDraft[]) => ItemDraft[]): void {
    this.draft.update((draft) => ({ ...draft, items: change(draft.items) }));
    this.dirty.set(true);
  }

  private clearServerError(path: string): void {
    if (Object.keys(this.serverErrors()).length === 0) return;
    this.serverErrors.update((errors) => withoutErrors(errors, path));
  }

  private titleOf(item: ItemDraft): string {
    return item.title.trim() || this.translate.instant('minutesArea.itemEditor.untitled');
  }

  protected addedSection(key: string): boolean {
    return isAddedSection(key);
  }

  private announce(key: string, params: Record<string, unknown> = {}): void {
    this.announcementParams.set(params);
    this.announcement.set(key);
  }

  private focusLater(selector: string): void {
    afterNextRender(() => this.host.querySelector<HTMLElement>(selector)?.focus(), { injector: this.injector });
  }

  /** The first field showing an error, or the alert that lists them. */
  private focusFirstError(): void {
    afterNextRender(
      () => {
        const field = this.host.querySelector<HTMLElement>(
          '.mat-form-field-invalid input, .mat-form-field-invalid textarea',
        );
        (field ?? this.host.querySelector<HTMLElement>('[data-testid=structure-invalid]'))?.focus();
      },
      { injector: this.injector },
    );
  }

  protected circulate(): void {
    const view = this.view();
    if (!view) return;
    this.confirm(
      {
        title: _('minutesArea.page.circulateDialog.title'),
        text: _('minutesArea.page.circulateDialog.text'),
        confirm: _('minutesArea.page.circulate'),
      },
      () => this.api.circulate(view.id),
      _('minutesArea.page.circulated'),
    );
  }

  protected approve(): void {
    const view = this.view();
    if (!view) return;
    this.confirm(
      {
        title: _('minutesArea.page.approveDialog.title'),
        text: _('minutesArea.page.approveDialog.text'),
        confirm: _('minutesArea.page.approve'),
      },
      () => this.api.approve(view.id),
      _('minutesArea.page.approved'),
    );
  }

  protected startCorrection(): void {
    const view = this.view();
    if (!view) return;
    this.confirm(
      {
        title: _('minutesArea.page.correctDialog.title'),
        text: _('minutesArea.page.correctDialog.text'),
        confirm: _('minutesArea.page.correct'),
      },
      () => this.api.startCorrection(view.id),
      _('minutesArea.page.correctionStarted'),
      (created) => void this.router.navigate(['/minutes', created.id]),
    );
  }

  protected compare(): void {
    const view = this.view();
    if (!view) return;
    this.problem.set(null);
    this.api.diff(view.id, Number(this.diffFrom), Number(this.diffTo)).subscribe({
      next: (diff) => this.diff.set(diff),
      error: (error: unknown) => this.problem.set(toApiProblem(error)),
    });
  }

  protected propose(): void {
    const view = this.view();
    const notes = this.proposeNotes();
    const reason = this.proposeReason.trim();
    if (!view || !this.proposeKey || !notes || !reason || this.busy()) return;
    this.busy.set(true);
    this.problem.set(null);
    this.api.propose(view.id, { itemKey: this.proposeKey, proposedNotes: notes, reason }).subscribe({
      next: (amendment) => {
        this.busy.set(false);
        this.amendments.update((list) => [...list, amendment]);
        this.proposeNotes.set('');
        this.proposeReason = '';
        this.announce(_('minutesArea.amendments.proposed'));
      },
      error: (error: unknown) => this.failed(error),
    });
  }

  protected setDecisionNote(id: string, note: string): void {
    this.decisionNotes.update((notes) => ({ ...notes, [id]: note }));
  }

  protected decide(amendment: AmendmentView, accept: boolean): void {
    const view = this.view();
    if (!view || this.busy()) return;
    this.busy.set(true);
    this.problem.set(null);
    const note = (this.decisionNotes()[amendment.id] ?? '').trim();
    this.api.decide(view.id, amendment.id, { accept, note }).subscribe({
      next: () => {
        this.busy.set(false);
        this.announce(accept ? _('minutesArea.amendments.accepted') : _('minutesArea.amendments.rejected'));
        // An accepted amendment makes a new version: read the document again.
        this.load(view.id);
      },
      error: (error: unknown) => {
        this.failed(error);
        if (toApiProblem(error).status === 409) this.load(view.id);
      },
    });
  }

  protected addComment(): void {
    const view = this.view();
    const body = this.commentBody.trim();
    if (!view || !body || this.busy()) return;
    this.busy.set(true);
    this.problem.set(null);
    this.api.comment(view.id, body, this.commentKey || null).subscribe({
      next: (comment) => {
        this.busy.set(false);
        this.comments.update((list) => [...list, comment]);
        this.commentBody = '';
        this.announce(_('minutesArea.comments.added'));
      },
      error: (error: unknown) => this.failed(error),
    });
  }

  /** Fetches the export with the access token and hands it to the browser as a download. */
  protected download(format: 'pdf' | 'md'): void {
    const view = this.view();
    if (!view) return;
    this.problem.set(null);
    this.api.exportFile(view.id, format, this.locale()).subscribe({
      next: (response) => {
        const disposition = response.headers.get('content-disposition') ?? '';
        const named = /filename="?([^";]+)"?/i.exec(disposition)?.[1];
        const blob = response.body ?? new Blob([]);
        const url = URL.createObjectURL(blob);
        const link = this.document.createElement('a');
        link.href = url;
        link.download = named ?? `minutes.${format}`;
        this.document.body.appendChild(link);
        link.click();
        link.remove();
        setTimeout(() => URL.revokeObjectURL(url), 1000);
      },
      error: (error: unknown) => this.problem.set(toApiProblem(error)),
    });
  }

  protected when(instant: string | null): string {
    return formatInstant(instant, this.locale(), this.auth.user()?.timeZone ?? undefined);
  }

  protected groupName(name: LocalizedText): string {
    return pickText(name, this.locale());
  }

  private confirm(
    data: ConfirmDialogData,
    action: () => Observable<MinutesView>,
    done: string,
    after?: (view: MinutesView) => void,
  ): void {
    this.dialog
      .open<ConfirmDialogComponent, ConfirmDialogData, boolean>(ConfirmDialogComponent, { data })
      .afterClosed()
      .pipe(
        filter((confirmed) => confirmed === true),
        switchMap(() => {
          this.busy.set(true);
          this.problem.set(null);
          return action();
        }),
      )
      .subscribe({
        next: (view) => {
          this.busy.set(false);
          this.announce(done);
          if (after) {
            after(view);
          } else {
            this.show(view);
            this.loadSide(view.id);
          }
        },
        error: (error: unknown) => this.failed(error),
      });
  }

  private failed(error: unknown): void {
    this.busy.set(false);
    this.problem.set(toApiProblem(error));
  }
}
