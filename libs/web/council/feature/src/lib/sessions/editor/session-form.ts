import { FormArray, FormControl, FormGroup, NonNullableFormBuilder, Validators } from '@angular/forms';
import {
  AgendaItemInput,
  CreateSessionRequest,
  SessionAudience,
  SessionFormat,
  SessionView,
  SlotView,
  UpdateSessionRequest,
} from '@kengash/contracts';
import { timeZoneProblem, utcToZoned } from '@kengash/util-time';

export type RecurrenceKind = 'none' | 'weekly' | 'monthly' | 'custom';

export type AgendaItemForm = FormGroup<{
  title: FormControl<string>;
  presenterId: FormControl<string>;
  minutes: FormControl<number>;
}>;

export type SessionForm = FormGroup<{
  title: FormControl<string>;
  description: FormControl<string>;
  groupIds: FormControl<string[]>;
  /** `network`: a network event, open to every practitioner and council member (the secretariat's choice). */
  audience: FormControl<SessionAudience>;
  format: FormControl<SessionFormat>;
  location: FormControl<string>;
  onlineRoom: FormControl<string>;
  date: FormControl<string>;
  time: FormControl<string>;
  durationMinutes: FormControl<number>;
  timeZone: FormControl<string>;
  recurrence: FormControl<RecurrenceKind>;
  count: FormControl<number>;
  rrule: FormControl<string>;
  agenda: FormArray<AgendaItemForm>;
  extraInviteeIds: FormControl<string[]>;
}>;

/** A time-zone field: refused with the same words as the API (e.g. "use Asia/Almaty"). */
export function timeZoneValidator(control: { value: unknown }): Record<string, string> | null {
  const value = typeof control.value === 'string' ? control.value.trim() : '';
  if (!value) {
    return null;
  }
  const problem = timeZoneProblem(value);
  return problem ? { server: problem } : null;
}

export function agendaItem(fb: NonNullableFormBuilder, item?: Partial<AgendaItemInput>): AgendaItemForm {
  return fb.group({
    title: [item?.title ?? '', [Validators.required, Validators.maxLength(300)]],
    presenterId: [item?.presenterId ?? ''],
    minutes: [item?.minutesAllotted ?? 15, [Validators.required, Validators.min(1), Validators.max(600)]],
  });
}

export function sessionForm(fb: NonNullableFormBuilder, timeZone: string): SessionForm {
  return fb.group({
    title: ['', [Validators.required, Validators.maxLength(300)]],
    description: [''],
    groupIds: [[] as string[]],
    audience: ['groups' as SessionAudience],
    format: [SessionFormat.Online],
    location: [''],
    onlineRoom: [''],
    date: ['', [Validators.required]],
    time: ['10:00', [Validators.required]],
    durationMinutes: [90, [Validators.required, Validators.min(5), Validators.max(24 * 60)]],
    timeZone: [timeZone, [Validators.required, timeZoneValidator]],
    recurrence: ['none' as RecurrenceKind],
    count: [6, [Validators.min(1), Validators.max(100)]],
    rrule: [''],
    agenda: fb.array<AgendaItemForm>([]),
    extraInviteeIds: [[] as string[]],
  });
}

/**
 * Moves an agenda item from one position to another (drag and drop, or the up/down buttons).
 * Out-of-range targets are clamped; returns the position the item ended at.
 */
export function moveAgendaItem(agenda: FormArray<AgendaItemForm>, from: number, to: number): number {
  const last = agenda.length - 1;
  const target = Math.max(0, Math.min(last, to));
  if (from < 0 || from > last || from === target) {
    return from;
  }
  const control = agenda.at(from);
  agenda.removeAt(from, { emitEvent: false });
  agenda.insert(target, control);
  agenda.markAsDirty();
  return target;
}

const BYDAY = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

/** The weekday code and its ordinal within the month (1–4, or -1 for the last) of a date. */
export function weekdayOfMonth(date: string): { code: string; ordinal: number } {
  const [y, m, d] = date.split('-').map(Number);
  const day = new Date(Date.UTC(y, m - 1, d));
  const code = BYDAY[(day.getUTCDay() + 6) % 7];
  const ordinal = Math.ceil(d / 7);
  const daysInMonth = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { code, ordinal: ordinal >= 5 || (ordinal === 4 && d + 7 > daysInMonth) ? -1 : ordinal };
}

/** The RRULE of the chosen recurrence, or null for a single session. */
export function recurrenceRule(kind: RecurrenceKind, date: string, count: number, custom: string): string | null {
  if (kind === 'none' || !/^\d{4}-\d{2}-\d{2}$/.test(date)) {
    return kind === 'custom' && custom.trim() ? custom.trim().replace(/^RRULE:/i, '') : null;
  }
  const { code, ordinal } = weekdayOfMonth(date);
  const countPart = count > 0 ? `;COUNT=${count}` : '';
  switch (kind) {
    case 'weekly':
      return `FREQ=WEEKLY;BYDAY=${code}${countPart}`;
    case 'monthly':
      return `FREQ=MONTHLY;BYDAY=${ordinal}${code}${countPart}`;
    default:
      return custom.trim() ? custom.trim().replace(/^RRULE:/i, '') : null;
  }
}

