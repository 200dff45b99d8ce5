import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { PublicMinutesView } from '@kengash/contracts';
import { provideTestTranslations, useTestLocale } from '../testing/translate-testing';
import { PublicMinutesComponent } from './public-minutes.component';

const published: PublicMinutesView = {
  id: 'm1',
  title: 'Psychosocial support: spring session — public summary',
  session: {
    title: 'Spring session',
    startsAt: '2031-03-12T04:00:00Z',
    endsAt: '2031-03-12T05:30:00Z',
    timeZone: 'Asia/Tashkent',
    groups: [{ id: 'g1', name: { en: 'Psychosocial Support', ru: 'Психосоциальная поддержка' } }],
  },
  approvedAt: '2031-04-02T05:00:00Z',
  contentHash: 'c'.repeat(64),
  approvalVote: {
    sessionId: 's2',
    sessionTitle: 'April meeting',
    pollId: 'p1',
    yes: 5,
    no: 0,
    abstain: 1,
    votesCast: 6,
  },
  attendance: [
    { name: 'Madina Abdullaeva', role: 'chair', country: 'TJ', organisation: 'Dushanbe Centre (demo)' },
    { name: null, role: 'member', country: 'KZ', organisation: null },
  ],
  items: [
    {
      key: 'i1',
      title: 'Work plan',
      notes: '<p>The plan was <strong>agreed</strong>.</p>',
      decisions: [
        {
          text: 'Adopt the work plan',
          result: { tally: { yes: 5, no: 1 }, votesCast: 6, quorumReached: true, outcome: 'adopted' },
          secret: false,
        },
      ],
    },
  ],
};

describe('PublicMinutesComponent', () => {
  let fixture: ComponentFixture<PublicMinutesComponent>;
  let http: HttpTestingController;
  let sut: HTMLElement;
  const text = (id: string) => sut.querySelector(`[data-testid=${id}]`)?.textContent?.replace(/\s+/g, ' ').trim();

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [PublicMinutesComponent],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideTestTranslations()],
    });
    useTestLocale('en');
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(PublicMinutesComponent);
    fixture.componentRef.setInput('id', 'm1');
    sut = fixture.nativeElement as HTMLElement;
    fixture.detectChanges();
  });

  afterEach(() => http.verify());

  it('shows the published summary: attendance by role where unnamed, notes, decisions, approval vote and hash', () => {
    http.expectOne('/api/public/minutes/m1').flush(published);
    fixture.detectChanges();

    expect(text('public-minutes-title')).toBe('Psychosocial support: spring session — public summary');
    expect(text('public-minutes-hash')).toBe('c'.repeat(64));
    const people = [...sut.querySelectorAll('[data-testid=public-attendee]')].map((li) =>
      li.textContent?.replace(/\s+/g, ' ').trim(),
    );
    expect(people).toEqual(['Madina Abdullaeva · Chair · Dushanbe Centre (demo) · Tajikistan', 'Member · Kazakhstan']);
    const item = sut.querySelector('[data-testid=public-item]');
    expect(item?.querySelector('strong')?.textContent).toBe('agreed');
    expect(item?.textContent).toContain('Adopt the work plan');
    expect(item?.textContent).toContain('Adopted (yes 5, no 1)');
    expect(sut.textContent).toContain('by a vote in “April meeting”: yes 5, no 0, abstain 1');
  });

  it('says there is nothing here when the API answers 404', () => {
    http
      .expectOne('/api/public/minutes/m1')
      .flush({ statusCode: 404, code: 'NOT_FOUND', message: 'Not found' }, { status: 404, statusText: 'Not Found' });
    fixture.detectChanges();

    expect(text('public-minutes-missing')).toBe('There are no public minutes at this address.');
  });
});
