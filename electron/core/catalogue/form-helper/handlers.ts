import type { moduliCalls } from '../../../shared/contract/moduli';
import type { Handlers } from '../../../shared/contract/define';
import type { FormHelper } from './form-helper';

export function moduliHandlers(helper: FormHelper): Handlers<typeof moduliCalls> {
  return {
    'moduli.helper': async ({ tenant, path }) => helper.answer(tenant, path),
  };
}
