import { signal } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { ErrorCode, MinutesForApprovalResponse } from '@kengash/contracts';
import { LiveCallError, LiveMeetingApiService, MeetingRoomService } from '@kengash/web-live-meeting-data-access';
import { Observable, of } from 'rxjs';
import { pollFixture, settle, snapshotFixture } from '../testing/live-fixtures';
import { provideTestTranslations, useTestLocale } from '../testing/translate-testing';
import { PollFormComponent } from './poll-form.component';

describe('PollFormComponent', () => {
  let fixture: ComponentFixture<PollFormComponent>;
  let sut: HTMLElement;
  let closed: number;
  const openPoll = jest.fn();
  const minutesForApproval = jest.fn<Observable<MinutesForApprovalResponse>, [string]>();

  const byTestId = <T extends HTMLElement>(id: string) => sut.querySelector<T>(`[data-testid=${id}]`) as T;

  function type(id: string, value: string): void {
    const input = byTestId<HTMLInputElement | HTMLTextAreaElement>(id);
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }

  async function stable(): Promise<void> {
    fixture.detectChanges();
    await fixture.whenStable();
    fixture.detectChanges();
  }

  beforeEach(async () => {
    openPoll.mockReset();
    minutesForApproval.mockReset().mockReturnValue(of({ items: [] }));
    closed = 0;
    await setUp();
  });

  async function setUp(): Promise<void> {
    TestBed.resetTestingModule();
    TestBed.configureTestingModule({
      imports: [PollFormComponent],
      providers: [
        provideTestTranslations(),
        { provide: MeetingRoomService, useValue: { openPoll, snapshot: signal(snapshotFixture()) } },
        { provide: LiveMeetingApiService, useValue: { minutesForApproval } },
      ],
    });
    useTestLocale('en');
    fixture = TestBed.createComponent(PollFormComponent);
    fixture.componentInstance.closed.subscribe(() => closed++);
    sut = fixture.nativeElement as HTMLElement;
    await stable();
  }

  it('opens a secret poll with own options and a quorum count', async () => {
    openPoll.mockResolvedValue(pollFixture());
    type('poll-question', '  Where should the next session be held?  ');
    sut.querySelector<HTMLInputElement>('[data-testid=poll-kind-options] input')?.click();
    await stable();
    type('poll-option-0', 'Almaty');
    type('poll-option-1', 'Bishkek');
    byTestId<HTMLButtonElement>('poll-add-option').click();
    await stable();
    type('poll-option-2', 'Dushanbe');
    sut.querySelector<HTMLInputElement>('[data-testid=poll-secret] input')?.click();
    const count = [...sut.querySelectorAll<HTMLInputElement>('mat-radio-button input')].find(
      (input) => input.value === 'count',
    );
    count?.click();
    await stable();
    type('poll-quorum-count', '3');
    byTestId<HTMLButtonElement>('poll-open-submit').click();
    await settle();

    expect(openPoll).toHaveBeenCalledWith({
      question: 'Where should the next session be held?',
      kind: 'options',
      options: ['Almaty', 'Bishkek', 'Dushanbe'],
      secret: true,
      quorum: { kind: 'count', count: 3 },
    });
    expect(closed).toBe(1);
  });

  it('asks for a question and two different options before sending anything', async () => {
    sut.querySelector<HTMLInputElement>('[data-testid=poll-kind-options] input')?.click();
    await stable();
    type('poll-question', 'Venue?');
    type('poll-option-0', 'Almaty');
    type('poll-option-1', 'Almaty');
    byTestId<HTMLButtonElement>('poll-open-submit').click();
    await stable();

    expect(openPoll).not.toHaveBeenCalled();
    expect(sut.textContent).toContain('give at least two different options');
  });

  it('shows the server refusal and stays open', async () => {
    openPoll.mockRejectedValue(new LiveCallError(409, ErrorCode.Conflict, 'Close the open poll first'));
    type('poll-question', 'Adopt?');
    byTestId<HTMLButtonElement>('poll-open-submit').click();
    await settle();
    await stable();

    expect(openPoll).toHaveBeenCalledWith(
      expect.objectContaining({ question: 'Adopt?', kind: 'yes_no_abstain', quorum: { kind: 'majority' } }),
    );
    expect(byTestId('poll-form-problem').textContent).toContain('Close the open poll first');
    expect(closed).toBe(0);
  });

  it('offers no minutes when none await approval, and puts circulated minutes to a yes/no/abstain vote', async () => {
    expect(minutesForApproval).toHaveBeenCalledWith('s1');
    expect(byTestId('poll-minutes')).toBeNull();

    minutesForApproval.mockReturnValue(
      of({
        items: [
          {
            id: 'm9',
            face: 'full',
            sessionId: 's0',
            sessionTitle: 'April meeting',
            sessionStartsAt: '2031-04-02T04:00:00Z',
            version: 3,
          },
        ],
      }),
    );
    await setUp();
    byTestId<HTMLElement>('poll-minutes').querySelector<HTMLElement>('.mat-mdc-select-trigger')?.click();
    await stable();
    document.querySelector<HTMLElement>('[data-testid=poll-minutes-m9]')?.click();
    await stable();
    expect(byTestId<HTMLTextAreaElement>('poll-question').value).toBe(
      'Approve the minutes of April meeting (Apr 2, 2031) — full record?',
    );
    openPoll.mockResolvedValue(pollFixture());
    byTestId<HTMLButtonElement>('poll-open-submit').click();
    await settle();

    expect(openPoll).toHaveBeenCalledWith({
      question: 'Approve the minutes of April meeting (Apr 2, 2031) — full record?',
      kind: 'yes_no_abstain',
      secret: false,
      quorum: { kind: 'majority' },
      minutesId: 'm9',
    });
  });
});
