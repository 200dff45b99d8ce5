import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import {
  PracticeAttachmentView,
  PracticeLanguage,
  PracticeTranslationView,
  PracticeView,
  pickText,
  WorkingGroupSummary,
} from '@kengash/contracts';
import { CouncilApiService } from '@kengash/web-council-data-access';
import { ApiProblem, AuthService, toApiProblem } from '@kengash/web-identity-data-access';
import { PracticesApiService } from '@kengash/web-practices-data-access';
import { ConfirmDialogComponent, ConfirmDialogData } from '@kengash/web-shared-ui';
import { _, TranslatePipe } from '@ngx-translate/core';
import { filter, Observable, Subscription, switchMap } from 'rxjs';
import { PracticeAttachmentsComponent } from '../shared/practice-attachments.component';
import {
  COUNTRY_KEYS,
  EVIDENCE_KEYS,
  formatDate,
  injectActiveLocale,
  LANGUAGE_KEYS,
  STATUS_KEYS,
  TARGET_GROUP_KEYS,
  THEME_KEYS,
  TRANSLATION_STATUS_KEYS,
  VISIBILITY_KEYS,
  WARNING_FIELD_KEYS,
  WARNING_KIND_KEYS,
} from '../shared/practice-labels';
import { PracticeLinksComponent } from '../shared/practice-links.component';
import { PracticeCommentsComponent } from './practice-comments.component';
import { ReviewOutcome, ReviewPanelComponent } from './review-panel.component';
import { ReviewerPickerComponent } from './reviewer-picker.component';

type LoadState =
  | { status: 'loading' }
  | { status: 'error'; problem: ApiProblem }
  | { status: 'ready'; view: PracticeView };

interface Message {
  key: string;
  params?: Record<string, string>;
  alert: boolean;
}

/**
 * The translation to show: the one asked for in the address, else the reader's UI language, else the original.
 */
export function pickTranslation(
  translations: PracticeTranslationView[],
  asked: string | undefined,
  uiLocale: string,
): PracticeTranslationView | null {
  return (
    translations.find((t) => t.locale === asked) ??
    translations.find((t) => t.locale === uiLocale) ??
    translations.find((t) => t.status === 'original') ??
    translations[0] ??
    null
  );
}

/**
 * `/practices/:id`: one entry. A language switcher between its translations (each with its status: original,
 * reviewed, machine-assisted, draft), the text, the facts (country, themes, target groups, approach, evidence,
 * sources as links, related entries, the related working group), attachments to download, "I used this in my
 * work" with the count, views, comments, and the workflow actions the API allows (`can`): edit, submit, assign
 * reviewers, publish with a visibility, return with a note, archive.
 */
