import { ChangeDetectionStrategy, Component, DestroyRef, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import {
  DecisionRegisterEntry,
  DecisionRegisterResponse,
  DecisionStatus,
  LocalizedText,
  pickText,
  WorkingGroupSummary,
} from '@kengash/contracts';
import { CouncilApiService } from '@kengash/web-council-data-access';
import { ApiProblem, toApiProblem } from '@kengash/web-identity-data-access';
import { MinutesApiService } from '@kengash/web-minutes-data-access';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { Subscription } from 'rxjs';
import { formatInstant, injectActiveLocale, resultText, STATUS_KEYS } from '../shared/minutes-labels';

type LoadState =
  | { status: 'loading' }
  | { status: 'error'; problem: ApiProblem }
  | { status: 'ready'; response: DecisionRegisterResponse };

/** `/minutes`: the register of decisions, searchable by text, group and status; links to my action items. */
@Component({
  selector: 'kg-decisions-register',
  imports: [
    FormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    RouterLink,
    TranslatePipe,
  ],
  templateUrl: './decisions-register.component.html',
  styleUrl: '../shared/list-page.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DecisionsRegisterComponent {
  private readonly api = inject(MinutesApiService);
  private readonly translate = inject(TranslateService);
  private request: Subscription | undefined;

  protected readonly locale = injectActiveLocale();
  protected readonly statusKeys = STATUS_KEYS;
  protected readonly statuses: DecisionStatus[] = ['recorded', 'draft', 'circulated', 'approved'];
  protected readonly state = signal<LoadState>({ status: 'loading' });
  protected readonly groups = signal<WorkingGroupSummary[]>([]);
  protected q = '';
  protected groupId = '';
  protected status: DecisionStatus | '' = '';

  constructor() {
    inject(CouncilApiService)
      .listGroups()
      .subscribe({
        next: (response) => this.groups.set(response.groups),
        error: () => this.groups.set([]),
      });
    this.search();
    inject(DestroyRef).onDestroy(() => this.request?.unsubscribe());
  }

  protected search(): void {
    this.request?.unsubscribe();
    this.state.set({ status: 'loading' });
    this.request = this.api
      .decisions({ q: this.q.trim(), groupId: this.groupId, status: this.status || undefined })
      .subscribe({
        next: (response) => this.state.set({ status: 'ready', response }),
        error: (error: unknown) => this.state.set({ status: 'error', problem: toApiProblem(error) }),
      });
  }

  protected name(name: LocalizedText): string {
    return pickText(name, this.locale());
  }

  protected groupNames(entry: DecisionRegisterEntry): string {
    return entry.groups.map((g) => this.name(g.name)).join(', ');
  }

  protected when(entry: DecisionRegisterEntry): string {
    return formatInstant(entry.session.startsAt, this.locale(), entry.session.timeZone);
  }

  protected result(entry: DecisionRegisterEntry): string {
    return entry.result ? resultText(entry.result, this.translate) : '';
  }
}
