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
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { GroupVisibility, pickText, WorkingGroupDetail } from '@kengash/contracts';
import { CouncilApiService } from '@kengash/web-council-data-access';
import { ApiProblem, toApiProblem } from '@kengash/web-identity-data-access';
import { _, TranslatePipe } from '@ngx-translate/core';
import { filter, Subscription, switchMap } from 'rxjs';
import { injectActiveLocale } from '../active-locale';
import {
  fallbackLang,
  formatDay,
  formatPeriod,
  GROUP_ROLE_KEYS,
  THEME_LABEL_KEYS,
  VISIBILITY_KEYS,
} from '../council-labels';
import { ConfirmDialogComponent, ConfirmDialogData } from '@kengash/web-shared-ui';
import { ProblemComponent } from '../shared/problem.component';
import { MembersSectionComponent } from './members-section.component';
import { WorkPlanSectionComponent } from './work-plan-section.component';

type LoadState =
  | { status: 'loading' }
  | { status: 'error'; problem: ApiProblem }
  | { status: 'ready'; group: WorkingGroupDetail };

/** `/groups/:slug`: a working group with its work plan and members. */
@Component({
  selector: 'kg-group-page',
  imports: [
    MatButtonModule,
    MatProgressBarModule,
    MembersSectionComponent,
    ProblemComponent,
    RouterLink,
    TranslatePipe,
    WorkPlanSectionComponent,
  ],
  templateUrl: './group-page.component.html',
  styleUrl: './group-page.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class GroupPageComponent {
  private readonly api = inject(CouncilApiService);
  private readonly dialog = inject(MatDialog);
  private readonly injector = inject(Injector);
  private readonly host: HTMLElement = inject(ElementRef).nativeElement;
  private request: Subscription | undefined;

  /** Bound from the route parameter. */
  readonly slug = input.required<string>();

  protected readonly locale = injectActiveLocale();
  protected readonly state = signal<LoadState>({ status: 'loading' });
  protected readonly archiveProblem = signal<ApiProblem | null>(null);
  protected readonly announcement = signal('');
  protected readonly busy = signal(false);
  protected readonly restricted = GroupVisibility.Restricted;
  protected readonly visibilityKeys = VISIBILITY_KEYS;

  protected readonly header = computed(() => {
    const state = this.state();
    if (state.status !== 'ready') {
      return null;
    }
    const { group } = state;
    const locale = this.locale();
    return {
      name: pickText(group.name, locale),
      nameLang: fallbackLang(group.name, locale),
      mandate: pickText(group.mandate, locale),
      mandateLang: fallbackLang(group.mandate, locale),
      themeKey: THEME_LABEL_KEYS[group.theme],
      period: formatPeriod(group.periodStart, group.periodEnd, locale),
      archivedOn: group.archivedAt ? formatDay(group.archivedAt.slice(0, 10), locale) : null,
      roleKey: group.myRole ? GROUP_ROLE_KEYS[group.myRole] : null,
    };
  });

  constructor() {
    effect(() => {
      const slug = this.slug();
      untracked(() => this.load(slug));
    });
    inject(DestroyRef).onDestroy(() => this.request?.unsubscribe());
  }

  protected load(slug = this.slug()): void {
    this.request?.unsubscribe();
    this.state.set({ status: 'loading' });
    this.request = this.api.getGroupBySlug(slug).subscribe({
      next: (group) => this.state.set({ status: 'ready', group }),
      error: (error: unknown) => this.state.set({ status: 'error', problem: toApiProblem(error) }),
    });
  }

  /** In-page links move focus (a plain `#id` would resolve against `<base href>`). */
  protected jump(id: string): void {
    const target = this.host.querySelector<HTMLElement>(`#${id}`);
    target?.scrollIntoView?.({ block: 'start' });
    target?.focus();
  }

  protected confirmArchive(group: WorkingGroupDetail): void {
    const data: ConfirmDialogData = {
      title: _('group.archive.title'),
      text: _('group.archive.text'),
      confirm: _('group.archive.confirm'),
      params: { name: pickText(group.name, this.locale()) },
    };
    this.dialog
      .open<ConfirmDialogComponent, ConfirmDialogData, boolean>(ConfirmDialogComponent, { data })
      .afterClosed()
      .pipe(
        filter((confirmed) => confirmed === true),
        switchMap(() => {
          this.busy.set(true);
          this.archiveProblem.set(null);
          return this.api.archiveGroup(group.id);
        }),
      )
      .subscribe({
        next: (archived) => {
          this.busy.set(false);
          this.state.set({ status: 'ready', group: archived });
          this.announcement.set(_('group.archive.done'));
          afterNextRender(() => this.host.querySelector<HTMLElement>('h1')?.focus(), { injector: this.injector });
        },
        error: (error: unknown) => {
          this.busy.set(false);
          this.archiveProblem.set(toApiProblem(error));
        },
      });
  }
}
