import { signal } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { NOTES_TEXT } from '@kengash/contracts';
import { LiveService, LiveSocket } from '@kengash/web-identity-data-access';
import { fromBase64, MeetingRoomService, REMOTE_ORIGIN, toBase64 } from '@kengash/web-live-meeting-data-access';
import * as Y from 'yjs';
import { CHAIR, FakeSocket, ok, settle, snapshotFixture } from '../testing/live-fixtures';
import { provideTestTranslations, useTestLocale } from '../testing/translate-testing';
import { NotesEditorComponent } from './notes-editor.component';

describe('NotesEditorComponent', () => {
  let fixture: ComponentFixture<NotesEditorComponent>;
  let socket: FakeSocket;
  let room: MeetingRoomService;
  let sut: HTMLElement;
  const openSocket = signal<LiveSocket | null>(null);

  async function open(takeNotes: boolean, notes: Record<string, string> = {}): Promise<void> {
    socket = new FakeSocket();
    socket.connected = true;
    openSocket.set(socket.asSocket());
    TestBed.configureTestingModule({
      imports: [NotesEditorComponent],
      providers: [provideTestTranslations(), MeetingRoomService, { provide: LiveService, useValue: { openSocket } }],
    });
    useTestLocale('en');
    room = TestBed.inject(MeetingRoomService);
    TestBed.tick();
    room.enter('s1');
    socket.take('meeting:join').reply(
      ok(
        snapshotFixture({
          me: CHAIR,
          notes: { items: notes },
          can: { chair: true, raiseHand: true, chat: true, vote: true, takeNotes, readOnly: false },
        }),
      ),
    );
    await settle();
    fixture = TestBed.createComponent(NotesEditorComponent);
    sut = fixture.nativeElement as HTMLElement;
    fixture.detectChanges();
    await fixture.whenStable();
  }

  afterEach(() => fixture.destroy());

  function remoteState(text: string): string {
    const doc = new Y.Doc();
    doc.getText(NOTES_TEXT).insert(0, text);
    return toBase64(Y.encodeStateAsUpdate(doc));
  }

  it('edits the current item: typing goes into the Y.Text and is sent in one batch', async () => {
    jest.useFakeTimers({ doNotFake: ['setTimeout'] });
    const base = remoteState('Agenda adopted.');
    await open(true, { i2: base });
    const area = sut.querySelector<HTMLTextAreaElement>('[data-testid=notes-editor]') as HTMLTextAreaElement;
    expect(area.value).toBe('Agenda adopted.');

    area.value = 'Agenda adopted. Work plan discussed.';
    area.dispatchEvent(new Event('input'));
    expect(room.notesText('i2').toString()).toBe('Agenda adopted. Work plan discussed.');

    await new Promise((resolve) => setTimeout(resolve, 200));
    const update = socket.take('notes:update');
    expect(update.payload).toMatchObject({ sessionId: 's1', itemId: 'i2' });
    const copy = new Y.Doc();
    Y.applyUpdate(copy, fromBase64(base));
    Y.applyUpdate(copy, fromBase64(String(update.payload['update'])), REMOTE_ORIGIN);
    expect(copy.getText(NOTES_TEXT).toString()).toBe('Agenda adopted. Work plan discussed.');
    jest.useRealTimers();
  });

  it('shows remote edits in the textarea and keeps the caret after them', async () => {
    await open(true);
    const area = sut.querySelector<HTMLTextAreaElement>('[data-testid=notes-editor]') as HTMLTextAreaElement;
    area.value = 'mine';
    area.dispatchEvent(new Event('input'));
    area.focus();
    area.setSelectionRange(4, 4);

    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(room.notes.doc('i2')));
    other.getText(NOTES_TEXT).insert(0, 'Theirs. ');
    const delta = Y.encodeStateAsUpdate(other, Y.encodeStateVector(room.notes.doc('i2')));
    socket.fire('meeting:event', {
      type: 'notes.update',
      seq: 11,
      sessionId: 's1',
      at: 'x',
      itemId: 'i2',
      update: toBase64(delta),
    });

    expect(area.value).toBe('Theirs. mine');
    expect(area.selectionStart).toBe(12);
  });

  it('is read-only for people who do not take notes', async () => {
    await open(false, { i2: remoteState('Read me') });
    expect(sut.querySelector('[data-testid=notes-editor]')).toBeNull();
    expect(sut.querySelector('[data-testid=notes-view]')?.textContent?.trim()).toBe('Read me');
  });
});
