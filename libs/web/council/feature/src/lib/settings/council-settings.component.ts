import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  inject,
  Injector,
  signal,
} from '@angular/core';
import { FormArray, FormBuilder, FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import {
  Chairmanship,
  COUNCIL_COUNTRIES,
  CouncilSettings,
  CountryCode,
  CreateWorkingGroupRequest,
  GroupVisibility,
  UpdateCouncilRequest,
  WORKING_GROUP_THEMES,
  WorkingGroupDetail,
  WorkingGroupTheme,
} from '@kengash/contracts';
import { CouncilApiService } from '@kengash/web-council-data-access';
import { ApiProblem, toApiProblem } from '@kengash/web-identity-data-access';
import { _, TranslatePipe } from '@ngx-translate/core';
import { COUNTRY_NAME_KEYS, THEME_LABEL_KEYS, VISIBILITY_KEYS } from '../council-labels';
import { ProblemComponent } from '../shared/problem.component';

type LoadState = { status: 'loading' } | { status: 'error'; problem: ApiProblem } | { status: 'ready' };

type ChairForm = FormGroup<{
  country: FormControl<CountryCode>;
  periodStart: FormControl<string>;
  periodEnd: FormControl<string>;
}>;

/** Lower-case letters, digits and single hyphens, as used in `/groups/:slug`. */
const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Every IANA zone the browser knows (falls back to the council's capitals). */
function knownTimeZones(): string[] {
  const intl = Intl as typeof Intl & { supportedValuesOf?: (key: 'timeZone') => string[] };
  const zones = intl.supportedValuesOf?.('timeZone') ?? [];
  return zones.length > 0
    ? zones
    : ['Asia/Almaty', 'Asia/Ashgabat', 'Asia/Bishkek', 'Asia/Dushanbe', 'Asia/Tashkent', 'UTC'];
}

/** `/council/settings` (secretariat, admin): the council's settings and new working groups. */
@Component({
  selector: 'kg-council-settings',
  imports: [
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    ProblemComponent,
    ReactiveFormsModule,
    RouterLink,
    TranslatePipe,
  ],
  templateUrl: './council-settings.component.html',
  styleUrl: './council-settings.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CouncilSettingsComponent {
  private readonly api = inject(CouncilApiService);
  private readonly injector = inject(Injector);
  private readonly host: HTMLElement = inject(ElementRef).nativeElement;
  private readonly fb = inject(FormBuilder).nonNullable;

  protected readonly countries = COUNCIL_COUNTRIES;
  protected readonly countryKeys = COUNTRY_NAME_KEYS;
  protected readonly themes = WORKING_GROUP_THEMES;
  protected readonly themeKeys = THEME_LABEL_KEYS;
  protected readonly visibilities: readonly GroupVisibility[] = Object.values(GroupVisibility);
  protected readonly visibilityKeys = VISIBILITY_KEYS;
  protected readonly timeZones = knownTimeZones();

  protected readonly state = signal<LoadState>({ status: 'loading' });
  protected readonly busy = signal(false);
  protected readonly problem = signal<ApiProblem | null>(null);
  protected readonly saved = signal(false);

  protected readonly form = this.fb.group({
    nameEn: ['', [Validators.required, Validators.maxLength(200)]],
    nameRu: ['', [Validators.maxLength(200)]],
    defaultTimeZone: ['Asia/Almaty', [Validators.required]],
    memberCountries: this.fb.group(
      Object.fromEntries(COUNCIL_COUNTRIES.map((code) => [code, this.fb.control(false)])) as Record<
        CountryCode,
        FormControl<boolean>
      >,
    ),
    chairmanships: new FormArray<ChairForm>([]),
  });

  protected readonly groupBusy = signal(false);
  protected readonly groupProblem = signal<ApiProblem | null>(null);
  protected readonly created = signal<WorkingGroupDetail | null>(null);
  protected readonly groupForm = this.fb.group({
    slug: ['', [Validators.required, Validators.pattern(SLUG_PATTERN), Validators.maxLength(80)]],
    nameEn: ['', [Validators.required, Validators.maxLength(200)]],
    nameRu: ['', [Validators.maxLength(200)]],
    mandateEn: ['', [Validators.required, Validators.maxLength(4000)]],
    mandateRu: ['', [Validators.maxLength(4000)]],
    theme: [WorkingGroupTheme.Accountability as WorkingGroupTheme, [Validators.required]],
    periodStart: ['', [Validators.required]],
    periodEnd: ['', [Validators.required]],
    visibility: [GroupVisibility.Council as GroupVisibility, [Validators.required]],
  });

  constructor() {
    this.load();
  }

  protected get chairs(): FormArray<ChairForm> {
    return this.form.controls.chairmanships;
  }

  protected load(): void {
    this.state.set({ status: 'loading' });
    this.api.getCouncil().subscribe({
      next: (settings) => {
        this.fill(settings);
        this.state.set({ status: 'ready' });
      },
      error: (error: unknown) => this.state.set({ status: 'error', problem: toApiProblem(error) }),
    });
  }

  protected addChair(): void {
    this.chairs.push(this.chairForm({ country: CountryCode.Kazakhstan, periodStart: '', periodEnd: '' }));
    const index = this.chairs.length - 1;
    this.focusLater(`[data-testid=chair-country-${index}]`);
  }

  protected removeChair(index: number): void {
    this.chairs.removeAt(index);
    this.focusLater('[data-testid=add-chair]');
  }

  protected save(): void {
    if (this.busy()) {
      return;
    }
    this.saved.set(false);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.focusLater('.settings-form .ng-invalid:not(form):not([formgroupname]):not([formarrayname])');
      return;
    }
    const value = this.form.getRawValue();
    const request: UpdateCouncilRequest = {
      name: { en: value.nameEn.trim(), ...(value.nameRu.trim() ? { ru: value.nameRu.trim() } : {}) },
      defaultTimeZone: value.defaultTimeZone,
      memberCountries: COUNCIL_COUNTRIES.filter((code) => value.memberCountries[code]),
      chairmanships: value.chairmanships.map((chair): Chairmanship => ({ ...chair })),
    };
    this.busy.set(true);
    this.problem.set(null);
    this.api.updateCouncil(request).subscribe({
      next: (settings) => {
        this.busy.set(false);
        this.fill(settings);
        this.saved.set(true);
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.problem.set(toApiProblem(error));
      },
    });
  }

  protected createGroup(): void {
    if (this.groupBusy()) {
      return;
    }
    this.created.set(null);
    if (this.groupForm.invalid) {
      this.groupForm.markAllAsTouched();
      this.focusLater('.group-form .ng-invalid:not(form)');
      return;
    }
    const value = this.groupForm.getRawValue();
    const request: CreateWorkingGroupRequest = {
      slug: value.slug.trim(),
      name: { en: value.nameEn.trim(), ...(value.nameRu.trim() ? { ru: value.nameRu.trim() } : {}) },
      mandate: { en: value.mandateEn.trim(), ...(value.mandateRu.trim() ? { ru: value.mandateRu.trim() } : {}) },
      theme: value.theme,
      periodStart: value.periodStart,
      periodEnd: value.periodEnd,
      visibility: value.visibility,
    };
    this.groupBusy.set(true);
    this.groupProblem.set(null);
    this.api.createGroup(request).subscribe({
      next: (group) => {
        this.groupBusy.set(false);
        this.created.set(group);
        this.groupForm.reset();
        this.focusLater('[data-testid=group-created] a');
      },
      error: (error: unknown) => {
        this.groupBusy.set(false);
        this.groupProblem.set(toApiProblem(error));
      },
    });
  }

  protected slugHint(): string {
    return _('settings.newGroup.slugHint');
  }

  private fill(settings: CouncilSettings): void {
    this.chairs.clear();
    for (const chair of settings.chairmanships) {
      this.chairs.push(this.chairForm(chair));
    }
    this.form.patchValue({
      nameEn: settings.name.en,
      nameRu: settings.name['ru'] ?? '',
      defaultTimeZone: settings.defaultTimeZone,
      memberCountries: Object.fromEntries(
        COUNCIL_COUNTRIES.map((code) => [code, settings.memberCountries.includes(code)]),
      ),
    });
    this.form.markAsPristine();
  }

  private chairForm(chair: Chairmanship): ChairForm {
    return this.fb.group({
      country: [chair.country, [Validators.required]],
      periodStart: [chair.periodStart, [Validators.required]],
      periodEnd: [chair.periodEnd, [Validators.required]],
    });
  }

  private focusLater(selector: string): void {
    afterNextRender(() => this.host.querySelector<HTMLElement>(selector)?.focus(), { injector: this.injector });
  }
}
