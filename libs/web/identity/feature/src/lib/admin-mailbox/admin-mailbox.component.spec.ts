import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { DevMailboxResponse } from '@kengash/contracts';
import { AuthService } from '@kengash/web-identity-data-access';
import { TranslateModule } from '@ngx-translate/core';
import { AdminMailboxComponent } from './admin-mailbox.component';

describe('AdminMailboxComponent', () => {
  function setup() {
    TestBed.configureTestingModule({
      imports: [AdminMailboxComponent, TranslateModule.forRoot()],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: AuthService, useValue: { user: () => ({ timeZone: 'Asia/Tashkent' }) } },
      ],
    });
    const fixture = TestBed.createComponent(AdminMailboxComponent);
    fixture.detectChanges();
    return { fixture, backend: TestBed.inject(HttpTestingController) };
  }

  it('lists the caught mails with subject, recipients and attachments', () => {
    const { fixture, backend } = setup();
    const body: DevMailboxResponse = {
      items: [
        {
          at: '2031-03-12T04:00:00.000Z',
          to: ['nodira@example.org'],
          subject: 'Приглашение: Psychosocial Support',
          text: 'Здравствуйте!',
          attachments: ['invite.ics'],
        },
      ],
    };
    backend.expectOne('/api/dev/mailbox').flush(body);
    fixture.detectChanges();
    const mails = fixture.nativeElement.querySelectorAll('[data-testid=caught-mail]');
    expect(mails).toHaveLength(1);
    expect(mails[0].textContent).toContain('Приглашение: Psychosocial Support');
    expect(mails[0].textContent).toContain('nodira@example.org');
    expect(mails[0].textContent).toContain('invite.ics');
    expect(mails[0].querySelector('pre').textContent).toBe('Здравствуйте!');
  });

  it('shows the API’s message when there is no development inbox (a real relay is set)', () => {
    const { fixture, backend } = setup();
    backend.expectOne('/api/dev/mailbox').flush(
      {
        statusCode: 404,
        code: 'NOT_FOUND',
        message: 'Mail goes to a real SMTP relay; there is no development inbox',
        correlationId: 'c-1',
      },
      { status: 404, statusText: 'Not Found' },
    );
    fixture.detectChanges();
    expect(fixture.nativeElement.textContent).toContain('there is no development inbox');
    expect(fixture.nativeElement.querySelectorAll('[data-testid=caught-mail]')).toHaveLength(0);
  });
});
