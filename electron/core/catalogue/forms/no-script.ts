/**
 * Form.io forms may carry JavaScript (calculateValue, customConditional, custom
 * validation, custom default values, logic actions). In the main process that code would
 * run with Node's full powers, so core never runs it: `stripScripts` removes every such
 * property from a form before it is stored or validated, and `installNoScriptEvaluator`
 * replaces Form.io's evaluator with one that refuses to compile code, in case a property
 * we did not know about slips through. JSON Logic (plain data) still works.
 */
import { DefaultEvaluator, registerEvaluator } from '@formio/core';
import type { FormComponent } from './form-json';

/** Properties whose value is JavaScript source (or may hold it) in Form.io's component schema. */
const SCRIPT_KEYS = ['calculateValue', 'calculateServer', 'customConditional', 'customDefaultValue', 'logic', 'onChange', 'refreshOn'];
const SCRIPT_VALIDATE_KEYS = ['custom', 'customPrivate'];

export function stripScripts(component: FormComponent): { component: FormComponent; stripped: string[] } {
  const copy: Record<string, unknown> = { ...component };
  const stripped: string[] = [];
  for (const key of SCRIPT_KEYS) {
    if (key in copy) {
      delete copy[key];
      stripped.push(key);
    }
  }
  if (typeof copy.validate === 'object' && copy.validate !== null) {
    const validate: Record<string, unknown> = { ...(copy.validate as Record<string, unknown>) };
    for (const key of SCRIPT_VALIDATE_KEYS) {
      if (key in validate) {
        delete validate[key];
        stripped.push(`validate.${key}`);
      }
    }
    copy.validate = validate;
  }
  return { component: copy as FormComponent, stripped };
}

class NoScriptEvaluator extends DefaultEvaluator {
  constructor() {
    super({ noeval: true });
  }
  override evaluator(): () => undefined {
    return () => undefined;
  }
  override execute(): undefined {
    return undefined;
  }
}

let installed = false;

export function installNoScriptEvaluator(): void {
  if (installed) return;
  registerEvaluator(new NoScriptEvaluator());
  installed = true;
}
