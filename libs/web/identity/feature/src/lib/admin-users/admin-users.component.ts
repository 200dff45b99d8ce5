import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  ElementRef,
  inject,
  Injector,
  signal,
} from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import {
  AdminUserSummary,
  CountryCode,
  GLOBAL_ROLES,
  GlobalRole,
  InviteUserRequest,
  SUPPORTED_LOCALES,
  UpdateUserRequest,
  UserStatus,
} from '@kengash/contracts';
import { AdminApiService, ApiProblem, AuthService, toApiProblem } from '@kengash/web-identity-data-access';
import { _, TranslatePipe, TranslateService } from '@ngx-translate/core';
import { filter, switchMap } from 'rxjs';
import { COUNTRY_KEYS, GLOBAL_ROLE_KEYS, USER_STATUS_KEYS } from '../identity-labels';
import { ConfirmDialogComponent, ConfirmDialogData } from '@kengash/web-shared-ui';
import { FieldErrorPipe } from '../shared/field-error.pipe';
import { FormErrorComponent } from '../shared/form-error.component';
import { applyServerErrors, focusFirstInvalid } from '../shared/server-errors';

type LoadState = { status: 'loading' } | { status: 'error'; problem: ApiProblem } | { status: 'ready' };

const LANGUAGE_KEYS: Record<string, string> = { en: _('languages.en'), ru: _('languages.ru') };

