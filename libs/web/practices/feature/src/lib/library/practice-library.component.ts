import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  effect,
  inject,
  input,
  linkedSignal,
  signal,
  untracked,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { PRACTICE_LIMITS, PracticeSearchHit, PracticeSearchQuery, PracticeSearchResponse } from '@kengash/contracts';
import { ApiProblem, AuthService, toApiProblem } from '@kengash/web-identity-data-access';
import { PracticesApiService } from '@kengash/web-practices-data-access';
import { _, TranslatePipe } from '@ngx-translate/core';
import { Subscription } from 'rxjs';
import {
  COUNTRY_KEYS,
  EVIDENCE_KEYS,
  formatDate,
  injectActiveLocale,
  LANGUAGE_KEYS,
  TARGET_GROUP_KEYS,
  THEME_KEYS,
} from '../shared/practice-labels';
import { PracticeLinksComponent } from '../shared/practice-links.component';
import { FACET_KEYS, FacetKey, facetOptions, libraryQueryParams, parseLibraryQuery } from './library-query';

type LoadState =
  | { status: 'loading' }
  | { status: 'error'; problem: ApiProblem }
  | { status: 'ready'; result: PracticeSearchResponse };

const FACET_TITLE_KEYS: Record<FacetKey, string> = {
  country: _('practices.library.facets.country'),
  theme: _('practices.library.facets.theme'),
  targetGroup: _('practices.library.facets.targetGroup'),
  language: _('practices.library.facets.language'),
  evidence: _('practices.library.facets.evidence'),
};

const FACET_VALUE_KEYS: Record<FacetKey, Record<string, string>> = {
  country: COUNTRY_KEYS,
  theme: THEME_KEYS,
  targetGroup: TARGET_GROUP_KEYS,
  language: LANGUAGE_KEYS,
  evidence: EVIDENCE_KEYS,
};

/**
 * `/practices`: the best-practice library, open to anyone (signed-in people see the entries shared with the
 * council or the network too). A search box over every translation, facets with counts (country, theme, target
 * group, language, evidence: one value each, chosen and cleared with toggle buttons), results with the matched
 * words highlighted, and pages. The search lives in the query string; the UI language goes as Accept-Language, so
 * without a query each entry shows in the reader's language when it has it.
 */
@Component({
  selector: 'kg-practice-library',
  imports: [
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    PracticeLinksComponent,
    RouterLink,
    TranslatePipe,
  ],
  templateUrl: './practice-library.component.html',
  styleUrl: './practice-library.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PracticeLibraryComponent {
  private readonly api = inject(PracticesApiService);
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private request: Subscription | undefined;

  /** Query parameters, bound by the router. */
  readonly q = input<string>();
  readonly country = input<string>();
  readonly theme = input<string>();
  readonly targetGroup = input<string>();
  readonly language = input<string>();
  readonly evidence = input<string>();
  readonly page = input<string>();

  protected readonly locale = injectActiveLocale();
  protected readonly limits = PRACTICE_LIMITS;
  protected readonly facetKeys = FACET_KEYS;
  protected readonly facetTitleKeys = FACET_TITLE_KEYS;
  protected readonly facetValueKeys = FACET_VALUE_KEYS;
  protected readonly countryKeys = COUNTRY_KEYS;
  protected readonly themeKeys = THEME_KEYS;
  protected readonly evidenceKeys = EVIDENCE_KEYS;
  protected readonly languageKeys = LANGUAGE_KEYS;
  protected readonly state = signal<LoadState>({ status: 'loading' });
  protected readonly signedIn = computed(() => this.auth.user() !== null);

  protected readonly query = computed<PracticeSearchQuery>(() =>
    parseLibraryQuery({
      q: this.q(),
      country: this.country(),
      theme: this.theme(),
      targetGroup: this.targetGroup(),
      language: this.language(),
      evidence: this.evidence(),
      page: this.page(),
    }),
  );
  /** What is typed in the search box; follows the address when it changes. */
  protected readonly text = linkedSignal(() => this.query().q ?? '');
  protected readonly result = computed(() => {
    const state = this.state();
    return state.status === 'ready' ? state.result : null;
  });
  protected readonly facets = computed(() => {
    const query = this.query();
    const facets = this.result()?.facets ?? null;
    return FACET_KEYS.map((key) => ({ key, options: facetOptions(facets, key, query[key]) })).filter(
      (facet) => facet.options.length > 0,
    );
  });
  protected readonly filtered = computed(() => FACET_KEYS.some((key) => !!this.query()[key]));
  protected readonly pages = computed(() => {
    const result = this.result();
    return result ? Math.max(1, Math.ceil(result.total / result.pageSize)) : 1;
  });
  protected readonly currentPage = computed(() => this.result()?.page ?? this.query().page ?? 1);

  constructor() {
    effect(() => {
      const query = this.query();
      const locale = this.locale();
      // Signing in or out changes what may be read.
      this.auth.user();
      untracked(() => this.load(query, locale));
    });
    inject(DestroyRef).onDestroy(() => this.request?.unsubscribe());
  }

  protected load(query: PracticeSearchQuery = this.query(), locale: string = this.locale()): void {
    this.request?.unsubscribe();
    this.state.set({ status: 'loading' });
    this.request = this.api.search(query, locale).subscribe({
      next: (result) => this.state.set({ status: 'ready', result }),
      error: (error: unknown) => this.state.set({ status: 'error', problem: toApiProblem(error) }),
    });
  }

  protected search(event: Event): void {
    event.preventDefault();
    this.go({ ...this.query(), q: this.text().trim() || undefined, page: undefined });
  }

  protected toggle(key: FacetKey, value: string): void {
    const query = this.query();
    this.go({ ...query, [key]: query[key] === value ? undefined : value, page: undefined });
  }

  protected clearFilters(): void {
    const query = this.query();
    this.go({ q: query.q });
  }

  protected pageParams(page: number): Record<string, string> {
    return libraryQueryParams({ ...this.query(), page });
  }

  protected readText(event: Event): void {
    this.text.set((event.target as HTMLInputElement).value);
  }

  protected when(instant: string | null): string {
    return formatDate(instant, this.locale(), this.auth.user()?.timeZone);
  }

  /** The entry opens in the translation the hit shows. */
  protected entryParams(hit: PracticeSearchHit): Record<string, string> {
    return { lang: hit.locale };
  }

  private go(query: PracticeSearchQuery): void {
    void this.router.navigate([], { relativeTo: this.route, queryParams: libraryQueryParams(query) });
  }
}
