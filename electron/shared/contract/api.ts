import type { NestedApi } from './bridge';
import type { Calls, Events } from './index';

/** The type of `window.sportello`. */
export type Sportello = NestedApi<Calls, Events>;