/** `/admin/users`: everyone with an account; invite, change role, disable or enable. */
@Component({
  selector: 'kg-admin-users',
  imports: [
    FieldErrorPipe,
    FormErrorComponent,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    ReactiveFormsModule,
    TranslatePipe,
  ],
  templateUrl: './admin-users.component.html',
  styleUrl: './admin-users.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AdminUsersComponent {
  private readonly api = inject(AdminApiService);
  private readonly auth = inject(AuthService);
  private readonly dialog = inject(MatDialog);
  private readonly translate = inject(TranslateService);
  private readonly injector = inject(Injector);
  private readonly host: HTMLElement = inject(ElementRef).nativeElement;

  protected readonly roles = GLOBAL_ROLES;
  protected readonly roleKeys = GLOBAL_ROLE_KEYS;
  protected readonly statusKeys = USER_STATUS_KEYS;
  protected readonly countryKeys = COUNTRY_KEYS;
  protected readonly countries: readonly CountryCode[] = Object.values(CountryCode);
  protected readonly locales = SUPPORTED_LOCALES;
  protected readonly languageKeys = LANGUAGE_KEYS;
  protected readonly statuses = UserStatus;

  protected readonly state = signal<LoadState>({ status: 'loading' });
  protected readonly users = signal<AdminUserSummary[]>([]);
  protected readonly selfId = computed(() => this.auth.user()?.id ?? null);
  /** Polite announcements of completed changes. */
  protected readonly announcement = signal('');
  protected readonly rowProblem = signal<ApiProblem | null>(null);
  protected readonly busyIds = signal<ReadonlySet<string>>(new Set());

  protected readonly inviteOpen = signal(false);
  protected readonly inviteBusy = signal(false);
  protected readonly inviteProblem = signal<ApiProblem | null>(null);
  protected readonly inviteForm = inject(FormBuilder).nonNullable.group({
    email: ['', [Validators.required, Validators.email]],
    displayName: ['', [Validators.required, Validators.maxLength(200)]],
    globalRole: [GlobalRole.Member as GlobalRole, [Validators.required]],
    country: [''],
    organisation: ['', [Validators.maxLength(200)]],
    locale: ['en'],
  });

  constructor() {
    this.load();
  }

  protected load(): void {
    this.state.set({ status: 'loading' });
    this.api.listUsers().subscribe({
      next: ({ items }) => {
        this.users.set(items);
        this.state.set({ status: 'ready' });
      },
      error: (error: unknown) => this.state.set({ status: 'error', problem: toApiProblem(error) }),
    });
  }

  protected openInvite(): void {
    this.inviteOpen.set(true);
    this.inviteProblem.set(null);
    afterNextRender(() => this.host.querySelector<HTMLElement>('[data-testid=invite-email]')?.focus(), {
      injector: this.injector,
    });
  }

  protected closeInvite(): void {
    this.inviteOpen.set(false);
    this.inviteForm.reset();
    afterNextRender(() => this.host.querySelector<HTMLElement>('[data-testid=open-invite]')?.focus(), {
      injector: this.injector,
    });
  }

  protected invite(): void {
    if (this.inviteBusy()) {
      return;
    }
    if (this.inviteForm.invalid) {
      this.inviteForm.markAllAsTouched();
      focusFirstInvalid(this.host);
      return;
    }
    const value = this.inviteForm.getRawValue();
    const request: InviteUserRequest = {
      email: value.email.trim(),
      displayName: value.displayName.trim(),
      globalRole: value.globalRole,
      locale: value.locale,
    };
    const country = this.countries.find((code) => code === value.country);
    if (country) {
      request.country = country;
    }
    if (value.organisation.trim()) {
      request.organisation = value.organisation.trim();
    }
    this.inviteBusy.set(true);
    this.inviteProblem.set(null);
    this.api.inviteUser(request).subscribe({
      next: (user) => {
        this.inviteBusy.set(false);
        this.users.update((users) => [user, ...users.filter((other) => other.id !== user.id)]);
        this.announcement.set(this.translate.instant(_('admin.users.invite.sent'), { email: user.email }));
        this.closeInvite();
      },
      error: (error: unknown) => {
        this.inviteBusy.set(false);
        const problem = toApiProblem(error);
        applyServerErrors(this.inviteForm, problem);
        this.inviteProblem.set(problem);
        focusFirstInvalid(this.host);
      },
    });
  }

  protected changeRole(user: AdminUserSummary, select: HTMLSelectElement): void {
    const role = GLOBAL_ROLES.find((candidate) => candidate === select.value);
    if (!role || role === user.globalRole) {
      return;
    }
    const params = {
      name: user.displayName,
      role: this.translate.instant(GLOBAL_ROLE_KEYS[role]),
    };
    this.confirmThen(
      {
        title: _('admin.users.roleDialog.title'),
        text: _('admin.users.roleDialog.text'),
        confirm: _('admin.users.roleDialog.confirm'),
        params,
      },
      user,
      { globalRole: role },
      _('admin.users.roleChanged'),
      () => (select.value = user.globalRole),
    );
  }

  protected toggleStatus(user: AdminUserSummary): void {
    const disable = user.status !== UserStatus.Disabled;
    this.confirmThen(
      disable
        ? {
            title: _('admin.users.disableDialog.title'),
            text: _('admin.users.disableDialog.text'),
            confirm: _('admin.users.disable'),
            params: { name: user.displayName },
          }
        : {
            title: _('admin.users.enableDialog.title'),
            text: _('admin.users.enableDialog.text'),
            confirm: _('admin.users.enable'),
            params: { name: user.displayName },
          },
      user,
      { status: disable ? UserStatus.Disabled : UserStatus.Active },
      disable ? _('admin.users.disabled') : _('admin.users.enabled'),
    );
  }

  protected isBusy(id: string): boolean {
    return this.busyIds().has(id);
  }

  private confirmThen(
    data: ConfirmDialogData,
    user: AdminUserSummary,
    change: UpdateUserRequest,
    doneKey: string,
    cancelled?: () => void,
  ): void {
    this.dialog
      .open<ConfirmDialogComponent, ConfirmDialogData, boolean>(ConfirmDialogComponent, { data, autoFocus: 'dialog' })
      .afterClosed()
      .pipe(
        filter((confirmed) => {
          if (!confirmed) {
            cancelled?.();
          }
          return confirmed === true;
        }),
        switchMap(() => {
          this.setBusy(user.id, true);
          this.rowProblem.set(null);
          return this.api.updateUser(user.id, change);
        }),
      )
      .subscribe({
        next: (updated) => {
          this.setBusy(user.id, false);
          this.users.update((users) => users.map((other) => (other.id === updated.id ? updated : other)));
          this.announcement.set(this.translate.instant(doneKey, { name: updated.displayName }));
        },
        error: (error: unknown) => {
          this.setBusy(user.id, false);
          cancelled?.();
          this.rowProblem.set(toApiProblem(error));
        },
      });
  }

  private setBusy(id: string, busy: boolean): void {
    this.busyIds.update((ids) => {
      const next = new Set(ids);
      if (busy) {
        next.add(id);
      } else {
        next.delete(id);
      }
      return next;
    });
  }
}
