/**
 * Form.io's own renderer, loaded only when a wizard step needs it (dynamic import):
 * it is the heaviest piece of the app and the attract screen must not wait for it.
 */
import { Formio } from '@formio/js/form';
import flatpickr from 'flatpickr';
import { Italian } from 'flatpickr/dist/l10n/it.js';
import '@formio/js/dist/formio.form.min.css';
import 'flatpickr/dist/flatpickr.min.css';
import moment from 'moment-timezone/moment-timezone';
import zones from 'moment-timezone/data/packed/latest.json';

/*
 * Form.io's date fields fetch their calendar (flatpickr) and its translations from a
 * CDN unless they are already on `window`: a kiosk is offline and the CSP forbids it,
 * so the bundled copies are put where Form.io looks first.
 */
Object.assign(window, { flatpickr, 'flatpickr-it': Italian });

/*
 * Likewise Form.io fetches the time zone database before showing a date; the zones an
 * Italian comune needs are loaded here from the bundled copy and the fetch is skipped.
 */
const ZONES = ['Europe/Rome|', 'Etc/UTC|'];
moment.tz.load({ ...zones, zones: zones.zones.filter((z) => ZONES.some((name) => z.startsWith(name))), links: [] });
Object.assign(moment, { zonesLoaded: true });

export interface RenderedForm {
  readonly data: Record<string, unknown>;
  destroy(): void;
}

interface Webform {
  submission: { data: Record<string, unknown> };
  on(event: string, listener: (...args: unknown[]) => void): void;
  destroy(deleteFromGlobal?: boolean): void;
}

export async function renderForm(
  element: HTMLElement,
  components: Record<string, unknown>[],
  data: Record<string, unknown>,
  options: { language: string; onChange(data: Record<string, unknown>): void },
): Promise<RenderedForm> {
  const form = (await Formio.createForm(element, { display: 'form', components }, {
    language: options.language,
    noAlerts: true,
    // The catalogue's forms are resolved offline by core: Form.io must fetch nothing.
    noDefaultSubmitButton: true,
  })) as unknown as Webform;
  form.submission = { data: structuredClone(data) };
  form.on('change', () => options.onChange(form.submission.data));
  return {
    get data() {
      return form.submission.data;
    },
    destroy: () => form.destroy(true),
  };
}
