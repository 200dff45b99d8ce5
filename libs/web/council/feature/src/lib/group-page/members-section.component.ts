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
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import {
  AdminUserSummary,
  GROUP_ROLES,
  GroupMember,
  GroupMembersResponse,
  GroupRole,
  MemberImportResult,
  WorkingGroupDetail,
} from '@kengash/contracts';
import { CouncilApiService } from '@kengash/web-council-data-access';
import { AdminApiService, ApiProblem, toApiProblem } from '@kengash/web-identity-data-access';
import { _, TranslatePipe } from '@ngx-translate/core';
import { filter, Subscription, switchMap } from 'rxjs';
import { COUNTRY_NAME_KEYS, formatDay, GROUP_ROLE_KEYS } from '../council-labels';
import { ConfirmDialogComponent, ConfirmDialogData } from '@kengash/web-shared-ui';
import { ProblemComponent } from '../shared/problem.component';

type LoadState = { status: 'loading' } | { status: 'error'; problem: ApiProblem } | { status: 'ready' };

/** Today as `yyyy-mm-dd` in the viewer's zone. */
function today(): string {
  const now = new Date();
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The members of a group, past terms on request; managers add, change, remove and import. */
@Component({
  selector: 'kg-members-section',
  imports: [
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    ProblemComponent,
    ReactiveFormsModule,
    TranslatePipe,
  ],
  templateUrl: './members-section.component.html',
  styleUrl: './members-section.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MembersSectionComponent {
  private readonly api = inject(CouncilApiService);
  private readonly adminApi = inject(AdminApiService);
  private readonly dialog = inject(MatDialog);
  private readonly injector = inject(Injector);
  private readonly host: HTMLElement = inject(ElementRef).nativeElement;
  private readonly fb = inject(FormBuilder).nonNullable;
  private request: Subscription | undefined;

  readonly group = input.required<WorkingGroupDetail>();
  readonly locale = input.required<string>();

  protected readonly roles = GROUP_ROLES;
  protected readonly roleKeys = GROUP_ROLE_KEYS;
  protected readonly countryKeys = COUNTRY_NAME_KEYS;
  protected readonly state = signal<LoadState>({ status: 'loading' });
  protected readonly members = signal<GroupMembersResponse>({ current: [], past: [] });
  protected readonly showPast = signal(false);
  protected readonly announcement = signal<{ key: string; params?: Record<string, unknown> }>({ key: '' });
  protected readonly rowProblem = signal<ApiProblem | null>(null);
  protected readonly busy = signal(false);
  protected readonly canManage = computed(() => this.group().can.manageMembers);

  /** The membership whose role and term end are being changed. */
  protected readonly editingId = signal<string | null>(null);
  protected readonly editForm = this.fb.group({
    role: [GroupRole.Member as GroupRole],
    termEnd: [''],
  });

  protected readonly addOpen = signal(false);
  protected readonly addProblem = signal<ApiProblem | null>(null);
  /** People to pick from (staff only); null when the list could not be loaded. */
  protected readonly people = signal<AdminUserSummary[] | null>(null);
  protected readonly addForm = this.fb.group({
    userId: ['', [Validators.required]],
    role: [GroupRole.Member as GroupRole, [Validators.required]],
    termStart: [today(), [Validators.required]],
    termEnd: [''],
  });

  protected readonly importOpen = signal(false);
  protected readonly importProblem = signal<ApiProblem | null>(null);
  protected readonly importResult = signal<MemberImportResult | null>(null);
  protected readonly importForm = this.fb.group({ csv: ['', [Validators.required]] });

  constructor() {
    effect(() => {
      const groupId = this.group().id;
      const history = this.showPast();
      untracked(() => this.load(groupId, history));
    });
  }

  protected term(member: GroupMember): string {
    const start = formatDay(member.termStart, this.locale()) ?? member.termStart;
    const end = formatDay(member.termEnd, this.locale());
    return end ? `${start} – ${end}` : start;
  }

  protected load(groupId = this.group().id, history = this.showPast()): void {
    this.request?.unsubscribe();
    this.state.set({ status: 'loading' });
    this.request = this.api.listMembers(groupId, history).subscribe({
      next: (members) => {
        this.members.set({ current: members.current, past: members.past ?? [] });
        this.state.set({ status: 'ready' });
      },
      error: (error: unknown) => this.state.set({ status: 'error', problem: toApiProblem(error) }),
    });
  }

  protected togglePast(checked: boolean): void {
    this.showPast.set(checked);
  }

  // ---- change role / term end ----

  protected startEdit(member: GroupMember): void {
    this.editForm.reset({ role: member.role, termEnd: member.termEnd ?? '' });
    this.rowProblem.set(null);
    this.editingId.set(member.membershipId);
    this.focusLater('[data-testid=edit-member-role]');
  }

  protected cancelEdit(member: GroupMember): void {
    this.editingId.set(null);
    this.focusLater(`[data-testid=edit-member-${member.membershipId}]`);
  }

  protected saveEdit(member: GroupMember): void {
    if (this.busy()) {
      return;
    }
    const value = this.editForm.getRawValue();
    this.busy.set(true);
    this.rowProblem.set(null);
    this.api
      .updateMembership(this.group().id, member.membershipId, { role: value.role, termEnd: value.termEnd || null })
      .subscribe({
        next: () => {
          this.busy.set(false);
          this.editingId.set(null);
          this.announcement.set({ key: _('members.changed'), params: { name: member.displayName } });
          this.load();
          this.focusLater('#members-heading');
        },
        error: (error: unknown) => {
          this.busy.set(false);
          this.rowProblem.set(toApiProblem(error));
        },
      });
  }

  protected confirmRemove(member: GroupMember): void {
    const data: ConfirmDialogData = {
      title: _('members.remove.title'),
      text: _('members.remove.text'),
      confirm: _('members.remove.confirm'),
      params: { name: member.displayName },
    };
    this.dialog
      .open<ConfirmDialogComponent, ConfirmDialogData, boolean>(ConfirmDialogComponent, { data })
      .afterClosed()
      .pipe(
        filter((confirmed) => confirmed === true),
        switchMap(() => {
          this.busy.set(true);
          this.rowProblem.set(null);
          return this.api.removeMember(this.group().id, member.userId);
        }),
      )
      .subscribe({
        next: () => {
          this.busy.set(false);
          this.announcement.set({ key: _('members.removed'), params: { name: member.displayName } });
          this.load();
          this.focusLater('#members-heading');
        },
        error: (error: unknown) => {
          this.busy.set(false);
          this.rowProblem.set(toApiProblem(error));
        },
      });
  }

  // ---- add ----

  protected openAdd(): void {
    this.addForm.reset({ userId: '', role: GroupRole.Member, termStart: today(), termEnd: '' });
    this.addProblem.set(null);
    this.addOpen.set(true);
    this.adminApi.listUsers().subscribe({
      next: ({ items }) => this.people.set(items),
      error: () => this.people.set(null),
    });
    this.focusLater('[data-testid=add-member-person]');
  }

  protected closeAdd(): void {
    this.addOpen.set(false);
    this.focusLater('[data-testid=open-add-member]');
  }

  protected add(): void {
    if (this.busy()) {
      return;
    }
    if (this.addForm.invalid) {
      this.addForm.markAllAsTouched();
      this.host.querySelector<HTMLElement>('.add-member .ng-invalid:not(form)')?.focus();
      return;
    }
    const value = this.addForm.getRawValue();
    this.busy.set(true);
    this.addProblem.set(null);
    this.api
      .addMember(this.group().id, {
        userId: value.userId.trim(),
        role: value.role,
        termStart: value.termStart,
        ...(value.termEnd ? { termEnd: value.termEnd } : {}),
      })
      .subscribe({
        next: (member) => {
          this.busy.set(false);
          this.addOpen.set(false);
          this.announcement.set({ key: _('members.added'), params: { name: member?.displayName ?? '' } });
          this.load();
          this.focusLater('#members-heading');
        },
        error: (error: unknown) => {
          this.busy.set(false);
          this.addProblem.set(toApiProblem(error));
        },
      });
  }

  // ---- import ----

  protected toggleImport(): void {
    this.importOpen.update((open) => !open);
    this.importProblem.set(null);
    this.importResult.set(null);
    if (this.importOpen()) {
      this.focusLater('[data-testid=import-file]');
    }
  }

  protected async readFile(input: HTMLInputElement): Promise<void> {
    const file = input.files?.[0];
    if (file) {
      this.importForm.controls.csv.setValue(await file.text());
    }
  }

  protected import(): void {
    if (this.busy()) {
      return;
    }
    const csv = this.importForm.getRawValue().csv;
    if (!csv.trim()) {
      this.importForm.markAllAsTouched();
      this.host.querySelector<HTMLElement>('[data-testid=import-csv]')?.focus();
      return;
    }
    this.busy.set(true);
    this.importProblem.set(null);
    this.importResult.set(null);
    this.api.importMembers(this.group().id, csv).subscribe({
      next: (result) => {
        this.busy.set(false);
        this.importResult.set(result);
        this.load();
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.importProblem.set(toApiProblem(error));
      },
    });
  }

  private focusLater(selector: string): void {
    afterNextRender(() => this.host.querySelector<HTMLElement>(selector)?.focus(), { injector: this.injector });
  }
}
