import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { CurrentUser, GroupRole } from '@kengash/contracts';
import { AuthService } from '@kengash/web-identity-data-access';
import { currentUser } from '../testing/minutes-fixtures';
import { provideTestTranslations, useTestLocale } from '../testing/translate-testing';
import { MinutesLinksComponent } from './minutes-links.component';

describe('MinutesLinksComponent', () => {
  function render(user: CurrentUser, current: 'register' | 'board' | 'overdue' | 'mine'): HTMLElement {
    TestBed.configureTestingModule({
      imports: [MinutesLinksComponent],
      providers: [
        provideRouter([]),
        provideTestTranslations(),
        { provide: AuthService, useValue: { user: signal(user) } },
      ],
    });
    useTestLocale('en');
    const fixture = TestBed.createComponent(MinutesLinksComponent);
    fixture.componentRef.setInput('current', current);
    fixture.detectChanges();
    return fixture.nativeElement as HTMLElement;
  }

  it('links chairs to the register, the board, My actions and the overdue view, marking the current page', () => {
    const sut = render(currentUser(GroupRole.Chair), 'overdue');

    expect(sut.querySelector('nav')?.getAttribute('aria-label')).toBe('Minutes and action items');
    expect(sut.querySelector('[data-testid=board-link]')?.getAttribute('href')).toBe('/minutes/board');
    expect(sut.querySelector('[data-testid=my-actions-link]')?.getAttribute('href')).toBe('/minutes/actions');
    const overdue = sut.querySelector('[data-testid=overdue-link]');
    expect(overdue?.getAttribute('href')).toBe('/minutes/board?overdue=true');
    expect(overdue?.getAttribute('aria-current')).toBe('page');
    expect(sut.querySelector('[data-testid=board-link]')?.getAttribute('aria-current')).toBeNull();
  });

  it('leaves the overdue view out for members, who do not follow items up', () => {
    const sut = render(currentUser(GroupRole.Member), 'mine');

    expect(sut.querySelector('[data-testid=overdue-link]')).toBeNull();
    expect(sut.querySelector('[data-testid=my-actions-link]')?.getAttribute('aria-current')).toBe('page');
  });
});
