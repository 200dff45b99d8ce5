import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  DOCUMENT,
  ElementRef,
  inject,
  input,
  output,
  signal,
  viewChild,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { ATTACHMENT_ACCEPT, PracticeAttachmentView } from '@kengash/contracts';
import { toApiProblem } from '@kengash/web-identity-data-access';
import { PracticesApiService } from '@kengash/web-practices-data-access';
import { ConfirmDialogComponent, ConfirmDialogData } from '@kengash/web-shared-ui';
import { _, TranslatePipe } from '@ngx-translate/core';
import { filter, Subscription, switchMap } from 'rxjs';
import { fileSize, formatDate, injectActiveLocale } from './practice-labels';

interface Upload {
  fileName: string;
  /** Null while the browser cannot tell the total. */
  percent: number | null;
}

interface Message {
  key: string;
  params?: Record<string, string>;
  alert: boolean;
}

/**
 * What a refused upload means, in words (413 too large, 415/400 a type the library does not take, 422 the virus
 * scanner found something, 503 the scanner or the storage cannot be reached).
 */
export function uploadErrorKey(status: number): string {
  if (status === 413) return _('practices.attachments.tooLarge');
  if (status === 415 || status === 400) return _('practices.attachments.wrongType');
  if (status === 422) return _('practices.attachments.infected');
  if (status === 503) return _('practices.attachments.unavailable');
  if (status === 0) return _('common.errors.offline');
  return _('practices.attachments.failed');
}

/**
 * An entry's attachments: each with its size and a download link (fetched with the access token, then saved).
 * With `editable`: upload a file (`multipart/form-data`, field `file`) with a progress bar and a way to stop it,
 * and delete an attachment after asking.
 */
