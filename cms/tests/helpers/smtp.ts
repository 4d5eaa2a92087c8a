/**
 * A real SMTP server on a free local port, standing in for the organisation's mail server. It keeps
 * every message it receives so tests can read what moderators and staff would get, and can be told
 * to misbehave like a real one does (`mailServer`).
 */
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string[];
  subject: string;
  text: string;
  /** A header of the message (folded lines joined), '' when absent. */
  header: (name: string) => string;
  /** The HTML part, decoded; '' when the message has none. */
  html: string;
}

export const inbox: ReceivedMail[] = [];

function decodeQuotedPrintable(text: string): string {
  const bytes = text
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/gi, (_, hex) => String.fromCharCode(parseInt(hex, 16)));
  return Buffer.from(bytes, 'latin1').toString('utf8');
}

/** Decodes RFC 2047 encoded words (=?UTF-8?Q?...?= and =?UTF-8?B?...?=) in a header. */
function decodeHeader(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?UTF-8\?([QB])\?([^?]*)\?=/gi, (_, kind: string, text: string) =>
      kind.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64').toString('utf8')
        : decodeQuotedPrintable(text.replace(/_/g, ' ')),
    );
}

/** Splits a MIME entity into a header lookup and its body. */
function entity(raw: string) {
  const split = raw.search(/\r?\n\r?\n/);
  const headers = raw.slice(0, split).replace(/\r?\n[ \t]+/g, ' ');
  const body = raw.slice(split).replace(/^\r?\n\r?\n/, '');
  const header = (name: string) => new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(headers)?.[1] ?? '';
  return { header, body };
}

/** The content of a message of `type` (text/plain by default, else the first part), from a multipart one if need be. */
function partText(raw: string, type = 'text/plain'): string {
  const { header, body } = entity(raw);
  const boundary = /boundary="?([^";]+)"?/i.exec(header('Content-Type'))?.[1];
  if (boundary) {
    const parts = body.split(`--${boundary}`).slice(1, -1);
    const wanted = new RegExp(`content-type:\\s*${type.replace('/', '\\/')}`, 'i');
    const found = parts.find((part) => wanted.test(part)) ?? (type === 'text/plain' ? parts[0] : undefined);
    return found === undefined ? '' : partText(found.replace(/^\r?\n/, ''), type);
  }
  let text = body;
  if (/quoted-printable/i.test(header('Content-Transfer-Encoding'))) text = decodeQuotedPrintable(body);
  else if (/base64/i.test(header('Content-Transfer-Encoding'))) text = Buffer.from(body, 'base64').toString('utf8');
  return text.replace(/\r\n/g, '\n').trim();
}

function parse(raw: string, to: string[]): ReceivedMail {
  const { header } = entity(raw);
  return {
    to,
    subject: decodeHeader(header('Subject')),
    text: partText(raw),
    header: (name) => decodeHeader(header(name)),
    html: partText(raw, 'text/html'),
  };
}

/** How the server behaves for the next messages; tests change it and must call `recover()` after. */
const faults = {
  refusals: 0,
  refuses: (_mail: ReceivedMail) => true,
  hanging: false,
  held: 0,
  /** Addresses answered "550 no such mailbox" for good, as a server refuses one that does not exist. */
  unknownRecipients: new Set<string>(),
};

export const mailServer = {
  /**
   * Answers the next `count` messages (those matching `which`, so mail other tests still have on
   * the way is not caught) with "451 try again later", as a busy or greylisting server does.
   */
  refuseNext(count = 1, which: (mail: ReceivedMail) => boolean = () => true) {
    faults.refusals = count;
    faults.refuses = which;
  },
  /** Stops answering: new connections get no greeting, open ones no reply to their next message. */
  hang() {
    faults.hanging = true;
  },
  /** Refuses `address` for good (550) until `recover()`. */
  refuseRecipient(address: string) {
    faults.unknownRecipients.add(address.toLowerCase());
  },
  recover() {
    faults.hanging = false;
    faults.refusals = 0;
    faults.unknownRecipients.clear();
  },
  /** Connections or messages left waiting for an answer while hanging. */
  get held() {
    return faults.held;
  },
};

/** Leaves the client waiting for good while the server hangs; otherwise answers. */
function answerUnlessHanging(callback: () => void): void {
  if (faults.hanging) faults.held += 1;
  else callback();
}

export async function startSmtpServer(): Promise<{ port: number; close: () => Promise<void> }> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onConnect(_session, callback) {
      answerUnlessHanging(callback);
    },
    onMailFrom(_address, _session, callback) {
      answerUnlessHanging(callback);
    },
    onRcptTo(address, _session, callback) {
      if (faults.unknownRecipients.has(address.address.toLowerCase())) {
        callback(Object.assign(new Error('No such mailbox here'), { responseCode: 550 }));
      } else callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk) => chunks.push(chunk));
      stream.on('end', () => {
        const mail = parse(
          Buffer.concat(chunks).toString('utf8'),
          session.envelope.rcptTo.map((r) => r.address),
        );
        if (faults.refusals > 0 && faults.refuses(mail)) {
          faults.refusals -= 1;
          callback(Object.assign(new Error('Mailbox temporarily unavailable, try again later'), { responseCode: 451 }));
          return;
        }
        inbox.push(mail);
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as { port: number }).port;
  return { port, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** Waits (up to 15 s: CI machines can be busy) for a message matching `predicate`. */
export async function waitForMail(predicate: (mail: ReceivedMail) => boolean): Promise<ReceivedMail> {
  for (let waited = 0; waited < 15_000; waited += 50) {
    const mail = inbox.find(predicate);
    if (mail) return mail;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`No such e-mail arrived; inbox: ${inbox.map((m) => m.subject).join(' | ') || '(empty)'}`);
}
