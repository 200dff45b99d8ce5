import { ComponentFixture, TestBed } from '@angular/core/testing';
import { SlotFinderResponse, SlotView } from '@kengash/contracts';
import { SessionsApiService } from '@kengash/web-council-data-access';
import { of } from 'rxjs';
import { provideTestTranslations, useTestLocale } from '../../testing/translate-testing';
import { SlotFinderComponent } from './slot-finder.component';

describe('SlotFinderComponent', () => {
  let fixture: ComponentFixture<SlotFinderComponent>;
  let sut: HTMLElement;
  const slots: SlotView[] = [
    {
      startsAt: '2025-04-10T04:00:00.000Z',
      endsAt: '2025-04-10T05:00:00.000Z',
      insideWorkingHours: 3,
      total: 3,
      local: [
        { zone: 'Asia/Almaty', time: '2025-04-10T09:00' },
        { zone: 'Asia/Bishkek', time: '2025-04-10T10:00' },
      ],
    },
    {
      startsAt: '2025-04-11T04:00:00.000Z',
      endsAt: '2025-04-11T05:00:00.000Z',
      insideWorkingHours: 2,
      total: 3,
      local: [{ zone: 'Asia/Almaty', time: '2025-04-11T09:00' }],
    },
  ];
  const api = { findSlots: jest.fn(() => of<SlotFinderResponse>({ slots })) };

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [SlotFinderComponent],
      providers: [provideTestTranslations(), { provide: SessionsApiService, useValue: api }],
    });
    useTestLocale('en');
    fixture = TestBed.createComponent(SlotFinderComponent);
    fixture.componentRef.setInput('inviteeIds', ['u1', 'u2', 'u3']);
    fixture.componentRef.setInput('durationMinutes', 60);
    fixture.componentRef.setInput('timeZone', 'Asia/Almaty');
    fixture.detectChanges();
    sut = fixture.nativeElement as HTMLElement;
  });

  it('asks for slots for the invitees and shows each zone’s local time; picking one hands it over', () => {
    const picked: SlotView[] = [];
    fixture.componentInstance.picked.subscribe((slot) => picked.push(slot));

    sut.querySelector<HTMLButtonElement>('[data-testid=find-slots]')?.click();
    fixture.detectChanges();

    expect(api.findSlots).toHaveBeenCalledWith(
      expect.objectContaining({ inviteeIds: ['u1', 'u2', 'u3'], durationMinutes: 60, timeZone: 'Asia/Almaty' }),
    );
    const rows = sut.querySelectorAll('[data-testid=slot]');
    expect(rows).toHaveLength(2);
    expect(rows[0].textContent).toContain('Asia/Bishkek: 2025-04-10 10:00');
    expect(rows[0].textContent).toContain('within working hours for 3 of 3');

    rows[0].querySelector<HTMLButtonElement>('[data-testid=use-slot]')?.click();
    expect(picked).toEqual([slots[0]]);
  });
});
