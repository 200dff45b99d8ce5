import { createHash } from 'node:crypto';
import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { createTransport, Transporter } from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { simpleParser } from 'mailparser';
import type { CaughtMailView as CaughtMail } from '@kengash/contracts';

export type { CaughtMail };
import { AddressInfo } from 'node:net';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** Files such as an iCalendar invitation (nodemailer's attachment shape). */
  attachments?: MailAttachment[];
}

export interface MailAttachment {
  filename: string;
  content: string | Buffer;
  contentType: string;
}

export interface MailOptions {
  smtpUrl?: string;
  from: string;
}

/**
 * How a recipient appears in the logs: the domain and a short hash of the address, never the address itself.
 * Logs outlive an account's erasure (issue 9's data rights), and a hash still lets an operator match a complaint
 * ("did my mail go out?") against the log by hashing the address they are given.
 */
export function recipientRef(to: string): string {
  const address = to.trim().toLowerCase();
  const domain = address.includes('@') ? address.slice(address.lastIndexOf('@') + 1) : '?';
  return `${createHash('sha256').update(address).digest('hex').slice(0, 12)}@${domain}`;
}

/**
 * Sends mail over real SMTP: to `SMTP_URL` when set, otherwise to an SMTP catcher running in this process
 * on a loopback port (the development inbox), so the same code path is used everywhere.
 */
@Injectable()
export class MailService implements OnModuleDestroy {
  private readonly logger = new Logger(MailService.name);
  private transport?: Promise<Transporter>;
  private catcher?: SMTPServer;
  private readonly caught: CaughtMail[] = [];

  constructor(private readonly options: MailOptions) {}

  async send(mail: OutgoingMail): Promise<void> {
    const transport = await (this.transport ??= this.createTransport());
    await transport.sendMail({ from: this.options.from, ...mail });
    this.logger.log({ to: recipientRef(mail.to), subject: mail.subject }, 'Mail sent');
  }

  /** True when mail goes to the in-process catcher (no SMTP_URL). */
  get catching(): boolean {
    return !this.options.smtpUrl;
  }

  /** The development inbox (only when no SMTP_URL is set), newest first. */
  inbox(): CaughtMail[] {
    return [...this.caught].reverse();
  }

  async onModuleDestroy(): Promise<void> {
    if (this.transport) (await this.transport).close();
    if (this.catcher) await new Promise<void>((res) => this.catcher?.close(() => res()));
  }

  private async createTransport(): Promise<Transporter> {
    if (this.options.smtpUrl) return createTransport(this.options.smtpUrl);
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData: (stream, session, callback) => {
        void simpleParser(stream).then(
          (mail) => {
            this.caught.push({
              at: new Date().toISOString(),
              to: session.envelope.rcptTo.map((r) => r.address),
              subject: mail.subject ?? '',
              text: mail.text ?? '',
              attachments: mail.attachments.map((a) => a.filename ?? a.contentType),
            });
            if (this.caught.length > 200) this.caught.shift();
            callback();
          },
          (e: Error) => callback(e),
        );
      },
    });
    await new Promise<void>((res, rej) => {
      server.once('error', rej);
      server.listen(0, '127.0.0.1', () => res());
    });
    this.catcher = server;
    const { port } = server.server.address() as AddressInfo;
    this.logger.log(`SMTP_URL is not set: mail goes to the in-process catcher on 127.0.0.1:${port}`);
    return createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true });
  }
}
