import { redactUrl } from './logging';

describe('redactUrl', () => {
  it('removes single-use tokens from paths and query strings', () => {
    expect(redactUrl('/api/auth/invitations/abcDEF123_-x')).toBe('/api/auth/invitations/[redacted]');
    expect(redactUrl('/api/auth/sso/callback?code=xyz&state=abc&iss=https%3A%2F%2Fidp')).toBe(
      '/api/auth/sso/callback?code=[redacted]&state=[redacted]&iss=https%3A%2F%2Fidp',
    );
    expect(redactUrl('/reset-password?token=secret')).toBe('/reset-password?token=[redacted]');
    expect(redactUrl('/api/council/groups')).toBe('/api/council/groups');
    expect(redactUrl('/api/calendar/feeds/abc123.ics')).toBe('/api/calendar/feeds/[redacted]');
    expect(redactUrl('/api/rsvp/tok_en')).toBe('/api/rsvp/[redacted]');
  });
});
