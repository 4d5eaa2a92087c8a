/**
 * Notification e-mails when the mail server misbehaves: a reader's comment is answered at once
 * whatever the mail server does, and moderators still get their e-mail when it is only briefly down.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '@strapi/strapi';
import { api, bootStrapi } from './helpers/strapi';
import { publishedArticle, validComment } from './helpers/fixtures';
import { inbox, mailServer, waitForMail } from './helpers/smtp';
import { watchLog } from './helpers/log';

let strapi: Core.Strapi;
let request: Awaited<ReturnType<typeof api>>;
let article: Awaited<ReturnType<typeof publishedArticle>>;
let log: ReturnType<typeof watchLog>;

beforeAll(async () => {
  strapi = await bootStrapi();
  request = await api();
  // An article no other test file comments on, so the e-mail subjects here are this file's alone.
  article = await publishedArticle({ title: { $startsWith: 'USMLE Step 1' } });
});

afterEach(() => {
  mailServer.recover();
  log?.stop();
  strapi.config.set('notifications.maxPending', 100);
});

function postComment(body: string) {
  return request.post('/api/comments').send({ data: validComment(article.documentId, { body }) });
}

const delivered = (body: string) => inbox.filter((mail) => mail.text.includes(body));

describe('notification e-mails when the mail server misbehaves', () => {
  it('logs a refused e-mail and delivers it on the retry', async () => {
    log = watchLog(strapi);
    mailServer.refuseNext(1, (mail) => mail.text.includes('Refused once, delivered on the retry'));
    expect((await postComment('Refused once, delivered on the retry')).status).toBe(201);

    await waitForMail((mail) => mail.text.includes('Refused once, delivered on the retry'));
    expect(delivered('Refused once, delivered on the retry')).toHaveLength(1);
    const refusal = log.lines().find((line) => line.includes('retrying'));
    expect(refusal).toContain(`New comment awaiting moderation on "${article.title}"`);
    expect(refusal).toContain('451');
  });

  it('answers a comment while the mail server hangs, gives up on that e-mail with a logged timeout, and mails again once the server is back', async () => {
    log = watchLog(strapi);
    mailServer.hang();
    const response = await postComment('Posted while the mail server hangs');
    expect(response.status).toBe(201);
    // The 201 came while the e-mail was still on its way: neither delivered nor given up on.
    expect(delivered('Posted while the mail server hangs')).toHaveLength(0);
    expect(log.lines().filter((line) => line.includes('Notification e-mail'))).toEqual([]);

    const gaveUp = await log.waitFor(/Notification e-mail failed again, not sent/);
    expect(gaveUp).toContain(`New comment awaiting moderation on "${article.title}"`);
    expect(gaveUp).toContain('ETIMEDOUT');
    expect(mailServer.held).toBeGreaterThan(0);

    mailServer.recover();
    expect((await postComment('Posted after the mail server came back')).status).toBe(201);
    await waitForMail((mail) => mail.text.includes('Posted after the mail server came back'));
  });

  it('drops, and logs, e-mails beyond the waiting limit during an outage', async () => {
    log = watchLog(strapi);
    strapi.config.set('notifications.maxPending', 1);
    mailServer.hang();
    expect((await postComment('First while the server hangs')).status).toBe(201);
    expect((await postComment('Second while the server hangs')).status).toBe(201);

    const dropped = await log.waitFor(/Notification e-mail dropped/);
    expect(dropped).toContain(`New comment awaiting moderation on "${article.title}"`);
    expect(log.lines().filter((line) => line.includes('dropped'))).toHaveLength(1);
  });
});
