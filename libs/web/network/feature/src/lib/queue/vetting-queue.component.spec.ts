import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentRef } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { GlobalRole } from '@kengash/contracts';
import { AuthService } from '@kengash/web-identity-data-access';
import { APPLICATION_ID, applicationView, authStub, currentUser } from '../testing/network-fixtures';
import { provideTestTranslations, useTestLocale } from '../testing/translate-testing';
import { VettingQueueComponent } from './vetting-queue.component';

describe('VettingQueueComponent', () => {
  let fixture: ComponentFixture<VettingQueueComponent>;
  let http: HttpTestingController;
  let sut: HTMLElement;

  function open(role: GlobalRole, status?: string) {
    TestBed.configureTestingModule({
      imports: [VettingQueueComponent],
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
    fixture = TestBed.createComponent(VettingQueueComponent);
    (fixture.componentRef as ComponentRef<VettingQueueComponent>).setInput('status', status);
    sut = fixture.nativeElement as HTMLElement;
    fixture.detectChanges();
  }

  afterEach(() => http.verify());

  it('shows a focal point their country’s applications, linked to each one', () => {
    open(GlobalRole.FocalPoint);
    const list = http.expectOne((r) => r.url === '/api/network/applications');
    expect(list.request.params.keys()).toEqual([]);
    list.flush({ applications: [applicationView()] });
    fixture.detectChanges();

    expect(sut.querySelector('p')?.textContent?.trim()).toBe('Applications from your country, newest first.');
    expect(sut.querySelector('[data-testid=queue-count]')?.textContent?.trim()).toBe('Applications: 1');
    expect(sut.querySelector('[data-testid=queue-link]')?.getAttribute('href')).toBe(
      `/network/applications/${APPLICATION_ID}`,
    );
    expect(sut.querySelector('[data-testid=queue-item-status]')?.textContent?.trim()).toBe('Submitted');
    expect(sut.querySelector('[data-testid=queue-item]')?.textContent).toContain('Kazakhstan, Shymkent');
  });

  it('filters by the status in the address, and a new choice goes into the address', () => {
    open(GlobalRole.Secretariat, 'endorsed');
    const list = http.expectOne((r) => r.url === '/api/network/applications');
    expect(list.request.params.get('status')).toBe('endorsed');
    list.flush({ applications: [] });
    fixture.detectChanges();
    expect(sut.querySelector('p')?.textContent?.trim()).toBe('Every application to the network, newest first.');
    expect(sut.querySelector('[data-testid=queue-empty]')?.textContent?.trim()).toBe('No application here.');
    expect((sut.querySelector('[data-testid=queue-status-filter]') as HTMLSelectElement).value).toBe('endorsed');

    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    const select = sut.querySelector('[data-testid=queue-status-filter]') as HTMLSelectElement;
    select.value = 'accepted';
    select.dispatchEvent(new Event('change'));
    expect(navigate).toHaveBeenCalledWith([], { queryParams: { status: 'accepted' } });
  });
});
