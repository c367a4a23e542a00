/**
 * Form.io's own renderer, loaded only when a wizard step needs it (dynamic import):
 * it is the heaviest piece of the app and the attract screen must not wait for it.
 */
import { Formio } from '@formio/js/form';
import formioEnglish from '@formio/js/lib/cjs/translations/en';
import { I18n } from '@formio/js/lib/cjs/utils/i18n';
import flatpickr from 'flatpickr';
import { Italian } from 'flatpickr/dist/l10n/it.js';
import '@formio/js/dist/formio.form.min.css';
import 'flatpickr/dist/flatpickr.min.css';
import moment from 'moment-timezone/moment-timezone';
import zones from 'moment-timezone/data/packed/latest.json';
import { registerEvaluator } from '@formio/core';
import lodashSource from 'lodash/lodash.min.js?raw';
import momentSource from 'moment/min/moment.min.js?raw';
import { FormLogicSandbox, loadInterpreter, type FormLogicHost } from '../../../electron/shared/form-logic/sandbox';
import { SandboxEvaluator } from '../../../electron/shared/form-logic/evaluator';
import { translateAnnouncement, watchAnnouncements } from './announcements';
import { installListedSelects } from './listed-selects';
import { withListDependencies } from './list-dependencies';
import { mapComponents, type Componente } from './component-tree';
import { installRepeatingGroups, withRepeatingGroups } from './gruppi-ripetuti';

/*
 * Form.io's date fields fetch their calendar (flatpickr) and its translations from a
 * CDN unless they are already on `window`: a kiosk is offline and the CSP forbids it,
 * so the bundled copies are put where Form.io looks first.
 */
Object.assign(window, { flatpickr, 'flatpickr-it': Italian });
// The calendar looks its language up by name among flatpickr's own: the bundled Italian is
// registered there too (its module registers itself only on a `window.flatpickr` set before it ran).
flatpickr.l10ns.it = Italian;
installListedSelects();
installRepeatingGroups();

/*
 * Likewise Form.io fetches the time zone database before showing a date; the zones an
 * Italian comune needs are loaded here from the bundled copy and the fetch is skipped.
 */
const ZONES = ['Europe/Rome|', 'Etc/UTC|'];
moment.tz.load({ ...zones, zones: zones.zones.filter((z) => ZONES.some((name) => z.startsWith(name))), links: [] });
Object.assign(moment, { zonesLoaded: true });

/*
 * No code of a form runs with the page's powers: Form.io (the renderer, and @formio/core's
 * validation inside it) evaluates every script and template in the sandbox, the same one core
 * uses. The page's CSP has no 'unsafe-eval', so a path we missed fails instead of running.
 */
let sandbox: Promise<FormLogicSandbox> | undefined;
function formLogic(): Promise<FormLogicSandbox> {
  sandbox ??= loadInterpreter().then((module) => {
    const s = new FormLogicSandbox(module, { lodash: lodashSource, moment: momentSource });
    const evaluator = new SandboxEvaluator(s, (what, error) => console.warn(`logica del modulo (${what}) non eseguita:`, String(error)));
    registerEvaluator(evaluator);
    Formio.use({ evaluator });
    return s;
  });
  return sandbox;
}

export interface RenderedForm {
  readonly data: Record<string, unknown>;
  /** Marks every field that breaks the form's rules, as Form.io shows them, and scrolls to the first. */
  showErrors(): void;
  /** Brings the field at a Form.io data path into view and gives it the focus. */
  focus(path: string): void;
  destroy(): void;
}

interface FormioComponent {
  path?: string;
  key?: string;
  element?: HTMLElement;
  focus?(): void;
}

interface Webform {
  submission: { data: Record<string, unknown> };
  setSubmission(submission: { data: Record<string, unknown> }): Promise<unknown>;
  /** Resolves once every component has its data (a select its options). */
  readonly dataReady: Promise<unknown>;
  on(event: string, listener: (...args: unknown[]) => void): void;
  setPristine(pristine: boolean): void;
  checkValidity(data: unknown, dirty: boolean, row: unknown): boolean;
  everyComponent(fn: (component: FormioComponent) => boolean | void): void;
  destroy(deleteFromGlobal?: boolean): void;
}

/** The component at a data path; core's paths and Form.io's agree but for nested forms' `.data.` in some versions. */
function componentAt(form: Webform, path: string): FormioComponent | null {
  let found: FormioComponent | null = null;
  const bare = path.replace(/\.data\./g, '.');
  form.everyComponent((c) => {
    if (c.path === path || (c.path && c.path.replace(/\.data\./g, '.') === bare)) {
      found = c;
      return false;
    }
  });
  return found;
}

