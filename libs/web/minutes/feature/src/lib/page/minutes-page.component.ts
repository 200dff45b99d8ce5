import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  DOCUMENT,
  effect,
  inject,
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
  MinutesDecisionLine,
  MinutesDiffView,
  MinutesSection,
  MinutesView,
  pickText,
} from '@kengash/contracts';
import { ApiProblem, AuthService, toApiProblem } from '@kengash/web-identity-data-access';
import { MinutesApiService } from '@kengash/web-minutes-data-access';
import { ConfirmDialogComponent, ConfirmDialogData, RichTextEditorComponent } from '@kengash/web-shared-ui';
import { _, TranslatePipe, TranslateService } from '@ngx-translate/core';
import { filter, Observable, Subscription, switchMap } from 'rxjs';
import {
  FACE_KEYS,
  formatInstant,
  formatTimeOnly,
  injectActiveLocale,
  resultText,
  ROLE_KEYS,
  STATUS_KEYS,
} from '../shared/minutes-labels';

type LoadState =
  | { status: 'loading' }
  | { status: 'error'; problem: ApiProblem }
  | { status: 'ready'; view: MinutesView };

interface ItemEdit {
  notes: string;
  restricted: boolean;
}

/**
 * `/minutes/:id`: one minutes document — header, attendance, items with notes; for those who may: an editor per
 * item (saved with the base version), circulate, approve, start a correction; amendments, comments, versions with
 * a diff, and the PDF / Markdown exports.
 */
@Component({
  selector: 'kg-minutes-page',
  imports: [
    FormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    RichTextEditorComponent,
    RouterLink,
    TranslatePipe,
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
  private request: Subscription | undefined;

  /** Bound from the route parameter. */
  readonly id = input.required<string>();

  protected readonly locale = injectActiveLocale();
  protected readonly limits = MINUTES_LIMITS;
  protected readonly statusKeys = STATUS_KEYS;
  protected readonly faceKeys = FACE_KEYS;
  protected readonly roleKeys = ROLE_KEYS;
  protected readonly state = signal<LoadState>({ status: 'loading' });
  protected readonly edits = signal<Partial<Record<string, ItemEdit>>>({});
  protected readonly dirty = signal(false);
  protected readonly busy = signal(false);
  protected readonly conflict = signal(false);
  protected readonly problem = signal<ApiProblem | null>(null);
  protected readonly announcement = signal('');
  protected readonly amendments = signal<AmendmentView[]>([]);
  protected readonly comments = signal<MinutesCommentView[]>([]);
  protected readonly diff = signal<MinutesDiffView | null>(null);
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

  constructor() {
    effect(() => {
      const id = this.id();
      untracked(() => this.load(id));
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

  private show(view: MinutesView): void {
    this.state.set({ status: 'ready', view });
    this.edits.set(
      Object.fromEntries(
        view.content.items.map((item) => [item.key, { notes: item.notes, restricted: item.restricted }]),
      ),
    );
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

  protected edit(key: string, change: Partial<ItemEdit>): void {
    this.edits.update((edits) => {
      const current = edits[key] ?? { notes: '', restricted: false };
      return { ...edits, [key]: { ...current, ...change } };
    });
    this.dirty.set(true);
  }

  protected save(): void {
    const view = this.view();
    if (!view || this.busy()) return;
    const edits = this.edits();
    const items: MinutesSection[] = view.content.items.map((item) => ({ ...item, ...(edits[item.key] ?? {}) }));
    this.busy.set(true);
    this.problem.set(null);
    this.conflict.set(false);
    this.api.save(view.id, view.version, { ...view.content, items }, this.saveNote.trim() || undefined).subscribe({
      next: (saved) => {
        this.busy.set(false);
        this.saveNote = '';
        this.show(saved);
        this.announcement.set(_('minutesArea.page.saved'));
      },
      error: (error: unknown) => {
        this.busy.set(false);
        const problem = toApiProblem(error);
        if (problem.status === 409) this.conflict.set(true);
        else this.problem.set(problem);
      },
    });
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
        this.announcement.set(_('minutesArea.amendments.proposed'));
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
        this.announcement.set(accept ? _('minutesArea.amendments.accepted') : _('minutesArea.amendments.rejected'));
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
        this.announcement.set(_('minutesArea.comments.added'));
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

  protected duration(seconds: number | null): string {
    if (seconds === null) return '—';
    const minutes = Math.round(seconds / 60);
    return this.translate.instant('minutesArea.page.minutesCount', { count: minutes });
  }

  protected result(decision: MinutesDecisionLine): string {
    return decision.result ? resultText(decision.result, this.translate) : '';
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
          this.announcement.set(done);
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
