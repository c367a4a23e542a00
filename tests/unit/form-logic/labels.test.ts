/**
 * Labels, placeholders and descriptions with `{{ }}`: Form.io shows every text through its own
 * `t()` (utils/i18n.js), which interpolates with the registered evaluator's `interpolateString`.
 * With the sandbox's evaluator registered, a form's template in a label is rendered inside the
 * sandbox like its other templates; nothing of a label reaches the app's own i18next.
 */
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { I18n } from '@formio/js/lib/cjs/utils/i18n';
import { registerEvaluator } from '@formio/js/lib/cjs/utils/Evaluator';
import { FormLogicSandbox, loadInterpreter } from '../../../electron/shared/form-logic/sandbox';
import { SandboxEvaluator } from '../../../electron/shared/form-logic/evaluator';

const sandbox = new FormLogicSandbox(await loadInterpreter(), {
  lodash: readFileSync(require.resolve('lodash/lodash.min.js'), 'utf8'),
  moment: readFileSync(require.resolve('moment/min/moment.min.js'), 'utf8'),
});
const evaluator = new SandboxEvaluator(sandbox);
registerEvaluator(evaluator as never);
afterAll(() => sandbox.dispose());

/** As a component calls it for its label (Component.t: the form's data, the row, the component, `_userInput`). */
const label = (text: string, data: Record<string, unknown>) =>
  (I18n.init({ language: 'it', it: {} }) as unknown as { t(text: string, params: unknown): string }).t(text, { data, row: data, component: { key: 'k' }, _userInput: true });

describe('template labels, through the sandbox', () => {
  it('renders a label\'s template as the form\'s other templates: an expression, not only a path', () => {
    expect(label('Allegato di {{ data.nome.toUpperCase() }}', { nome: 'mario' })).toBe('Allegato di MARIO');
    expect(label('{{ data.figli.length > 1 ? "Figli" : "Figlio" }} a carico', { figli: [1, 2] })).toBe('Figli a carico');
    expect(label('Nome e cognome', {})).toBe('Nome e cognome');
  });

  it('a hostile label runs in the sandbox: no host, no page', () => {
    expect(label("Nome {{ constructor.constructor('return this')().process ? 'host' : 'sandbox' }}", {})).toBe('Nome sandbox');
    expect(label("Nome {{ typeof document.defaultView + typeof sessionStorage }}", {})).toBe('Nome undefinedundefined');
  });

  it('Form.io\'s own messages keep their placeholders filled', () => {
    expect(evaluator.interpolateString('{{field}} è obbligatorio', { field: 'Nome' })).toBe('Nome è obbligatorio');
    // A name the text does not pass: Form.io's own look-up answers (data only, nothing runs).
    expect(evaluator.interpolateString('Ciao {{ data.nome }}{{ manca }}', { data: { nome: 'Ada' } })).toBe('Ciao Adaundefined');
  });
});
