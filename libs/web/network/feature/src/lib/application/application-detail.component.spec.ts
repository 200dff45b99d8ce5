import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentRef } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { GlobalRole } from '@kengash/contracts';
import { AuthService } from '@kengash/web-identity-data-access';
import { APPLICATION_ID, applicationView, authStub, currentUser } from '../testing/network-fixtures';
import { provideTestTranslations, useTestLocale } from '../testing/translate-testing';
import { ApplicationDetailComponent, yearsFromToday } from './application-detail.component';

describe('ApplicationDetailComponent', () => {
  let fixture: ComponentFixture<ApplicationDetailComponent>;
  let http: HttpTestingController;
  let sut: HTMLElement;
  const url = `/api/network/applications/${APPLICATION_ID}`;
  const must = (testId: string) => sut.querySelector(`[data-testid=${testId}]`) as HTMLElement;

  function open(role: GlobalRole, status: 'submitted' | 'endorsed' | 'accepted') {
    TestBed.configureTestingModule({
      imports: [ApplicationDetailComponent],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        provideTestTranslations(),
        { provide: AuthService, useValue: authStub(currentUser(role)) },
      ],
    });
    useTestLocale('en');
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(ApplicationDetailComponent);
    (fixture.componentRef as ComponentRef<ApplicationDetailComponent>).setInput('id', APPLICATION_ID);
    sut = fixture.nativeElement as HTMLElement;
    fixture.detectChanges();
    http.expectOne(url).flush(applicationView({ status }));
    fixture.detectChanges();
  }

  afterEach(() => http.verify());

  it('lets the focal point endorse a submitted application, with a note, and shows the new status', () => {
    open(GlobalRole.FocalPoint, 'submitted');
    expect(sut.querySelector('[data-testid=decision-panel]')).toBeNull();

    const note = must('endorse-note') as HTMLTextAreaElement;
    note.value = ' Known to our office ';
    note.dispatchEvent(new Event('input'));
    must('endorse').click();
    const endorse = http.expectOne(`${url}/endorse`);
    expect(endorse.request.body).toEqual({ note: 'Known to our office' });
    endorse.flush(applicationView({ status: 'endorsed' }));
    fixture.detectChanges();

    expect(must('detail-status').textContent?.trim()).toBe('Endorsed by the focal point');
    expect(must('detail-message').textContent?.trim()).toBe('The application is endorsed.');
    expect(sut.querySelector('[data-testid=endorse-panel]')).toBeNull();
  });

  it('does not let the secretariat decide without a written reason; then sends decision, reason, sharing and date', () => {
    open(GlobalRole.Secretariat, 'endorsed');
    expect(sut.querySelector('[data-testid=endorse-panel]')).toBeNull();
    const form = sut.querySelector('[data-testid=decision-panel] form') as HTMLFormElement;

    (must('decision-accept').querySelector('input') as HTMLInputElement).click();
    fixture.detectChanges();
    form.dispatchEvent(new Event('submit'));
    fixture.detectChanges();
    http.expectNone(`${url}/decision`);
    expect(sut.querySelector('[data-testid=decision-panel] mat-error')?.textContent?.trim()).toBe(
      'Write the reason for the decision.',
    );

    const reason = must('decision-reason') as HTMLTextAreaElement;
    reason.value = 'Experienced family work.';
    reason.dispatchEvent(new Event('input'));
    (must('decision-shareable').querySelector('input') as HTMLInputElement).click();
    fixture.detectChanges();
    expect((must('decision-revet-due') as HTMLInputElement).value).toBe(yearsFromToday(2));
    form.dispatchEvent(new Event('submit'));

    const decision = http.expectOne(`${url}/decision`);
    expect(decision.request.body).toEqual({
      decision: 'accepted',
      reason: 'Experienced family work.',
      reasonShareable: true,
      revetDue: yearsFromToday(2),
    });
    decision.flush(applicationView({ status: 'accepted', revetDue: '2028-11-30' }));
    fixture.detectChanges();
    expect(must('detail-status').textContent?.trim()).toBe('Accepted');
    expect(must('revet-panel')).not.toBeNull();
  });

  it('shows the API’s refusal in words and keeps the page', () => {
    open(GlobalRole.Secretariat, 'accepted');
    must('suspend').click();
    http
      .expectOne(`${url}/suspend`)
      .flush(
        { statusCode: 409, code: 'CONFLICT', message: 'Only an accepted practitioner can be suspended' },
        { status: 409, statusText: 'Conflict' },
      );
    fixture.detectChanges();

    expect(must('detail-action-error').textContent).toContain('Only an accepted practitioner can be suspended');
    expect(must('detail-status').textContent?.trim()).toBe('Accepted');
  });
});

describe('yearsFromToday', () => {
  it('is the same day, years later (UTC)', () => {
    expect(yearsFromToday(2, new Date('2026-11-30T23:00:00Z'))).toBe('2028-11-30');
  });
});
