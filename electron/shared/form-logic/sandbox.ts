/**
 * The form-logic sandbox: a QuickJS interpreter compiled to WebAssembly, with its own heap,
 * in which every piece of a portal form's code runs (templates, calculations, conditions,
 * custom validation, select data). Inside there is no page, no bridge, no storage, no timers
 * and no network: only the data handed in as JSON, the libraries real forms use, and two
 * narrow capabilities (the portal helper and a select's `setItems`). Each call has a
 * deadline and the heap a limit; a script that loops or hoards memory is stopped, and the
 * context is rebuilt so the next call starts clean.
 *
 * The same code runs in core (Node) and in the renderer (Chromium), so a rule is honoured
 * offline exactly as the citizen sees it on screen.
 */
import {
  newQuickJSWASMModuleFromVariant,
  newVariant,
  shouldInterruptAfterDeadline,
  type QuickJSContext,
  type QuickJSHandle,
  type QuickJSRuntime,
  type QuickJSWASMModule,
} from 'quickjs-emscripten-core';
import variant from '@jitl/quickjs-wasmfile-release-sync';
import { PRELUDE } from './prelude';

export interface FormLogicLibraries {
  /** Source text of lodash (the `_` of Form.io scripts) and of moment. */
  readonly lodash: string;
  readonly moment: string;
}

export interface FormLogicHost {
  /** `window.FormioHelper.authenticatedCall(path)` as the portal's front end offers it. */
  authenticatedCall?(path: string): Promise<unknown>;
}

export interface FormLogicLimits {
  /** Per call (and per batch of promise callbacks). */
  readonly deadlineMs: number;
  readonly memoryBytes: number;
}

const DEFAULT_LIMITS: FormLogicLimits = { deadlineMs: 200, memoryBytes: 32 * 1024 * 1024 };

/** Largest JSON going in or coming out of one call. */
const MAX_JSON = 2 * 1024 * 1024;
/** Live instances a late `setItems` may still reach (a select's options arrive after its call). */
const MAX_CAPABILITIES = 500;
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

class FormLogicError extends Error {}

interface Live {
  runtime: QuickJSRuntime;
  vm: QuickJSContext;
  call: QuickJSHandle;
  template: QuickJSHandle;
}

/** WebAssembly pages of 64 KiB: the interpreter needs 16 MiB to start, and may never use more than 48 MiB. */
const WASM_PAGES = { initial: 256, maximum: 768 } as const;

/**
 * A new interpreter with a WebAssembly memory of its own and a hard ceiling. QuickJS's own
 * memory limit cannot be trusted in this build (it counts allocations, not their sizes), and a
 * loop spent inside one large allocation reaches the interrupt check too rarely: the ceiling
 * of the wasm memory is what stops `for(;;) a.push('x'.repeat(1e6))`, within a second.
 */
export function loadInterpreter(): Promise<QuickJSWASMModule> {
  // WebAssembly is in every runtime this code runs in (Node, Chromium), though not in every lib's typings.
  const { Memory } = (globalThis as unknown as { WebAssembly: { Memory: new (pages: typeof WASM_PAGES) => unknown } }).WebAssembly;
  return newQuickJSWASMModuleFromVariant(newVariant(variant, { wasmMemory: new Memory(WASM_PAGES) as never }));
}

export class FormLogicSandbox {
  private live: Live | undefined;
  private host: FormLogicHost = {};
  private readonly capabilities = new Map<number, { setItems(items: unknown): void }>();
  private nextCapability = 0;

  constructor(
    private readonly module: QuickJSWASMModule,
    private readonly libraries: FormLogicLibraries,
    private readonly limits: FormLogicLimits = DEFAULT_LIMITS,
  ) {}

  /** The helper the next calls reach (the form being drawn); none in core. */
  setHost(host: FormLogicHost): void {
    this.host = host;
  }

  /**
   * Runs `source` as a function body with `names` as parameters bound to `values` (plain
   * copies). `instance` may lend `setItems`. Returns the function's result as JSON data.
   */
  call(source: string, names: readonly string[], values: Record<string, unknown>, instance?: { setItems(items: unknown): void }): unknown {
    const params = names.filter((n) => IDENTIFIER.test(n));
    const json = JSON.stringify(values);
    if (json.length > MAX_JSON) throw new FormLogicError('dati del modulo troppo grandi');
    const capability = instance ? this.lend(instance) : -1;
    return this.run((live) => {
      const { vm } = live;
      const handles = [vm.newString(source), vm.newString(JSON.stringify(params)), vm.newString(json), vm.newNumber(capability)];
      try {
        return this.result(vm.callFunction(live.call, vm.undefined, ...handles));
      } finally {
        handles.forEach((h) => h.dispose());
      }
    });
  }

  /** A Form.io string template (`{{ }}`, `{% %}`, `{{{ }}}`) rendered inside the sandbox. */
  template(template: string, data: Record<string, unknown>): string {
    const json = JSON.stringify(data);
    if (json.length > MAX_JSON) throw new FormLogicError('dati del modulo troppo grandi');
    return this.run((live) => {
      const { vm } = live;
      const handles = [vm.newString(template), vm.newString(json)];
      try {
        const out = this.result(vm.callFunction(live.template, vm.undefined, ...handles), true);
        return typeof out === 'string' ? out : '';
      } finally {
        handles.forEach((h) => h.dispose());
      }
    });
  }

