import { createHash } from 'node:crypto';

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/** `prev_hash` of the first event. */
export const GENESIS_HASH = '0'.repeat(64);

/** Keys whose values never reach the log, at any depth. */
export const SECRET_KEY = /pass(word)?|token|secret|totp|otp|code|cookie|authorization/i;
export const REDACTED = '[redacted]';

/** The immutable fields of an event, exactly as stored; the hash covers all of them. */
export interface AuditHashedFields {
  id: string;
  /** ISO 8601 with milliseconds (`Date.prototype.toISOString`). */
  at: string;
  actorId: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  details: JsonObject;
  ip: string | null;
  prevHash: string;
}

/** Replaces the value of every key matching `SECRET_KEY` with `[redacted]`, in nested objects and arrays too. */
export function redactSecrets(value: JsonValue): JsonValue {
  if (Array.isArray(value)) return value.map(redactSecrets);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, v]) => [key, SECRET_KEY.test(key) ? REDACTED : redactSecrets(v)]),
  );
}

/** PostgreSQL's jsonb refuses U+0000 and lone surrogates; replace them so that a stray byte cannot block an event. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
function storable(text: string): string {
  return text.replace(LONE_SURROGATE, '\uFFFD').replaceAll('\u0000', '\uFFFD');
}

function sanitize(value: JsonValue): JsonValue {
  if (typeof value === 'string') return storable(value);
  if (Array.isArray(value)) return value.map(sanitize);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([key, v]) => [storable(key), sanitize(v)]));
}

/**
 * The `details` to store: plain JSON (Dates become ISO strings, `undefined` disappears, as in `JSON.stringify`),
 * storable in jsonb, secrets redacted. Reading the stored jsonb back gives a value with the same canonical JSON.
 */
export function prepareDetails(details: Record<string, unknown> | undefined): JsonObject {
  const json = JSON.parse(JSON.stringify(details ?? {})) as JsonValue;
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    throw new TypeError('Audit event details must be a JSON object');
  }
  return redactSecrets(sanitize(json)) as JsonObject;
}

/** JSON with object keys sorted (by UTF-16 code units) at every depth, no whitespace: equal values, equal text. */
export function canonicalJson(value: JsonValue): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value).sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key])}`).join(',')}}`;
  }
  if (typeof value === 'number' && !Number.isFinite(value)) throw new TypeError('Not a JSON number');
  return JSON.stringify(value);
}

/** `hash = hex(sha256(utf8(prevHash + canonicalJson(fields))))`. */
export function computeAuditHash(fields: AuditHashedFields): string {
  const canonical = canonicalJson({
    id: fields.id,
    at: fields.at,
    actorId: fields.actorId,
    action: fields.action,
    targetType: fields.targetType,
    targetId: fields.targetId,
    details: fields.details,
    ip: fields.ip,
    prevHash: fields.prevHash,
  });
  return createHash('sha256')
    .update(fields.prevHash + canonical, 'utf8')
    .digest('hex');
}