@Component({
  selector: 'kg-practice-page',
  imports: [
    MatButtonModule,
    MatProgressBarModule,
    PracticeAttachmentsComponent,
    PracticeCommentsComponent,
    PracticeLinksComponent,
    ReviewPanelComponent,
    ReviewerPickerComponent,
    RouterLink,
    TranslatePipe,
  ],
  templateUrl: './practice-page.component.html',
  styleUrl: './practice-page.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PracticePageComponent {
  private readonly api = inject(PracticesApiService);
  private readonly auth = inject(AuthService);
  private readonly dialog = inject(MatDialog);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private request: Subscription | undefined;

  /** Bound from the route parameter. */
  readonly id = input.required<string>();
  /** `?lang=`: the translation to show. */
  readonly lang = input<string>();

  protected readonly locale = injectActiveLocale();
  protected readonly countryKeys = COUNTRY_KEYS;
  protected readonly themeKeys = THEME_KEYS;
  protected readonly targetGroupKeys = TARGET_GROUP_KEYS;
  protected readonly evidenceKeys = EVIDENCE_KEYS;
  protected readonly languageKeys = LANGUAGE_KEYS;
  protected readonly translationStatusKeys = TRANSLATION_STATUS_KEYS;
  protected readonly statusKeys = STATUS_KEYS;
  protected readonly visibilityKeys = VISIBILITY_KEYS;
  protected readonly warningKindKeys = WARNING_KIND_KEYS;
  protected readonly warningFieldKeys = WARNING_FIELD_KEYS;
  protected readonly state = signal<LoadState>({ status: 'loading' });
  protected readonly busy = signal(false);
  protected readonly message = signal<Message | null>(null);
  protected readonly picking = signal(false);
  protected readonly groups = signal<WorkingGroupSummary[]>([]);
  protected readonly signedIn = computed(() => this.auth.user() !== null);

  protected readonly view = computed(() => {
    const state = this.state();
    return state.status === 'ready' ? state.view : null;
  });
  protected readonly shown = computed(() =>
    pickTranslation(this.view()?.translations ?? [], this.lang(), this.locale()),
  );
  protected readonly workflow = computed(() => {
    const can = this.view()?.can;
    return !!can && (can.edit || can.submit || can.assignReviewers || can.review || can.archive);
  });
  /** The related group's page, when the reader can see the group. */
  protected readonly groupSlug = computed(() => {
    const group = this.view()?.group;
    return group ? (this.groups().find((g) => g.id === group.id)?.slug ?? null) : null;
  });

  constructor() {
    effect(() => {
      const id = this.id();
      this.auth.user();
      untracked(() => this.load(id));
    });
    inject(CouncilApiService)
      .listGroups()
      .subscribe({
        next: (response) => this.groups.set(response.groups),
        error: () => this.groups.set([]),
      });
    inject(DestroyRef).onDestroy(() => this.request?.unsubscribe());
  }

  protected load(id = this.id()): void {
    this.request?.unsubscribe();
    this.state.set({ status: 'loading' });
    this.request = this.api.get(id).subscribe({
      next: (view) => this.state.set({ status: 'ready', view }),
      error: (error: unknown) => this.state.set({ status: 'error', problem: toApiProblem(error) }),
    });
  }

  protected showLanguage(locale: PracticeLanguage): void {
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: { lang: locale },
      replaceUrl: true,
    });
  }

  protected when(instant: string | null): string {
    return formatDate(instant, this.locale(), this.auth.user()?.timeZone);
  }

  protected groupName(view: PracticeView): string {
    return view.group ? pickText(view.group.name, this.locale()) : '';
  }

  protected endorse(view: PracticeView): void {
    if (this.busy()) return;
    const on = !view.endorsedByMe;
    this.busy.set(true);
    this.message.set(null);
    this.api.endorse(view.id, on).subscribe({
      next: (state) => {
        this.busy.set(false);
        this.replace({ ...view, ...state });
        this.say(on ? _('practices.page.endorsed') : _('practices.page.unendorsed'), false);
      },
      error: (error: unknown) => this.failed(error),
    });
  }

  protected submit(view: PracticeView): void {
    this.confirm(
      {
        title: _('practices.page.submitDialog.title'),
        text: _('practices.page.submitDialog.text'),
        confirm: _('practices.page.submit'),
      },
      () => this.api.submit(view.id),
      _('practices.page.submitted'),
    );
  }

  protected archive(view: PracticeView): void {
    this.confirm(
      {
        title: _('practices.page.archiveDialog.title'),
        text: _('practices.page.archiveDialog.text'),
        confirm: _('practices.page.archive'),
      },
      () => this.api.archive(view.id),
      _('practices.page.archived'),
    );
  }

  protected reviewersSaved(view: PracticeView): void {
    this.picking.set(false);
    this.replace(view);
    this.say(_('practices.page.reviewersSaved'), false);
  }

  protected reviewed(outcome: ReviewOutcome): void {
    this.replace(outcome.view);
    this.say(outcome.message, false);
  }

  protected attachmentsChanged(view: PracticeView, attachments: PracticeAttachmentView[]): void {
    this.replace({ ...view, attachments });
  }

  private confirm(data: ConfirmDialogData, action: () => Observable<PracticeView>, done: string): void {
    this.message.set(null);
    this.dialog
      .open<ConfirmDialogComponent, ConfirmDialogData, boolean>(ConfirmDialogComponent, { data })
      .afterClosed()
      .pipe(
        filter((confirmed) => confirmed === true),
        switchMap(() => {
          this.busy.set(true);
          return action();
        }),
      )
      .subscribe({
        next: (view) => {
          this.busy.set(false);
          this.replace(view);
          this.say(done, false);
        },
        error: (error: unknown) => this.failed(error),
      });
  }

  private replace(view: PracticeView): void {
    this.state.set({ status: 'ready', view });
  }

  private say(key: string, alert: boolean, params?: Record<string, string>): void {
    this.message.set({ key, alert, ...(params ? { params } : {}) });
  }

  private failed(error: unknown): void {
    this.busy.set(false);
    const problem = toApiProblem(error);
    if (problem.status === 409) {
      this.say(_('practices.page.stateChanged'), true);
      this.load();
    } else if (problem.message) {
      this.say(_('practices.page.failedBecause'), true, { reason: problem.message });
    } else {
      this.say(_('common.errors.unexpected'), true);
    }
  }
}
