import { CdkDrag, CdkDragDrop, CdkDragHandle, CdkDropList } from '@angular/cdk/drag-drop';
import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  ElementRef,
  inject,
  Injector,
  input,
  signal,
  untracked,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { AbstractControl, FormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatRadioModule } from '@angular/material/radio';
import { MatSelectModule } from '@angular/material/select';
import { Router, RouterLink } from '@angular/router';
import {
  AdminUserSummary,
  pickText,
  SessionFormat,
  SessionView,
  SlotView,
  WorkingGroupSummary,
} from '@kengash/contracts';
import { CouncilApiService, SessionsApiService } from '@kengash/web-council-data-access';
import { AdminApiService, ApiProblem, AuthService, toApiProblem } from '@kengash/web-identity-data-access';
import { _, TranslatePipe, TranslateService } from '@ngx-translate/core';
import { catchError, forkJoin, map, Observable, of, startWith } from 'rxjs';
import { injectActiveLocale } from '../../active-locale';
import { ProblemComponent } from '../../shared/problem.component';
import { canEditSession, isStaff, schedulableGroupIds } from '../session-access';
import { addDays, FORMAT_KEYS, instantOf, safeZone, today } from '../session-time';
import { TimeZoneStripComponent } from '../time-zone-strip.component';
import {
  agendaItem,
  applySlot,
  fromSession,
  moveAgendaItem,
  RecurrenceKind,
  sessionForm,
  toCreateRequest,
  toUpdateRequest,
} from './session-form';
import { SlotFinderComponent } from './slot-finder.component';

interface Person {
  userId: string;
  displayName: string;
}

type LoadState = { status: 'loading' } | { status: 'error'; problem: ApiProblem } | { status: 'ready' };

/** API field names that are not the form's own. */
const FIELD_ALIASES: Record<string, string> = { localStart: 'date' };