  dispose(): void {
    this.drop();
    this.capabilities.clear();
  }

  private lend(instance: { setItems(items: unknown): void }): number {
    const id = this.nextCapability++;
    this.capabilities.set(id, instance);
    if (this.capabilities.size > MAX_CAPABILITIES) this.capabilities.delete(this.capabilities.keys().next().value!);
    return id;
  }

  private run<T>(work: (live: Live) => T): T {
    const live = this.context();
    live.runtime.setInterruptHandler(shouldInterruptAfterDeadline(Date.now() + this.limits.deadlineMs));
    try {
      const out = work(live);
      this.drain(live);
      return out;
    } catch (error) {
      // Interrupted or out of memory: that context cannot be trusted any more.
      if (!(error instanceof FormLogicError) || /interrupted|out of memory/i.test(error.message)) this.drop();
      throw error instanceof FormLogicError ? error : new FormLogicError(String(error));
    }
  }

  /** Promise callbacks queued by the last call (an `async get_data()`), under the same deadline. */
  private drain(live: Live): void {
    const jobs = live.runtime.executePendingJobs();
    if (jobs.error) {
      const message = String(live.vm.dump(jobs.error));
      jobs.error.dispose();
      if (/interrupted|out of memory/i.test(message)) this.drop();
    }
  }

  private result(result: ReturnType<QuickJSContext['callFunction']>, raw = false): unknown {
    const vm = this.live!.vm;
    if (result.error) {
      const error = vm.dump(result.error) as { message?: string } | string;
      result.error.dispose();
      throw new FormLogicError(typeof error === 'string' ? error : String(error?.message ?? 'errore nella logica del modulo'));
    }
    const text = vm.getString(result.value);
    result.value.dispose();
    if (raw) return text;
    if (text.length > MAX_JSON) throw new FormLogicError('risultato della logica del modulo troppo grande');
    return JSON.parse(text) as unknown;
  }

  private context(): Live {
    if (this.live) return this.live;
    const runtime = this.module.newRuntime();
    runtime.setMemoryLimit(this.limits.memoryBytes);
    runtime.setMaxStackSize(1024 * 1024);
    // Loading the libraries takes longer than one call may: its own, larger deadline.
    runtime.setInterruptHandler(shouldInterruptAfterDeadline(Date.now() + 5_000));
    const vm = runtime.newContext();
    try {
      this.lendHostFunctions(vm, runtime);
      for (const [name, source] of [['lodash.js', this.libraries.lodash], ['moment.js', this.libraries.moment], ['prelude.js', PRELUDE]] as const) {
        vm.unwrapResult(vm.evalCode(source, name)).dispose();
      }
      const call = vm.getProp(vm.global, '__call');
      const template = vm.getProp(vm.global, '__template');
      this.live = { runtime, vm, call, template };
      return this.live;
    } catch (error) {
      vm.dispose();
      runtime.dispose();
      throw new FormLogicError(`logica dei moduli non disponibile: ${String(error)}`);
    }
  }

  private lendHostFunctions(vm: QuickJSContext, runtime: QuickJSRuntime): void {
    const hostCall = vm.newFunction('__hostCall', (pathHandle) => {
      const path = vm.getString(pathHandle);
      const deferred = vm.newPromise();
      const helper = this.host.authenticatedCall;
      const settle = (ok: boolean, value: string) => {
        if (!deferred.alive || !this.live || this.live.vm !== vm) return;
        const handle = ok ? vm.newString(value) : vm.newError(value);
        (ok ? deferred.resolve : deferred.reject).call(deferred, handle);
        handle.dispose();
        runtime.setInterruptHandler(shouldInterruptAfterDeadline(Date.now() + this.limits.deadlineMs));
        this.drain(this.live);
      };
      (helper ? Promise.resolve().then(() => helper(path)) : Promise.reject(new Error('servizio del portale non disponibile')))
        .then((value) => JSON.stringify(value ?? null))
        .then(
          (text) => settle(text.length <= MAX_JSON, text.length <= MAX_JSON ? text : 'risposta del portale troppo grande'),
          (error: unknown) => settle(false, error instanceof Error ? error.message : String(error)),
        );
      return deferred.handle;
    });
    const setItems = vm.newFunction('__hostSetItems', (idHandle, itemsHandle) => {
      const target = this.capabilities.get(vm.getNumber(idHandle));
      const text = vm.getString(itemsHandle);
      if (!target || text.length > MAX_JSON) return;
      const items = JSON.parse(text) as unknown;
      if (Array.isArray(items) && items.length <= 5_000) {
        // Outside the sandbox's call stack: a select redraw must not run under the script's deadline.
        queueMicrotask(() => target.setItems(items));
      }
    });
    vm.setProp(vm.global, '__hostCall', hostCall);
    vm.setProp(vm.global, '__hostSetItems', setItems);
    hostCall.dispose();
    setItems.dispose();
  }

  private drop(): void {
    const live = this.live;
    this.live = undefined;
    if (!live) return;
    try {
      live.call.dispose();
      live.template.dispose();
      live.vm.dispose();
      live.runtime.dispose();
    } catch {
      // A context that died out of memory may refuse an orderly disposal; its heap goes with it.
    }
  }
}
