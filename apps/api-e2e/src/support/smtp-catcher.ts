import { simpleParser } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string[];
  subject: string;
  text: string;
}

/** A real SMTP server on loopback: the API delivers to it over SMTP, the test reads what arrived. */
export interface ReceivedAttachment {
  to: string[];
  filename: string;
  contentType: string;
  content: string;
}

export class SmtpCatcher {
  readonly received: ReceivedMail[] = [];
  /** Every attachment received, oldest first. */
  readonly attachments: ReceivedAttachment[] = [];
  private readonly server: SMTPServer;
  private waiters: (() => void)[] = [];

  constructor() {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData: (stream, session, callback) => {
        void simpleParser(stream).then((mail) => {
          const to = session.envelope.rcptTo.map((r) => r.address);
          this.received.push({ to, subject: mail.subject ?? '', text: mail.text ?? '' });
          for (const a of mail.attachments) {
            this.attachments.push({
              to,
              filename: a.filename ?? '',
              contentType: a.contentType,
              content: a.content.toString('utf8'),
            });
          }
          this.waiters.forEach((w) => w());
          this.waiters = [];
          callback();
        }, callback);
      },
    });
  }

  async start(): Promise<string> {
    await new Promise<void>((res) => this.server.listen(0, '127.0.0.1', () => res()));
    return `smtp://127.0.0.1:${(this.server.server.address() as AddressInfo).port}`;
  }

  stop(): Promise<void> {
    return new Promise((res) => this.server.close(() => res()));
  }

  /** The next mail to `to` (matching `filter`, when given), with a bounded wait. */
  async next(to: string, timeoutMs = 10_000, filter: (m: ReceivedMail) => boolean = () => true): Promise<ReceivedMail> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.received.find((m) => m.to.includes(to) && filter(m));
      if (found) {
        this.received.splice(this.received.indexOf(found), 1);
        return found;
      }
      if (Date.now() > deadline) throw new Error(`No mail to ${to} within ${timeoutMs} ms`);
      await new Promise<void>((res) => {
        this.waiters.push(res);
        setTimeout(res, 200);
      });
    }
  }
}

export function tokenFromLink(text: string, path: string): string {
  const match = new RegExp(`${path}\\?token=([A-Za-z0-9_%-]+)`).exec(text);
  if (!match) throw new Error(`No ${path} link in:\n${text}`);
  return decodeURIComponent(match[1]);
}
