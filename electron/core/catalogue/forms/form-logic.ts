/**
 * The form-logic sandbox in core: the portal's scripts and templates run in QuickJS
 * (shared/form-logic), with the same libraries the renderer gives them, so that validation
 * offline refuses exactly what the form refuses on screen. Loaded once at start
 * (`prepareFormLogic`); validation is synchronous and needs it ready.
 */
import { readFileSync } from 'node:fs';
import { registerEvaluator } from '@formio/core';
import { FormLogicSandbox, loadInterpreter } from '../../../shared/form-logic/sandbox';
import { SandboxEvaluator } from '../../../shared/form-logic/evaluator';
import { scopedData } from './form-scope';

/** In core, a nested form's scripts see that form's data as `data`, as they do on screen (form-scope.ts). */
class CoreEvaluator extends SandboxEvaluator {
  override evaluate(func: unknown, args: Record<string, unknown> = {}, ...rest: unknown[]): unknown {
    const scoped = args && 'data' in args ? { ...args, data: scopedData(args.component, args.data) } : args;
    return super.evaluate(func, scoped, ...(rest as []));
  }
}

let ready: Promise<void> | undefined;
let installed = false;

function librarySource(specifier: string): string {
  return readFileSync(require.resolve(specifier), 'utf8');
}

export function prepareFormLogic(): Promise<void> {
  ready ??= loadInterpreter().then((module) => {
    const sandbox = new FormLogicSandbox(module, {
      lodash: librarySource('lodash/lodash.min.js'),
      moment: librarySource('moment/min/moment.min.js'),
    });
    registerEvaluator(new CoreEvaluator(sandbox));
    installed = true;
  });
  return ready;
}

export function requireFormLogic(): void {
  if (!installed) throw new Error('logica dei moduli non pronta: prepareFormLogic() va atteso all\'avvio');
}
