import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, ElementRef, inject, input, OnInit, signal } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Router, RouterLink } from '@angular/router';
import { InvitationPreview, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@kengash/contracts';
import { ApiProblem, AuthService, toApiProblem } from '@kengash/web-identity-data-access';
import { TranslatePipe } from '@ngx-translate/core';
import { FormErrorComponent } from '../shared/form-error.component';
import { PasswordFieldComponent } from '../shared/password-field.component';
import { applyServerErrors, focusFirstInvalid, matchingPasswords } from '../shared/server-errors';

/** `/invitation?token=`: who is invited, then a password (twice) to accept and sign in. */
@Component({
  selector: 'kg-invitation',
  imports: [
    DatePipe,
    FormErrorComponent,
    MatButtonModule,
    MatProgressBarModule,
    PasswordFieldComponent,
    ReactiveFormsModule,
    RouterLink,
    TranslatePipe,
  ],
  templateUrl: './invitation.component.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class InvitationComponent implements OnInit {
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly host: HTMLElement = inject(ElementRef).nativeElement;

  readonly token = input<string | undefined>();

  protected readonly preview = signal<InvitationPreview | null>(null);
  protected readonly loadProblem = signal<ApiProblem | null>(null);
  protected readonly problem = signal<ApiProblem | null>(null);
  protected readonly busy = signal(false);

  protected readonly form = inject(FormBuilder).nonNullable.group(
    {
      password: [
        '',
        [Validators.required, Validators.minLength(PASSWORD_MIN_LENGTH), Validators.maxLength(PASSWORD_MAX_LENGTH)],
      ],
      confirm: ['', [Validators.required]],
    },
    { validators: matchingPasswords('password', 'confirm') },
  );

  ngOnInit(): void {
    const token = this.token();
    if (!token) {
      this.loadProblem.set({ ...toApiProblem(null), status: 404 });
      return;
    }
    this.auth.previewInvitation(token).subscribe({
      next: (preview) => this.preview.set(preview),
      error: (error: unknown) => this.loadProblem.set(toApiProblem(error)),
    });
  }

  protected submit(): void {
    if (this.busy()) {
      return;
    }
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      focusFirstInvalid(this.host);
      return;
    }
    this.busy.set(true);
    this.problem.set(null);
    this.auth.acceptInvitation({ token: this.token() ?? '', password: this.form.controls.password.value }).subscribe({
      next: () => void this.router.navigateByUrl('/'),
      error: (error: unknown) => {
        this.busy.set(false);
        const problem = toApiProblem(error);
        applyServerErrors(this.form, problem);
        this.problem.set(problem);
        focusFirstInvalid(this.host);
      },
    });
  }
}
