/**
 * The sandbox itself: portal code gets data and the libraries real forms use, and nothing
 * of its host; it cannot loop or hoard memory forever, and the next call still works.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FormLogicSandbox, loadInterpreter } from '../../../electron/shared/form-logic/sandbox';
import { SandboxEvaluator } from '../../../electron/shared/form-logic/evaluator';

const libraries = {
  lodash: readFileSync(require.resolve('lodash/lodash.min.js'), 'utf8'),
  moment: readFileSync(require.resolve('moment/min/moment.min.js'), 'utf8'),
};
const sandbox = new FormLogicSandbox(await loadInterpreter(), libraries);
const reported: string[] = [];
const evaluator = new SandboxEvaluator(sandbox, (what, error) => reported.push(`${what}: ${String(error)}`));
afterAll(() => sandbox.dispose());

const g = globalThis as Record<string, unknown>;

interface PortalComponent {
  key?: string;
  calculateValue?: string;
  components?: PortalComponent[];
}

/** A component of one of the real portal's forms (tests/fixtures/portal-forms), by its key. */
function portalComponent(form: string, key: string): PortalComponent {
  const find = (list: PortalComponent[] = []): PortalComponent | undefined => {
    for (const c of list) {
      const found = c.key === key ? c : find(c.components);
      if (found) return found;
    }
    return undefined;
  };
  const doc = JSON.parse(readFileSync(join(__dirname, '../../fixtures/portal-forms', `${form}.json`), 'utf8')) as PortalComponent;
  const found = find(doc.components);
  if (!found) throw new Error(`${key} non trovato in ${form}`);
  return found;
}

