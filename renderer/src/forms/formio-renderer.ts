/**
 * Form.io's own renderer, loaded only when a wizard step needs it (dynamic import):
 * it is the heaviest piece of the app and the attract screen must not wait for it.
 */
import { Formio } from '@formio/js/form';
import '@formio/js/dist/formio.form.min.css';

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
