/**
 * Form.io's evaluator, replaced: every string of code or template a form carries runs in the
 * sandbox (sandbox.ts), never with `new Function` in the page or in Node. JSON Logic (plain
 * data) and Form.io's own compiled templates (functions of the app's bundle) run as before.
 *
 * `noeval` is set so that Form.io itself takes its no-eval paths where it has them (edit
 * grids draw their rows with the bundled templates instead of templates from the form).
 */
import { DefaultEvaluator } from '@formio/core';
import { instanceSnapshot, plainCopy } from './marshal';
import type { FormLogicSandbox } from './sandbox';

const TEMPLATE_MARK = /{{|{%/;
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
/** Passed by Form.io but answered inside the sandbox by its own copies. */
const SANDBOX_LIBRARIES = new Set(['_', 'lodash', 'moment', 'utils', 'util', 'FormioUtils']);
const INSTANCE_KEYS = new Set(['instance', 'self']);

type Report = (what: string, error: unknown) => void;

/**
 * The key of the component whose calculation this is, when its script may write it on `data`.
 * On the portal's page `data` is the live submission, so a calculateValue that assigns
 * `data.<its key> = …` (the booking form's hidden `calendar`, the string the portal books the
 * appointment from) sets the field, whatever `value` it leaves; the sandbox has a copy of `data`.
 */
function ownKey(func: string, args: Record<string, unknown>): string | null {
  const component = args.component as { key?: unknown } | undefined;
  const key = typeof component === 'object' && component !== null ? component.key : undefined;
  if (typeof key !== 'string' || key === '' || typeof args.data !== 'object' || args.data === null) return null;
  // Only a script that names both `data` and its own key can write there: the others keep their copy of data small.
  return /\bdata\b/.test(func) && func.includes(key) ? key : null;
}

/**
 * As Form.io on the live data: a `value` the script changed wins; a `value` left as it was
 * leaves the field to what the script wrote on `data[key]`.
 */
function writesOwnField(func: string, key: string): string {
  const field = `data[${JSON.stringify(key)}]`;
  return [
    'var value;',
    'var __seen = typeof data === "object" && data !== null;',
    `var __before = __seen ? JSON.stringify(${field}) : undefined;`,
    'var __value = JSON.stringify(value);',
    `${func};`,
    `return JSON.stringify(value) === __value && __seen && JSON.stringify(${field}) !== __before ? ${field} : value;`,
  ].join('\n');
}

function hasSetItems(value: unknown): value is { setItems(items: unknown): void } {
  return typeof value === 'object' && value !== null && typeof (value as { setItems?: unknown }).setItems === 'function';
}

/**
 * Form.io re-checks a field's condition while it works out the field's message and then passes
 * `data: null` over the component's own (Component.invalidMessage, through @formio/core): the
 * form's scripts read `data.<field>` and would fail there. They get the data the component holds
 * (its form's, as in every other call), never null.
 */
function withFormData(args: Record<string, unknown>): Record<string, unknown> {
  if (args.data !== null) return args;
  const instance = args.instance as { rootValue?: unknown } | undefined;
  const data = typeof instance === 'object' && instance !== null ? instance.rootValue : undefined;
  return typeof data === 'object' && data !== null ? { ...args, data } : args;
}

export class SandboxEvaluator extends DefaultEvaluator {
  constructor(
    private readonly sandbox: FormLogicSandbox,
    private readonly report: Report = () => {},
  ) {
    super({ noeval: true });
  }

  /** A string of code as a function whose parameters are `params` (names, or the keys of an object). */
  override evaluator(func: unknown, ...params: unknown[]): (...args: unknown[]) => unknown {
    if (typeof func === 'function') return func as (...args: unknown[]) => unknown;
    const names = typeof params[0] === 'object' && params[0] !== null ? Object.keys(params[0]) : params.map(String);
    return (...values: unknown[]) => this.run(String(func), Object.fromEntries(names.map((n, i) => [n, values[i]])));
  }

  override evaluate(func: unknown, args: Record<string, unknown> = {}, ret: unknown = '', interpolate = false, context: unknown = {}, options: unknown = {}): unknown {
    if (typeof func === 'object' && func !== null) return super.evaluate(func as never, args as never, ret as never, interpolate, context as never, options as never);
    if (typeof func === 'function') {
      try {
        return (func as (...a: unknown[]) => unknown)(...Object.values(args));
      } catch (error) {
        this.report('funzione', error);
        return null;
      }
    }
    if (typeof func !== 'string' || !func.trim()) return null;
    args = withFormData(args);
    const variable = typeof ret === 'string' && IDENTIFIER.test(ret) ? ret : '';
    let source = variable ? `var ${variable};\n${func};\nreturn ${variable};` : func;
    const own = variable === 'value' ? ownKey(func, args) : null;
    if (own) source = writesOwnField(func, own);
    if (interpolate) source = this.interpolate(source, args);
    return this.run(source, args);
  }

  override interpolate(rawTemplate: unknown, data: Record<string, unknown> = {}): string {
    if (typeof rawTemplate === 'function') {
      // One of the app's bundled templates, compiled at build time: app code, not the portal's.
      try {
        return String((rawTemplate as (d: unknown) => unknown)(data));
      } catch (error) {
        this.report('modello', error);
        return '';
      }
    }
    const template = String(rawTemplate ?? '');
    if (!TEMPLATE_MARK.test(template)) return template;
    try {
      return this.sandbox.template(template, this.marshal(data, template));
    } catch (error) {
      this.report('modello', error);
      return '';
    }
  }

  /**
   * What Form.io's `t()` uses for every text it shows: the form's labels, placeholders and
   * descriptions (and its own messages, "{{field}} …"). Form.io's version looks `{{ path }}` up
   * in the data; a form's `{{ }}` is a template like any other of its templates, so it is
   * rendered in the sandbox too. Where a template fails there (a name the text does not pass),
   * Form.io's plain look-up answers, which reads data and runs nothing.
   */
  override interpolateString(rawTemplate: unknown, data: Record<string, unknown> = {}, options: unknown = {}): string {
    const template = typeof rawTemplate === 'string' ? rawTemplate : String(rawTemplate ?? '');
    if (!TEMPLATE_MARK.test(template)) return template;
    try {
      return this.sandbox.template(template, this.marshal(data, template));
    } catch (error) {
      this.report('testo', error);
      return super.interpolateString(template, data, options as never);
    }
  }

  /** Form.io's own `execute` would call a function with the page's powers; ours only come from `evaluator`. */
  override execute(func: unknown, args: unknown, context: unknown = {}): unknown {
    if (typeof func !== 'function') return undefined;
    return Array.isArray(args) ? (func as (...a: unknown[]) => unknown).apply(context, args) : (func as (a: unknown) => unknown).call(context, args);
  }

  private run(source: string, args: Record<string, unknown>): unknown {
    const names = Object.keys(args).filter((n) => IDENTIFIER.test(n));
    for (const extra of ['_', 'moment', 'instance']) if (!names.includes(extra)) names.push(extra);
    const live = [...INSTANCE_KEYS].map((k) => args[k]).find(hasSetItems);
    try {
      return this.sandbox.call(source, names, this.marshal(args, source), live);
    } catch (error) {
      this.report('script', error);
      return null;
    }
  }

  /** Plain copies of the arguments the code names (a whole form is not copied for a script that reads `data`). */
  private marshal(args: Record<string, unknown>, code: string): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    const words = new Set(code.match(/[A-Za-z_$][\w$]*/g) ?? []);
    for (const [key, value] of Object.entries(args)) {
      if (SANDBOX_LIBRARIES.has(key) || typeof value === 'function' || !words.has(key)) continue;
      if (INSTANCE_KEYS.has(key)) {
        out[key] = instanceSnapshot(value);
        continue;
      }
      const copy = plainCopy(value);
      if (copy !== undefined) out[key] = copy;
    }
    return out;
  }
}