describe('the form-logic sandbox', () => {
  it('runs a form\'s script with its data, lodash and moment', () => {
    expect(evaluator.evaluate('value = _.get(data, "a.b").toUpperCase() + moment("01/02/2020", "DD/MM/YYYY").format("YYYY-MM-DD")', { data: { a: { b: 'x' } } }, 'value')).toBe('X2020-02-01');
  });

  it('renders Form.io string templates inside, and leaves plain text alone', () => {
    expect(evaluator.interpolate('<span>{{ item.name }}</span>{% if (item.n > 1) { %}!{% } %}', { item: { name: 'Ufficio', n: 2 } })).toBe('<span>Ufficio</span>!');
    expect(evaluator.interpolate('Nome e cognome', {})).toBe('Nome e cognome');
  });

  it('sees no host: no page, bridge, storage, timers, network, Node', () => {
    const probe = `value = [typeof sessionStorage, typeof localStorage, typeof fetch, typeof WebSocket, typeof EventSource,
      typeof setTimeout, typeof require, typeof process, typeof importScripts, typeof (window.sportello)].join(',')`;
    expect(evaluator.evaluate(probe, { data: {} }, 'value')).toBe(Array(10).fill('undefined').join(','));
    // The document real forms look their fields up in is not the page's: nothing of a page is reachable from it.
    const page = `value = [document.defaultView, document.body, document.cookie, document.location, document.title, document.createElement,
      document.documentElement, document.getElementById('root'), document.querySelector('script'), document.querySelectorAll('input').length].map(String).join(',')`;
    expect(evaluator.evaluate(page, { data: {} }, 'value')).toBe('undefined,undefined,undefined,undefined,undefined,undefined,undefined,null,null,0');
    expect(evaluator.interpolate("{{ constructor.constructor('return this')().process ? 'host' : 'sandbox' }}", {})).toBe('sandbox');
    evaluator.evaluate('globalThis.__ostile = 1; this.__ostile = 1', { data: {} });
    expect(g.__ostile).toBeUndefined();
  });

  it('passes no live object: an instance arrives as a few plain facts, a DOM-like object not at all', () => {
    const live = { key: 'k', parent: { manualMode: true, root: { secret: () => 'x' } }, secret: () => 'x' };
    expect(evaluator.evaluate("show = _.get(instance, 'parent.manualMode', false) && typeof instance.secret", { instance: live }, 'show')).toBe('undefined');
  });

  it('stops an endless loop at the deadline, and the next call works', () => {
    const started = Date.now();
    expect(evaluator.evaluate('while (true) {}', { data: {} }, 'value')).toBeNull();
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(reported.at(-1)).toMatch(/interrupted/);
    expect(evaluator.evaluate('value = 1 + 1', { data: {} }, 'value')).toBe(2);
  });

  it('stops a script that hoards memory by its memory ceiling, within a second or two, and the next call works', () => {
    const started = Date.now();
    // Time goes inside one big allocation, where the deadline is rarely checked: only the memory ceiling stops it.
    expect(evaluator.evaluate("let a = []; for (;;) a.push('x'.repeat(1e6))", { data: {} }, 'value')).toBeNull();
    console.log(`script che accumula memoria fermato in ${Date.now() - started} ms`);
    expect(reported.at(-1)).toMatch(/out of memory/);
    expect(evaluator.evaluate('value = "ancora"', { data: {} }, 'value')).toBe('ancora');
  });

  it('lends a select its setItems and the portal helper, asynchronously, as real forms use them', async () => {
    const items: unknown[] = [];
    sandbox.setHost({ authenticatedCall: (path) => Promise.resolve([{ id: 'u1', name: `da ${path}` }]) });
    const instance = { setItems: (i: unknown) => items.push(i) };
    evaluator.evaluate(
      'async function get_data() { window.FormioHelper.authenticatedCall("user-groups?has_calendar=true").then(function (r) { instance.setItems(r.map(e => ({ id: e.id, name: e.name }))) }) }\nif (values.length === 0) get_data()',
      { values: [], instance },
      'values',
    );
    await expect.poll(() => items).toEqual([[{ id: 'u1', name: 'da user-groups?has_calendar=true' }]]);
  });

  it('times out a promise callback that loops, without hanging the host', async () => {
    let answered = false;
    sandbox.setHost({ authenticatedCall: () => Promise.resolve([]).finally(() => (answered = true)) });
    evaluator.evaluate('window.FormioHelper.authenticatedCall("x").then(function () { while (true) {} })', { instance: { setItems() {} } }, 'values');
    await expect.poll(() => answered).toBe(true);
    // The looping callback ran under the deadline when the answer came; the host is free and the sandbox usable.
    await expect.poll(() => evaluator.evaluate('value = 3', { data: {} }, 'value')).toBe(3);
  });
});

