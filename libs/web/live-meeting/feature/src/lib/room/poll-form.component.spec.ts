import { ComponentFixture, TestBed } from '@angular/core/testing';
import { ErrorCode } from '@kengash/contracts';
import { LiveCallError, MeetingRoomService } from '@kengash/web-live-meeting-data-access';
import { pollFixture, settle } from '../testing/live-fixtures';
import { provideTestTranslations, useTestLocale } from '../testing/translate-testing';
import { PollFormComponent } from './poll-form.component';

describe('PollFormComponent', () => {
  let fixture: ComponentFixture<PollFormComponent>;
  let sut: HTMLElement;
  let closed: number;
  const openPoll = jest.fn();

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
    closed = 0;
    TestBed.configureTestingModule({
      imports: [PollFormComponent],
      providers: [provideTestTranslations(), { provide: MeetingRoomService, useValue: { openPoll } }],
    });
    useTestLocale('en');
    fixture = TestBed.createComponent(PollFormComponent);
    fixture.componentInstance.closed.subscribe(() => closed++);
    sut = fixture.nativeElement as HTMLElement;
    await stable();
  });

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
});
