import { HttpEventType, provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MatDialog } from '@angular/material/dialog';
import { provideRouter } from '@angular/router';
import { PracticeAttachmentView } from '@kengash/contracts';
import { of } from 'rxjs';
import { PRACTICE_ID, UPLOAD_TESTING } from '../testing/practice-fixtures';
import { provideTestTranslations, useTestLocale } from '../testing/translate-testing';
import { PracticeAttachmentsComponent, uploadErrorKey } from './practice-attachments.component';
import { fileSize } from './practice-labels';

const report: PracticeAttachmentView = {
  id: 'a1',
  fileName: 'annual-report.pdf',
  contentType: 'application/pdf',
  size: 2_516_582,
  uploadedAt: '2025-03-01T10:00:00.000Z',
  uploadedBy: { userId: 'u1', name: 'Nodira Tursunova' },
};

describe('PracticeAttachmentsComponent', () => {
  let fixture: ComponentFixture<PracticeAttachmentsComponent>;
  let http: HttpTestingController;
  let sut: HTMLElement;
  const confirmed = jest.fn(() => true);
  const changes: PracticeAttachmentView[][] = [];
  const text = (selector: string) => sut.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim();
  const api = `/api/practices/${PRACTICE_ID}/attachments`;

  function open(editable: boolean, attachments: PracticeAttachmentView[] = [report]): void {
    fixture = TestBed.createComponent(PracticeAttachmentsComponent);
    fixture.componentRef.setInput('practiceId', PRACTICE_ID);
    fixture.componentRef.setInput('attachments', attachments);
    fixture.componentRef.setInput('editable', editable);
    fixture.componentInstance.changed.subscribe((list) => {
      changes.push(list);
      fixture.componentRef.setInput('attachments', list);
    });
    sut = fixture.nativeElement as HTMLElement;
    fixture.detectChanges();
  }

  function choose(file: File): void {
    const input = sut.querySelector<HTMLInputElement>('[data-testid=attachment-input]');
    if (!input) throw new Error('no file input');
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    input.dispatchEvent(new Event('change'));
    fixture.detectChanges();
  }

  beforeEach(() => {
    changes.length = 0;
    confirmed.mockReturnValue(true);
    TestBed.configureTestingModule({
      imports: [PracticeAttachmentsComponent],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        provideTestTranslations(),
        UPLOAD_TESTING,
        { provide: MatDialog, useValue: { open: () => ({ afterClosed: () => of(confirmed()) }) } },
      ],
    });
    useTestLocale('en');
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('writes sizes people read, and words for refused uploads', () => {
    expect(fileSize(900, 'en')).toBe('900 B');
    expect(fileSize(2_516_582, 'en')).toBe('2.4 MB');
    expect(fileSize(2_516_582, 'ru')).toBe('2,4 MB');
    expect(fileSize(52_428_800, 'en')).toBe('50 MB');
    expect(uploadErrorKey(413)).toBe('practices.attachments.tooLarge');
    expect(uploadErrorKey(415)).toBe('practices.attachments.wrongType');
    expect(uploadErrorKey(422)).toBe('practices.attachments.infected');
    expect(uploadErrorKey(503)).toBe('practices.attachments.unavailable');
    expect(uploadErrorKey(400)).toBe('practices.attachments.wrongType');
    expect(uploadErrorKey(0)).toBe('common.errors.offline');
    expect(uploadErrorKey(500)).toBe('practices.attachments.failed');
  });

  it('lists the files with their size and a download link; readers get no upload', () => {
    open(false);

    expect(text('[data-testid=attachment]')).toContain('annual-report.pdf');
    expect(text('[data-testid=attachment]')).toContain('2.4 MB');
    expect(sut.querySelector('[data-testid=attachment-link]')?.getAttribute('href')).toBe(`${api}/a1`);
    expect(sut.querySelector('[data-testid=attachment-input]')).toBeNull();
    expect(sut.querySelector('[data-testid=attachment-delete]')).toBeNull();
  });

  it('downloads with the access token instead of following the link', () => {
    open(false);
    const createObjectURL = jest.fn(() => 'blob:x');
    const revokeObjectURL = jest.fn();
    Object.assign(URL, { createObjectURL, revokeObjectURL });
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);

    const link = sut.querySelector<HTMLAnchorElement>('[data-testid=attachment-link]');
    const event = new MouseEvent('click', { cancelable: true });
    link?.dispatchEvent(event);
    expect(event.defaultPrevented).toBe(true);
    const request = http.expectOne(`${api}/a1`);
    expect(request.request.responseType).toBe('blob');
    request.flush(new Blob(['%PDF']));

    expect(createObjectURL).toHaveBeenCalled();
    expect(click).toHaveBeenCalled();
    click.mockRestore();
  });

  it('uploads a chosen file with a progress bar, then lists it', () => {
    open(true, []);
    choose(new File(['%PDF-1.4'], 'guide.pdf', { type: 'application/pdf' }));

    const request = http.expectOne(api);
    expect(request.request.body).toBeInstanceOf(FormData);
    request.event({ type: HttpEventType.UploadProgress, loaded: 300, total: 1000 });
    fixture.detectChanges();
    expect(text('[data-testid=upload-percent]')).toBe('30 %');
    expect(sut.querySelector('mat-progress-bar')?.getAttribute('aria-valuenow')).toBe('30');
    expect(sut.querySelector<HTMLInputElement>('[data-testid=attachment-input]')?.disabled).toBe(true);

    request.flush({ ...report, id: 'a2', fileName: 'guide.pdf' }, { status: 201, statusText: 'Created' });
    fixture.detectChanges();
    expect(sut.querySelector('[data-testid=upload-progress]')).toBeNull();
    expect(changes.at(-1)?.map((a) => a.fileName)).toEqual(['guide.pdf']);
    expect(text('[data-testid=attachments-message]')).toBe('guide.pdf was attached.');
    expect(sut.querySelector('[data-testid=attachments-message]')?.getAttribute('role')).toBe('status');
  });

  it('says why an upload was refused (too large, wrong type)', () => {
    open(true, []);
    choose(new File(['x'], 'video.mp4'));
    http
      .expectOne(api)
      .flush(
        { statusCode: 413, code: 'PAYLOAD_TOO_LARGE', message: 'At most 20 MB' },
        { status: 413, statusText: 'Payload Too Large' },
      );
    fixture.detectChanges();
    expect(text('[data-testid=attachments-message]')).toBe('video.mp4 is too large to attach.');
    expect(sut.querySelector('[data-testid=attachments-message]')?.getAttribute('role')).toBe('alert');

    choose(new File(['x'], 'tool.exe'));
    http
      .expectOne(api)
      .flush(
        { statusCode: 415, code: 'UNSUPPORTED_MEDIA_TYPE', message: 'PDF, office documents and images only' },
        { status: 415, statusText: 'Unsupported Media Type' },
      );
    fixture.detectChanges();
    expect(text('[data-testid=attachments-message]')).toBe(
      'tool.exe cannot be attached: this type of file is not accepted. PDF, office documents and images only',
    );
    expect(changes).toEqual([]);
  });

  it('stops an upload on request', () => {
    open(true, []);
    choose(new File(['x'], 'slow.pdf'));
    const request = http.expectOne(api);

    sut.querySelector<HTMLButtonElement>('[data-testid=upload-cancel]')?.click();
    fixture.detectChanges();
    expect(request.cancelled).toBe(true);
    expect(text('[data-testid=attachments-message]')).toBe('The upload of slow.pdf was stopped.');
  });

  it('deletes a file after asking', () => {
    open(true);
    sut.querySelector<HTMLButtonElement>('[data-testid=attachment-delete]')?.click();
    const request = http.expectOne(`${api}/a1`);
    expect(request.request.method).toBe('DELETE');
    request.flush(null, { status: 204, statusText: 'No Content' });
    fixture.detectChanges();
    expect(changes).toEqual([[]]);
    expect(text('[data-testid=attachments-message]')).toBe('annual-report.pdf was deleted.');
  });
});
