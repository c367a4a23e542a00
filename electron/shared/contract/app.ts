/** Calls about the app itself: what it is configured as, and how it is. */
import { z } from 'zod';
import { call } from './define';

/**
 * How long the kiosk's "Sei ancora lì?" countdown lasts before an idle session ends: WCAG
 * 2.2.1 asks for at least 20 s to answer a time limit; 30 leave a slow hand room.
 */
export const IDLE_WARNING_SECONDS = 30;
/** The shortest idle time a kiosk accepts: 10 s of quiet before the countdown starts. */
export const MIN_IDLE_TIMEOUT_SECONDS = IDLE_WARNING_SECONDS + 10;

const appModeSchema = z.enum(['kiosk', 'desk', 'home']);

export const appInfoSchema = z.object({
  name: z.literal('Sportello'),
  version: z.string(),
  mode: appModeSchema,
  comune: z.object({ id: z.string(), nome: z.string() }),
  demo: z.boolean(),
  idleTimeoutSeconds: z.number().int().positive(),
  portal: z.object({ configured: z.boolean(), url: z.string().nullable() }),
  /** What the start had to do that staff must know (a damaged archive restored from a copy). */
  avvisi: z.array(z.string()),
});

export const appCalls = {
  'app.info': call(z.object({}).strict(), appInfoSchema),
  /**
   * Prints a document silently where the installation has a printer (Electron on a kiosk
   * or desk); elsewhere answers printed: false and the page offers the PDF to save.
   */
  'app.print': call(
    z
      .object({
        jobName: z.string().min(1).max(80),
        // base64 of a PDF of at most 10 MB
        pdfBase64: z.string().min(8).max(14_000_000).regex(/^[A-Za-z0-9+/]+={0,2}$/),
      })
      .strict(),
    z.object({ printed: z.boolean() }),
  ),
  'app.echo': call(
    z.object({ text: z.string().min(1).max(200) }).strict(),
    z.object({ text: z.string(), receivedAt: z.string() }),
  ),
};