describe('what real forms need that QuickJS lacks', () => {
  it('an XMLHttpRequest that goes nowhere: the full Anagrafica\'s fiscal code check runs on and keeps the card\'s value', () => {
    const check = portalComponent('subform-personal-data', 'fiscal_code').calculateValue!;
    expect(check).toContain('new XMLHttpRequest()');
    const fiscalCode = { data: { fiscal_code: 'RSSMRA80A01H501U' } };
    const data = {
      completename: { data: { name: 'MARIO', surname: 'ROSSI' } },
      gender: { data: { gender: 'maschio' } },
      Born: { data: { natoAIl: '01/01/1980', place_of_birth: 'Roma' } },
      fiscal_code: fiscalCode,
    };
    const before = reported.length;
    // Form.io takes a calculation that fails (null) for an empty value: the fiscal code would be wiped on screen.
    expect(evaluator.evaluate(check, { value: fiscalCode, data }, 'value')).toEqual(fiscalCode);
    expect(reported.slice(before)).toEqual([]);
  });

  it('a calculation that writes its own field on data (the booking form\'s calendar) sets it, as on the portal\'s live data', () => {
    const script = portalComponent('bookings', 'calendar').calculateValue!;
    expect(script).toContain('data.calendar =');
    const calendar = { key: 'calendar', type: 'hidden' };
    const data = { day: '2026-12-07', time: { start_time: '09:00', end_time: '09:30', opening_hour: 'oh-1' }, user_group: { calendar_id: 'cal-1' }, meeting_id: '', calendar: '' };
    // The string the portal books the appointment from (CalendarsBackOffice::getMeetingData): "d/m/Y @ H:i-H:i (calendar#meeting#opening hour)".
    expect(evaluator.evaluate(script, { value: '', data, component: calendar }, 'value')).toBe('07/12/2026 @ 09:00-09:30 (cal-1##oh-1)');
    expect(data.calendar).toBe('');
    // A value the script sets wins over what it wrote on data, as with Form.io's own comparison; other keys are not taken.
    expect(evaluator.evaluate('data.calendar = "scritto"; value = "calcolato"', { value: '', data, component: calendar }, 'value')).toBe('calcolato');
    expect(evaluator.evaluate('data.altro = "scritto"', { value: 'prima', data, component: calendar }, 'value')).toBe('prima');
  });

  it('a document of the form\'s fields only: the Anagrafica lite\'s phone rule runs and changes nothing', () => {
    const rule = portalComponent('subform-personal-data-light', 'phone_number') as PortalComponent & { customConditional?: string };
    expect(rule.customConditional).toContain('document.querySelector');
    const before = reported.length;
    const data = { phone_number: '', cell_number: '+39 333 1234567', email_address: '' };
    // As @formio/core runs a customConditional: shown unless the script says otherwise.
    expect(evaluator.evaluate(`show = true; ${rule.customConditional};`, { data }, 'show')).toBe(true);
    expect(evaluator.evaluate(`show = true; ${rule.customConditional};`, { data: { phone_number: '06 1234' } }, 'show')).toBe(true);
    expect(reported.slice(before)).toEqual([]);
    // The copy into the field went to a stand-in: the data is the form's, unchanged.
    expect(data.phone_number).toBe('');
    // The stand-in holds the field's value from the call's data, and no other call's.
    expect(evaluator.evaluate("value = document.querySelector(\"input[name^='data[phone_number]']\").value", { data: { phone_number: '06 1234' } }, 'value')).toBe('06 1234');
    expect(evaluator.evaluate("value = document.querySelector(\"input[name^='data[phone_number]']\").value", { value: '' }, 'value')).toBe('');
  });

  it('a condition Form.io re-checks with `data: null` (while working out a message) sees the form\'s data the component holds', () => {
    const rule = (portalComponent('subform-personal-data-light', 'phone_number') as PortalComponent & { customConditional?: string }).customConditional!;
    const before = reported.length;
    const instance = { key: 'phone_number', rootValue: { phone_number: '', cell_number: '+39 333 1234567' } };
    expect(evaluator.evaluate(`show = true; ${rule};`, { data: null, instance }, 'show')).toBe(true);
    expect(evaluator.evaluate('value = data.cell_number', { data: null, instance }, 'value')).toBe('+39 333 1234567');
    expect(reported.slice(before)).toEqual([]);
  });

  it('the stand-in request sends nothing and never answers', () => {
    const probe = `var x = new XMLHttpRequest(); var answered = false; x.onreadystatechange = function () { answered = true; };
      x.open('POST', 'https://fiscalcode.opencontent.it/validate', true); x.setRequestHeader('Content-Type', 'application/json'); x.send('{}');
      value = [x.readyState, x.status, XMLHttpRequest.DONE, answered].join(',')`;
    expect(evaluator.evaluate(probe, { data: {} }, 'value')).toBe('1,0,4,false');
  });

  it('formats dates in Italian (the booking form\'s day labels)', () => {
    const options = "{ weekday: 'long', year: 'numeric', month: 'long', day: 'numeric' }";
    expect(evaluator.evaluate(`value = new Date('2026-12-03').toLocaleDateString('it-IT', ${options})`, { data: {} }, 'value')).toBe('giovedì 3 dicembre 2026');
    expect(evaluator.evaluate("value = new Date('2026-12-03').toLocaleDateString('it-IT')", { data: {} }, 'value')).toBe('3/12/2026');
  });
});
