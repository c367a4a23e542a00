/**
 * The browser host's limits on a page's messages, at their defaults: the page's connection takes
 * small frames only; calls carrying a file (attachment, print, signed file) go on the page's file
 * connection, which takes large ones and nothing else. A frame over its limit closes that
 * connection with 1009, never another one or the process.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { launchToken, startTestHost, type TestHost } from '../../support/host';
import { answeredOrClosed, connectFiles, connectPage, type PageClient } from './page-client';
import { WS_FILE_PATH } from '../../../electron/shared/transport/ws-wire';

let t: TestHost;
const rendererDir = mkdtempSync(join(tmpdir(), 'sportello-renderer-'));
writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Sportello</title>');
const MiB = 1024 * 1024;

beforeAll(async () => {
  t = await startTestHost({}, { rendererDir });
});
afterAll(async () => t.stop());

const connect = (): Promise<PageClient> => connectPage(t.host, launchToken(t.host));

describe('frame limits of the browser host', () => {
  it('closes a connection that sends an ordinary call of 1 MiB, and only that one', async () => {
    const other = await connect();
    const big = await connect();
    expect(await answeredOrClosed(big, big.call('pratiche.list', { pad: 'x'.repeat(MiB) }))).toBe('closed 1009');
    expect(await other.call('app.info')).toMatchObject({ ok: true });
    expect(readFileSync(t.logFile, 'utf8')).toContain('connessione chiusa: messaggio troppo grande');
    other.ws.close();
  });

  it('carries a file call of megabytes on the file connection: a PDF to print and an attachment', async () => {
    const page = await connect();
    const files = await connectFiles(t.host, page);
    const pdfBase64 = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2 * MiB, 0x20)]).toString('base64');
    const printed = files.call('app.print', { jobName: 'Ricevuta', pdfBase64 });
    expect(await answeredOrClosed(files, printed)).toBe('answered');
    expect(await printed).toEqual({ ok: true, value: { printed: false } });
    // No such pratica: what matters is that core, not the frame limit, answers.
    const attachment = { id: randomUUID(), slot: 'documento', name: 'documento.pdf', contentBase64: pdfBase64 };
    expect(await answeredOrClosed(files, files.call('pratiche.attachments.add', attachment))).toBe('answered');
    expect(await page.call('app.info')).toMatchObject({ ok: true });
    files.ws.close();
    page.ws.close();
  });

  it('the page connection takes no megabytes, not even for a file call: ws refuses the frame from its header', async () => {
    const page = await connect();
    const pdfBase64 = Buffer.alloc(2 * MiB, 0x41).toString();
    expect(await answeredOrClosed(page, page.call('app.print', { jobName: 'Ricevuta', pdfBase64 }))).toBe('closed 1009');
    // A small file call there is refused by name: the page sends file calls on the file connection.
    const other = await connect();
    expect(await other.call('app.print', { jobName: 'Ricevuta', pdfBase64: 'JVBERi0=' })).toMatchObject({ ok: false, error: { code: 'chiamata-non-ammessa' } });
    other.ws.close();
  });

  it('the file connection answers file calls only, and never takes or spends a launch token', async () => {
    const page = await connect();
    const files = await connectFiles(t.host, page);
    expect(await files.call('app.info')).toMatchObject({ ok: false, error: { code: 'chiamata-non-ammessa' } });
    // It carries no events: the page's state arrives on the page connection only.
    expect(files.received.filter((m) => (m as { event?: string }).event !== undefined)).toEqual([]);
    const launch = launchToken(t.host);
    await expect(connectPage(t.host, launch, WS_FILE_PATH)).rejects.toThrow('HTTP 401');
    const opened = await connectPage(t.host, launch);
    expect(await opened.call('app.info')).toMatchObject({ ok: true });
    for (const c of [files, page, opened]) c.ws.close();
  });

  it('judges a frame by the call it carries, not by the first name it shows', async () => {
    const page = await connect();
    // JSON.parse keeps the last "call": this is a pratiche.list dressed as a print at its head.
    const frame = `{"id":1,"call":"app.print","input":{"pad":"${'x'.repeat(MiB)}"},"call":"pratiche.list"}`;
    expect(await answeredOrClosed(page, page.send(frame, 1))).toBe('closed 1009');
  });
});