/** `/sessions/new` and `/sessions/:id/edit`: the session editor with slot finder and time-zone strip. */
@Component({
  selector: 'kg-session-editor',
  imports: [
    CdkDrag,
    CdkDragHandle,
    CdkDropList,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatRadioModule,
    MatSelectModule,
    ProblemComponent,
    ReactiveFormsModule,
    RouterLink,
    SlotFinderComponent,
    TimeZoneStripComponent,
    TranslatePipe,
  ],
  templateUrl: './session-editor.component.html',
  styleUrl: './session-editor.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SessionEditorComponent {
  private readonly api = inject(SessionsApiService);
  private readonly council = inject(CouncilApiService);
  private readonly admin = inject(AdminApiService);
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly translate = inject(TranslateService);
  private readonly injector = inject(Injector);
  private readonly host: HTMLElement = inject(ElementRef).nativeElement;
  private readonly fb = inject(FormBuilder).nonNullable;

  /** Bound from the route parameter when editing. */
  readonly id = input<string | undefined>();

  protected readonly locale = injectActiveLocale();
  protected readonly user = this.auth.user;
  protected readonly userZone = computed(() => safeZone(this.user()?.timeZone));
  protected readonly form = sessionForm(this.fb, this.userZone());
  protected readonly formats = Object.values(SessionFormat);
  protected readonly formatKeys = FORMAT_KEYS;
  protected readonly recurrences: { value: RecurrenceKind; key: string }[] = [
    { value: 'none', key: _('sessions.editor.recurrence.none') },
    { value: 'weekly', key: _('sessions.editor.recurrence.weekly') },
    { value: 'monthly', key: _('sessions.editor.recurrence.monthly') },
    { value: 'custom', key: _('sessions.editor.recurrence.custom') },
  ];
  protected readonly timeZones = zoneOptions();
  protected readonly state = signal<LoadState>({ status: 'ready' });
  protected readonly saved = signal<SessionView | null>(null);
  protected readonly busy = signal(false);
  protected readonly problem = signal<ApiProblem | null>(null);
  protected readonly announcement = signal('');
  protected readonly allGroups = signal<WorkingGroupSummary[]>([]);
  protected readonly members = signal<Person[]>([]);
  protected readonly staffUsers = signal<AdminUserSummary[]>([]);
  protected readonly staff = computed(() => isStaff(this.user()));
  protected readonly editing = computed(() => Boolean(this.id()));

  private readonly value = toSignal(
    this.form.valueChanges.pipe(
      startWith(null),
      map(() => this.form.getRawValue()),
    ),
    {
      requireSync: true,
    },
  );
  protected readonly format = computed(() => this.value().format);
  protected readonly recurrence = computed(() => this.value().recurrence);
  protected readonly chosenZone = computed(() => safeZone(this.value().timeZone.trim()));
  protected readonly instant = computed(() => {
    const v = this.value();
    return instantOf(v.date, v.time, v.timeZone.trim());
  });
  protected readonly groupIds = computed(() => this.value().groupIds);

  /** Groups I may schedule for (all groups for the secretariat). */
  protected readonly groups = computed(() => {
    const allowed = schedulableGroupIds(this.user());
    const locale = this.locale();
    const editing = this.saved();
    return this.allGroups()
      .filter((g) => (editing ? editing.groupIds.includes(g.id) : allowed === 'all' || allowed.includes(g.id)))
      .map((g) => ({ id: g.id, name: pickText(g.name, locale) }));
  });

  /** The slot finder's invitees: the groups' members, the extra invitees, and me. */
  protected readonly inviteeIds = computed(() => {
    const ids = new Set(this.members().map((m) => m.userId));
    for (const id of this.value().extraInviteeIds) ids.add(id);
    const me = this.user()?.id;
    if (me) ids.add(me);
    return [...ids];
  });

  constructor() {
    this.form.controls.date.setValue(addDays(today(this.userZone()), 7));
    this.council.listGroups().subscribe({
      next: (response) => this.allGroups.set(response.groups),
      error: (error: unknown) => this.problem.set(toApiProblem(error)),
    });
    if (this.staff()) {
      this.admin.listUsers().subscribe({
        next: (response) => this.staffUsers.set(response.items),
        error: () => this.staffUsers.set([]),
      });
    }
    effect(() => {
      const ids = this.groupIds();
      untracked(() => this.loadMembers(ids));
    });
    effect(() => {
      const id = this.id();
      if (id) {
        untracked(() => this.load(id));
      }
    });
  }

  protected load(id = this.id()): void {
    if (!id) return;
    this.state.set({ status: 'loading' });
    this.api.get(id).subscribe({
      next: (session) => {
        this.saved.set(session);
        fromSession(this.fb, this.form, session);
        this.state.set(
          canEditSession(this.user(), session)
            ? { status: 'ready' }
            : { status: 'error', problem: { ...toApiProblem(null), status: 403, message: null } },
        );
      },
      error: (error: unknown) => this.state.set({ status: 'error', problem: toApiProblem(error) }),
    });
  }

  private loadMembers(groupIds: string[]): void {
    if (groupIds.length === 0) {
      this.members.set([]);
      return;
    }
    const requests: Observable<Person[]>[] = groupIds.map((groupId) =>
      this.council.listMembers(groupId).pipe(
        map((response) => response.current.map((m) => ({ userId: m.userId, displayName: m.displayName }))),
        catchError(() => of([] as Person[])),
      ),
    );
    forkJoin(requests).subscribe((lists) => {
      const byId = new Map<string, Person>();
      for (const person of lists.flat()) byId.set(person.userId, person);
      this.members.set([...byId.values()].sort((a, b) => a.displayName.localeCompare(b.displayName)));
    });
  }

  protected isChecked(groupId: string): boolean {
    return this.groupIds().includes(groupId);
  }

  protected toggleGroup(groupId: string, checked: boolean): void {
    const current = this.form.controls.groupIds.value;
    this.form.controls.groupIds.setValue(
      checked ? [...current.filter((id) => id !== groupId), groupId] : current.filter((id) => id !== groupId),
    );
    this.form.controls.groupIds.markAsTouched();
  }

  /** The first error of a control, as text: the API's or the zone check's words, or ours. */
  protected errorOf(control: AbstractControl): string {
    const errors = control.errors;
    if (!errors) return '';
    if (typeof errors['server'] === 'string') return errors['server'];
    if (errors['min'] || errors['max']) return this.translate.instant(_('sessions.editor.errors.range'));
    if (errors['maxlength']) return this.translate.instant(_('sessions.editor.errors.tooLong'));
    return this.translate.instant(_('common.validation.required'));
  }

  // ---- agenda ---------------------------------------------------------------------------------------

  protected addAgendaItem(): void {
    this.form.controls.agenda.push(agendaItem(this.fb));
    const index = this.form.controls.agenda.length - 1;
    afterNextRender(() => this.host.querySelector<HTMLElement>(`[data-testid=agenda-title-${index}]`)?.focus(), {
      injector: this.injector,
    });
  }

  protected removeAgendaItem(index: number): void {
    this.form.controls.agenda.removeAt(index);
    this.announce(_('sessions.editor.agenda.removed'), { position: index + 1 });
    const next = Math.min(index, this.form.controls.agenda.length - 1);
    afterNextRender(
      () =>
        this.host
          .querySelector<HTMLElement>(
            next >= 0 ? `[data-testid=agenda-title-${next}]` : '[data-testid=add-agenda-item]',
          )
          ?.focus(),
      { injector: this.injector },
    );
  }

  protected moveAgendaItem(from: number, to: number, focus: 'up' | 'down' | null = null): void {
    const at = moveAgendaItem(this.form.controls.agenda, from, to);
    if (at === from) return;
    this.announce(_('sessions.editor.agenda.moved'), {
      title: this.form.controls.agenda.at(at).controls.title.value || '—',
      position: at + 1,
      count: this.form.controls.agenda.length,
    });
    if (focus) {
      afterNextRender(
        () => {
          const button = this.host.querySelector<HTMLButtonElement>(`[data-testid=agenda-${focus}-${at}]`);
          const fallback = this.host.querySelector<HTMLElement>(`[data-testid=agenda-title-${at}]`);
          (button && !button.disabled ? button : fallback)?.focus();
        },
        { injector: this.injector },
      );
    }
  }

  protected dropped(event: CdkDragDrop<unknown>): void {
    this.moveAgendaItem(event.previousIndex, event.currentIndex);
  }

  protected agendaTotal(): number {
    return this.form.controls.agenda.controls.reduce((sum, item) => sum + Number(item.controls.minutes.value || 0), 0);
  }

  // ---- slots ----------------------------------------------------------------------------------------

  protected useSlot(slot: SlotView): void {
    applySlot(this.form, slot);
    this.announce(_('sessions.slots.picked'), {
      date: this.form.controls.date.value,
      time: this.form.controls.time.value,
    });
    afterNextRender(() => this.host.querySelector<HTMLElement>('[data-testid=session-date]')?.focus(), {
      injector: this.injector,
    });
  }

  // ---- save -----------------------------------------------------------------------------------------

  protected save(): void {
    if (this.busy()) return;
    this.problem.set(null);
    if (
      !this.editing() &&
      this.form.controls.audience.value === 'groups' &&
      this.form.controls.groupIds.value.length === 0
    ) {
      this.form.controls.groupIds.setErrors({ required: true });
    }
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.focusFirstInvalid();
      return;
    }
    const saved = this.saved();
    const request$ = saved
      ? this.api.update(saved.id, toUpdateRequest(this.form, saved))
      : this.api.create(toCreateRequest(this.form));
    this.busy.set(true);
    request$.subscribe({
      next: (session) => {
        this.busy.set(false);
        this.form.markAsPristine();
        void this.router.navigate(['/sessions', session.id], { queryParams: { saved: 1 } });
      },
      error: (error: unknown) => {
        this.busy.set(false);
        const problem = toApiProblem(error);
        this.applyServerErrors(problem);
        this.problem.set(problem);
        this.focusFirstInvalid();
      },
    });
  }

  private applyServerErrors(problem: ApiProblem): void {
    for (const [field, messages] of Object.entries(problem.fields)) {
      const control = this.form.get(FIELD_ALIASES[field] ?? field);
      if (control && messages.length > 0) {
        control.setErrors({ ...(control.errors ?? {}), server: messages.join(' ') });
        control.markAsTouched();
      }
    }
  }

  private focusFirstInvalid(): void {
    afterNextRender(
      () =>
        this.host
          .querySelector<HTMLElement>('input.ng-invalid, select.ng-invalid, textarea.ng-invalid, .groups.invalid input')
          ?.focus(),
      { injector: this.injector },
    );
  }

  private announce(key: string, params: Record<string, unknown>): void {
    this.announcement.set(this.translate.instant(key, params));
  }
}

/** Every IANA zone the browser knows. */
function zoneOptions(): string[] {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return [];
  }
}
