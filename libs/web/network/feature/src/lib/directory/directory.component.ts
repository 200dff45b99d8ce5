import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import {
  ContactDetailsResponse,
  CountryCode,
  DirectoryEntry,
  DirectoryResponse,
  ORGANISATION_TYPES,
  OrganisationType,
  PRACTICE_LANGUAGES,
  PRACTICE_THEMES,
  PracticeLanguage,
  PracticeTheme,
} from '@kengash/contracts';
import { ApiProblem, toApiProblem } from '@kengash/web-identity-data-access';
import { DirectoryQuery, NetworkApiService } from '@kengash/web-network-data-access';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import {
  CONTACT_FIELD_KEYS,
  COUNTRY_KEYS,
  EXPERTISE_KEYS,
  FIELD_KEYS,
  injectActiveLocale,
  LANGUAGE_KEYS,
  ORGANISATION_TYPE_KEYS,
} from '../shared/network-labels';
import { ProblemComponent } from '../shared/problem.component';
import { entryFacts, EntryFact } from './directory-entry';

type State =
  | { status: 'loading' }
  | { status: 'error'; problem: ApiProblem }
  | { status: 'ready'; response: DirectoryResponse };

type Filter = 'expertise' | 'country' | 'language' | 'organisationType';

/** Revealed contact details per person, or the failure. */
type Revealed = ContactDetailsResponse | { problem: ApiProblem };

/**
 * `/network/directory`: search and filters (expertise, country, language, organisation type) over the network's
 * members. Each card shows only the fields present in the API's JSON (what the viewer may see); contact details
 * come only with an explicit "show contact details", which is logged and visible to the person.
 */
@Component({
  selector: 'kg-network-directory',
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
  templateUrl: './directory.component.html',
  styleUrl: '../shared/network-page.css',
  styles: `
    .filters summary {
      cursor: pointer;
      font: var(--mat-sys-title-small);
      padding: 0.5rem 0;
    }
    .search {
      display: flex;
      flex-wrap: wrap;
      gap: 0 0.5rem;
      align-items: baseline;
    }
    .search mat-form-field {
      flex: 1 1 16rem;
    }
    .contact {
      margin-top: 0.5rem;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DirectoryComponent {
  private readonly api = inject(NetworkApiService);
  private readonly translate = inject(TranslateService);
  private readonly locale = injectActiveLocale();

  protected readonly q = new FormControl('', { nonNullable: true });
  protected readonly filters = signal<Record<Filter, string[]>>({
    expertise: [],
    country: [],
    language: [],
    organisationType: [],
  });
  protected readonly page = signal(1);
  protected readonly state = signal<State>({ status: 'loading' });
  protected readonly revealed = signal<Record<string, Revealed>>({});
  protected readonly pages = computed(() => {
    const s = this.state();
    return s.status === 'ready' ? Math.max(1, Math.ceil(s.response.total / s.response.pageSize)) : 1;
  });

  protected readonly filterOptions: { filter: Filter; values: readonly string[]; keys: Record<string, string> }[] = [
    { filter: 'expertise', values: PRACTICE_THEMES, keys: EXPERTISE_KEYS },
    { filter: 'country', values: Object.values(CountryCode), keys: COUNTRY_KEYS },
    { filter: 'language', values: PRACTICE_LANGUAGES, keys: LANGUAGE_KEYS },
    { filter: 'organisationType', values: ORGANISATION_TYPES, keys: ORGANISATION_TYPE_KEYS },
  ];
  protected readonly filterKeys: Record<Filter, string> = {
    expertise: FIELD_KEYS.expertise,
    country: FIELD_KEYS.country,
    language: FIELD_KEYS.languages,
    organisationType: FIELD_KEYS.organisationType,
  };
  protected readonly fieldKeys = FIELD_KEYS;
  protected readonly contactFieldKeys = CONTACT_FIELD_KEYS;

  constructor() {
    this.search();
  }

  protected facts(entry: DirectoryEntry): EntryFact[] {
    return entryFacts(entry);
  }

  /** "Phone, Contact e-mail": the contact fields this viewer may reveal, in the UI language. */
  protected contactList(entry: DirectoryEntry): string {
    this.locale();
    return entry.contactFields.map((f) => this.translate.instant(CONTACT_FIELD_KEYS[f]) as string).join(', ');
  }

  protected isChecked(filter: Filter, value: string): boolean {
    return this.filters()[filter].includes(value);
  }

  protected toggle(filter: Filter, value: string, checked: boolean): void {
    this.filters.update((f) => {
      const rest = f[filter].filter((v) => v !== value);
      return { ...f, [filter]: checked ? [...rest, value] : rest };
    });
  }

  protected submitSearch(event: Event): void {
    event.preventDefault();
    this.search();
  }

  protected search(page = 1): void {
    this.page.set(page);
    const f = this.filters();
    const query: DirectoryQuery = {
      q: this.q.value,
      expertise: f.expertise as PracticeTheme[],
      country: f.country as CountryCode[],
      language: f.language as PracticeLanguage[],
      organisationType: f.organisationType as OrganisationType[],
      page,
    };
    this.state.set({ status: 'loading' });
    this.api.directory(query).subscribe({
      next: (response) => this.state.set({ status: 'ready', response }),
      error: (error: unknown) => this.state.set({ status: 'error', problem: toApiProblem(error) }),
    });
  }

  protected reveal(entry: DirectoryEntry): void {
    this.api.contactDetails(entry.userId).subscribe({
      next: (details) => this.revealed.update((r) => ({ ...r, [entry.userId]: details })),
      error: (error: unknown) =>
        this.revealed.update((r) => ({ ...r, [entry.userId]: { problem: toApiProblem(error) } })),
    });
  }

  protected details(userId: string): ContactDetailsResponse | null {
    const r = this.revealed()[userId];
    return r && !('problem' in r) ? r : null;
  }

  protected revealProblem(userId: string): ApiProblem | null {
    const r = this.revealed()[userId];
    return r && 'problem' in r ? r.problem : null;
  }
}