function bringIntoView(element: Element | null | undefined): void {
  element?.scrollIntoView({ block: 'center', behavior: 'auto' });
}

/**
 * Selects are drawn as the browser's own <select> rather than Choices.js: large and
 * native on a touch screen, and without Choices' nested buttons that screen readers
 * cannot use (axe: nested-interactive).
 */
function withNativeSelect(c: Componente): Componente {
  return c.type === 'select' ? { ...c, widget: 'html5' } : c;
}

/**
 * Form.io's edit grids draw their row buttons as icons only, from an icon font the app
 * does not ship: give them words, visible and spoken, each time Form.io redraws. Some of
 * its templates also write lang="en" on an input whatever the language (the day field's
 * hidden one): those take the form's language.
 */
function labelIconButtons(element: HTMLElement, labels: { edit: string; remove: string }, language: string): MutationObserver {
  const label = () => {
    element.querySelectorAll<HTMLElement>(`[lang]:not([lang="${language}"])`).forEach((e) => e.setAttribute('lang', language));
    for (const [selector, text] of [['.editRow', labels.edit], ['.removeRow', labels.remove]] as const) {
      element.querySelectorAll<HTMLButtonElement>(`button${selector}`).forEach((button) => {
        if (button.textContent?.trim() !== text) button.textContent = text;
      });
    }
    // A data grid's remove button: its own label says which row (Form.io's aria-label is English and says none).
    element.querySelectorAll<HTMLButtonElement>('button.formio-button-remove-row').forEach((button) => {
      if (button.textContent?.trim() !== labels.remove) button.textContent = labels.remove;
      const row = button.closest('tr');
      const index = row?.parentElement ? Array.from(row.parentElement.children).indexOf(row) + 1 : 0;
      const name = index > 0 ? `${labels.remove} ${index}` : labels.remove;
      if (button.getAttribute('aria-label') !== name) button.setAttribute('aria-label', name);
    });
  };
  const observer = new MutationObserver(label);
  observer.observe(element, { subtree: true, childList: true, attributeFilter: ['lang'] });
  label();
  return observer;
}

export async function renderForm(
  element: HTMLElement,
  components: Record<string, unknown>[],
  data: Record<string, unknown>,
  options: {
    language: string;
    /** Form.io's own words (labels of the day field, months, "Add Another", error messages) in `language`, by Form.io's keys. */
    translations: Record<string, string>;
    labels: { edit: string; remove: string };
    /** The app's catalogue, for what Form.io tells screen readers in English whatever the language. */
    t(key: string, options: Record<string, unknown>): string;
    helper?: FormLogicHost;
    onChange(data: Record<string, unknown>): void;
  },
): Promise<RenderedForm> {
  (await formLogic()).setHost(options.helper ?? {});
  /*
   * Form.io knows no Italian: for a language it has no words of it falls back to English and
   * marks every input lang="en". The words go among its defaults, where nested forms (which
   * get the language but not the form's own i18n option) find them too. A string missing from
   * the catalogue stays in Form.io's English rather than showing its key.
   */
  (I18n.languages as Record<string, Record<string, string>>)[options.language] = { ...formioEnglish, ...options.translations };
  const observers = [labelIconButtons(element, options.labels, options.language), ...watchAnnouncements(element, (text) => translateAnnouncement(text, options.t))];
  const form = (await Formio.createForm(element, { display: 'form', components: mapComponents(withListDependencies(components), (c) => withRepeatingGroups(withNativeSelect(c), options.labels)) }, {
    language: options.language,
    noAlerts: true,
    // The catalogue's forms are resolved offline by core: Form.io must fetch nothing.
    noDefaultSubmitButton: true,
  })) as unknown as Webform;
  // The form counts as drawn once the saved data is in and every select has its options:
  // before that a citizen (or a test) would see empty choices.
  await form.setSubmission({ data: structuredClone(data) });
  await form.dataReady;
  form.on('change', () => options.onChange(form.submission.data));
  return {
    get data() {
      return form.submission.data;
    },
    showErrors() {
      form.setPristine(false);
      form.checkValidity(form.submission.data, true, form.submission.data);
      bringIntoView(element.querySelector('.has-error, .formio-error-wrapper, .is-invalid'));
    },
    focus(path) {
      const component = componentAt(form, path);
      bringIntoView(component?.element);
      component?.focus?.();
    },
    destroy: () => {
      observers.forEach((o) => o.disconnect());
      form.destroy(true);
    },
  };
}