/** The recurrence fields that show `rrule` (custom when it is not one of ours). */
export function readRecurrence(
  rrule: string | null,
  date: string,
): { recurrence: RecurrenceKind; count: number; rrule: string } {
  if (!rrule) {
    return { recurrence: 'none', count: 6, rrule: '' };
  }
  const count = Number(/COUNT=(\d+)/.exec(rrule)?.[1] ?? 0);
  for (const kind of ['weekly', 'monthly'] as const) {
    if (recurrenceRule(kind, date, count, '') === rrule) {
      return { recurrence: kind, count, rrule: '' };
    }
  }
  return { recurrence: 'custom', count: 6, rrule };
}

/** Fills date, time and zone from a slot the slot finder proposed (its start, in the form's zone). */
export function applySlot(form: SessionForm, slot: SlotView): void {
  const zone = form.controls.timeZone.value;
  const local = utcToZoned(new Date(slot.startsAt), zone);
  const minutes = Math.round((Date.parse(slot.endsAt) - Date.parse(slot.startsAt)) / 60000);
  form.patchValue({
    date: local.slice(0, 10),
    time: local.slice(11, 16),
    timeZone: zone,
    ...(minutes > 0 ? { durationMinutes: minutes } : {}),
  });
  form.controls.date.markAsDirty();
  form.controls.time.markAsDirty();
}

function agendaInputs(form: SessionForm): AgendaItemInput[] {
  return form.controls.agenda.controls.map((item) => {
    const value = item.getRawValue();
    return {
      title: value.title.trim(),
      presenterId: value.presenterId || null,
      minutesAllotted: Number(value.minutes),
    };
  });
}

/** The create request the form describes. */
export function toCreateRequest(form: SessionForm): CreateSessionRequest {
  const v = form.getRawValue();
  const inPerson = v.format !== SessionFormat.Online;
  const online = v.format !== SessionFormat.InPerson;
  const rrule = recurrenceRule(v.recurrence, v.date, Number(v.count), v.rrule);
  return {
    title: v.title.trim(),
    ...(v.description.trim() ? { description: v.description.trim() } : {}),
    groupIds: v.groupIds,
    ...(v.audience === 'network' ? { audience: v.audience } : {}),
    format: v.format,
    ...(inPerson && v.location.trim() ? { location: v.location.trim() } : {}),
    ...(online && v.onlineRoom.trim() ? { onlineRoom: v.onlineRoom.trim() } : {}),
    localStart: `${v.date}T${v.time}`,
    durationMinutes: Number(v.durationMinutes),
    timeZone: v.timeZone.trim(),
    ...(rrule ? { rrule } : {}),
    agenda: agendaInputs(form),
    ...(v.extraInviteeIds.length ? { extraInviteeIds: v.extraInviteeIds } : {}),
  };
}

/** Only what changed against the saved session (an unchanged time does not re-send invitations). */
export function toUpdateRequest(form: SessionForm, saved: SessionView): UpdateSessionRequest {
  const next = toCreateRequest(form);
  const savedDuration = Math.round((Date.parse(saved.endsAt) - Date.parse(saved.startsAt)) / 60000);
  const request: UpdateSessionRequest = {};
  if (next.title !== saved.title) request.title = next.title;
  if ((next.description ?? '') !== (saved.description ?? '')) request.description = next.description ?? '';
  if ((next.audience ?? 'groups') !== saved.audience) request.audience = next.audience ?? 'groups';
  if (next.format !== saved.format) request.format = next.format;
  if ((next.location ?? '') !== (saved.location ?? '')) request.location = next.location ?? '';
  if ((next.onlineRoom ?? '') !== (saved.onlineRoom ?? '')) request.onlineRoom = next.onlineRoom ?? '';
  if (
    next.localStart !== saved.localStart ||
    next.timeZone !== saved.timeZone ||
    next.durationMinutes !== savedDuration
  ) {
    request.localStart = next.localStart;
    request.timeZone = next.timeZone;
    request.durationMinutes = next.durationMinutes;
  }
  if ((next.rrule ?? '') !== (saved.rrule ?? '')) request.rrule = next.rrule ?? '';
  const savedAgenda = saved.agenda.map((a) => ({
    title: a.title,
    presenterId: a.presenterId,
    minutesAllotted: a.minutesAllotted,
  }));
  if (JSON.stringify(next.agenda) !== JSON.stringify(savedAgenda)) request.agenda = next.agenda;
  if (next.extraInviteeIds?.length) request.extraInviteeIds = next.extraInviteeIds;
  return request;
}

/** The form's values for a saved session. */
export function fromSession(fb: NonNullableFormBuilder, form: SessionForm, session: SessionView): void {
  const date = session.localStart.slice(0, 10);
  form.controls.agenda.clear();
  for (const item of [...session.agenda].sort((a, b) => a.position - b.position)) {
    form.controls.agenda.push(agendaItem(fb, item));
  }
  form.patchValue({
    title: session.title,
    description: session.description ?? '',
    groupIds: session.groupIds,
    audience: session.audience,
    format: session.format,
    location: session.location ?? '',
    onlineRoom: session.onlineRoom ?? '',
    date,
    time: session.localStart.slice(11, 16),
    durationMinutes: Math.round((Date.parse(session.endsAt) - Date.parse(session.startsAt)) / 60000),
    timeZone: session.timeZone,
    ...readRecurrence(session.rrule, date),
  });
  form.markAsPristine();
}
