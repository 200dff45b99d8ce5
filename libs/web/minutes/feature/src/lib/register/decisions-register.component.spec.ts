import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { DecisionRegisterEntry } from '@kengash/contracts';
import { provideTestTranslations, useTestLocale } from '../testing/translate-testing';
import { DecisionsRegisterComponent } from './decisions-register.component';

const entry: DecisionRegisterEntry = {
  id: 'm1:i1:0',
  text: 'Adopt the work plan',
  status: 'approved',
  session: { id: 's1', title: 'Spring session', startsAt: '2031-03-12T04:00:00Z', timeZone: 'Asia/Tashkent' },
  groups: [{ id: 'g1', name: { en: 'Psychosocial Support', ru: 'Психосоциальная поддержка' } }],
  agendaItem: { key: 'i1', title: 'Work plan' },
  result: { tally: { yes: 3, no: 1 }, votesCast: 4, quorumReached: true, outcome: 'adopted' },
  minutesId: 'm1',
  fromPublicSummary: false,
};

function must<T>(value: T | null | undefined): T {
  if (value === null || value === undefined) throw new Error('missing element');
  return value;
}

describe('DecisionsRegisterComponent', () => {
  let fixture: ComponentFixture<DecisionsRegisterComponent>;
  let http: HttpTestingController;
  let sut: HTMLElement;
  const text = (id: string) => sut.querySelector(`[data-testid=${id}]`)?.textContent?.replace(/\s+/g, ' ').trim();

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [DecisionsRegisterComponent],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([]), provideTestTranslations()],
    });
    useTestLocale('en');
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(DecisionsRegisterComponent);
    sut = fixture.nativeElement as HTMLElement;
    fixture.detectChanges();
    http.expectOne('/api/council/groups').flush({ council: {}, groups: [] });
  });

  afterEach(() => http.verify());

  it('lists the decisions with their status, vote, session and a link to the minutes', () => {
    http.expectOne('/api/decisions').flush({ decisions: [entry], truncated: false });
    fixture.detectChanges();

    expect(text('decision')).toContain('Adopt the work plan');
    expect(text('decision')).toContain('Approved');
    expect(text('decision')).toContain('Adopted (yes 3, no 1)');
    expect(text('decision')).toContain('Psychosocial Support');
    expect(sut.querySelector('[data-testid=decision] a[href="/minutes/m1"]')).not.toBeNull();
    expect(sut.querySelector('[data-testid=my-actions-link]')?.getAttribute('href')).toBe('/minutes/actions');
  });

  it('searches by text', async () => {
    http.expectOne('/api/decisions').flush({ decisions: [], truncated: false });
    fixture.detectChanges();
    expect(sut.textContent).toContain('No decisions found.');

    const input = must(sut.querySelector<HTMLInputElement>('[data-testid=register-q]'));
    input.value = 'plan';
    input.dispatchEvent(new Event('input'));
    await fixture.whenStable();
    must(sut.querySelector<HTMLButtonElement>('[data-testid=register-search]')).click();

    http.expectOne('/api/decisions?q=plan').flush({ decisions: [entry], truncated: true });
    fixture.detectChanges();
    expect(sut.textContent).toContain('Only the first 200 are shown');
  });
});