@Component({
  selector: 'kg-practice-attachments',
  imports: [MatButtonModule, MatProgressBarModule, TranslatePipe],
  template: `
    <section class="attachments" aria-labelledby="attachments-title" data-testid="attachments">
      <h2 id="attachments-title" class="section-title">{{ 'practices.attachments.title' | translate }}</h2>
      <div aria-live="polite">
        @if (message(); as m) {
          <p [attr.role]="m.alert ? 'alert' : 'status'" [class.alert]="m.alert" data-testid="attachments-message">
            {{ m.key | translate: m.params ?? {} }}
          </p>
        }
      </div>
      <ul class="files">
        @for (file of attachments(); track file.id) {
          <li data-testid="attachment" [attr.data-id]="file.id">
            <a
              [href]="api.attachmentUrl(practiceId(), file.id)"
              (click)="download($event, file)"
              data-testid="attachment-link"
              >{{ file.fileName }}</a
            >
            <span class="muted">{{ size(file.size) }} · {{ when(file.uploadedAt) }}</span>
            @if (editable()) {
              <button
                mat-button
                type="button"
                (click)="remove(file)"
                [attr.aria-label]="'practices.attachments.deleteLabel' | translate: { name: file.fileName }"
                data-testid="attachment-delete"
              >
                {{ 'practices.attachments.delete' | translate }}
              </button>
            }
          </li>
        } @empty {
          <li class="muted" data-testid="no-attachments">{{ 'practices.attachments.none' | translate }}</li>
        }
      </ul>
      @if (editable()) {
        <div class="upload">
          <label class="file-label" for="attachment-file">{{ 'practices.attachments.choose' | translate }}</label>
          <input
            #fileInput
            id="attachment-file"
            type="file"
            [accept]="accept"
            aria-describedby="attachment-hint"
            [disabled]="upload() !== null"
            (change)="picked($event)"
            data-testid="attachment-input"
          />
          <p id="attachment-hint" class="muted">{{ 'practices.attachments.hint' | translate }}</p>
          @if (upload(); as u) {
            <div class="progress" data-testid="upload-progress">
              <mat-progress-bar
                [mode]="u.percent === null ? 'indeterminate' : 'determinate'"
                [value]="u.percent ?? 0"
                [attr.aria-label]="'practices.attachments.uploading' | translate: { name: u.fileName }"
              />
              <span>
                {{ 'practices.attachments.uploading' | translate: { name: u.fileName } }}
                @if (u.percent !== null) {
                  <span data-testid="upload-percent">{{ u.percent }} %</span>
                }
              </span>
              <button mat-button type="button" (click)="cancel()" data-testid="upload-cancel">
                {{ 'practices.attachments.cancel' | translate }}
              </button>
            </div>
          }
        </div>
      }
    </section>
  `,
  styles: `
    .section-title {
      margin: 1.5rem 0 0.5rem;
      font: var(--mat-sys-title-large);
    }
    .files {
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .files li {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.25rem 0.75rem;
      padding: 0.25rem 0;
      overflow-wrap: anywhere;
    }
    .muted {
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-medium);
    }
    .upload {
      margin: 0.75rem 0 0;
    }
    .file-label {
      display: block;
      margin: 0 0 0.25rem;
      font: var(--mat-sys-title-small);
    }
    .progress {
      display: grid;
      gap: 0.25rem;
      max-width: 30rem;
    }
    .alert {
      color: var(--mat-sys-error);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PracticeAttachmentsComponent {
  protected readonly api = inject(PracticesApiService);
  private readonly dialog = inject(MatDialog);
  private readonly document = inject(DOCUMENT);
  private readonly fileInput = viewChild<ElementRef<HTMLInputElement>>('fileInput');
  private uploading: Subscription | undefined;

  /** The types the API accepts (it checks the content; this only narrows the file picker). */
  protected readonly accept = ATTACHMENT_ACCEPT;
  readonly practiceId = input.required<string>();
  readonly attachments = input.required<PracticeAttachmentView[]>();
  readonly editable = input(false);

  /** The list after an upload or a deletion. */
  readonly changed = output<PracticeAttachmentView[]>();

  protected readonly locale = injectActiveLocale();
  protected readonly upload = signal<Upload | null>(null);
  protected readonly message = signal<Message | null>(null);

  constructor() {
    inject(DestroyRef).onDestroy(() => this.uploading?.unsubscribe());
  }

  protected size(bytes: number): string {
    return fileSize(bytes, this.locale());
  }

  protected when(instant: string): string {
    return formatDate(instant, this.locale());
  }

  protected picked(event: Event): void {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    this.start(file);
  }

  /** Sends one file; the bar follows the bytes sent. */
  start(file: File): void {
    this.message.set(null);
    this.upload.set({ fileName: file.name, percent: 0 });
    this.uploading = this.api.upload(this.practiceId(), file).subscribe({
      next: (event) => {
        if (event.kind === 'progress') {
          this.upload.set({ fileName: file.name, percent: event.percent });
        } else {
          this.changed.emit([...this.attachments(), event.attachment]);
          this.message.set({ key: _('practices.attachments.uploaded'), params: { name: file.name }, alert: false });
        }
      },
      error: (error: unknown) => {
        this.finish();
        const problem = toApiProblem(error);
        this.message.set({
          key: uploadErrorKey(problem.status),
          params: { name: file.name, reason: problem.message ?? '' },
          alert: true,
        });
      },
      complete: () => this.finish(),
    });
  }

  protected cancel(): void {
    const current = this.upload();
    this.uploading?.unsubscribe();
    this.finish();
    if (current) {
      this.message.set({ key: _('practices.attachments.cancelled'), params: { name: current.fileName }, alert: false });
    }
  }

  protected remove(file: PracticeAttachmentView): void {
    this.dialog
      .open<ConfirmDialogComponent, ConfirmDialogData, boolean>(ConfirmDialogComponent, {
        data: {
          title: _('practices.attachments.deleteDialog.title'),
          text: _('practices.attachments.deleteDialog.text'),
          confirm: _('practices.attachments.delete'),
          params: { name: file.fileName },
        },
      })
      .afterClosed()
      .pipe(
        filter((confirmed) => confirmed === true),
        switchMap(() => this.api.deleteAttachment(this.practiceId(), file.id)),
      )
      .subscribe({
        next: () => {
          this.changed.emit(this.attachments().filter((a) => a.id !== file.id));
          this.message.set({ key: _('practices.attachments.deleted'), params: { name: file.fileName }, alert: false });
        },
        error: (error: unknown) => {
          const problem = toApiProblem(error);
          this.message.set({
            key: _('practices.attachments.deleteFailed'),
            params: { name: file.fileName, reason: problem.message ?? '' },
            alert: true,
          });
        },
      });
  }

  /** Fetches the file with the access token and hands it to the browser as a download. */
  protected download(event: MouseEvent, file: PracticeAttachmentView): void {
    event.preventDefault();
    this.api.downloadAttachment(this.practiceId(), file.id).subscribe({
      next: (response) => {
        const blob = response.body ?? new Blob([]);
        const url = URL.createObjectURL(blob);
        const link = this.document.createElement('a');
        link.href = url;
        link.download = file.fileName;
        this.document.body.appendChild(link);
        link.click();
        link.remove();
        setTimeout(() => URL.revokeObjectURL(url), 1000);
      },
      error: (error: unknown) => {
        const problem = toApiProblem(error);
        this.message.set({
          key: _('practices.attachments.downloadFailed'),
          params: { name: file.fileName, reason: problem.message ?? '' },
          alert: true,
        });
      },
    });
  }

  private finish(): void {
    this.uploading = undefined;
    this.upload.set(null);
    const input = this.fileInput()?.nativeElement;
    if (input) input.value = '';
  }
}
