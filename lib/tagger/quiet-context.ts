/**
 * Stands in for WXT's `ContentScriptContext` in the content script's bundle (aliased in
 * wxt.config.ts). WXT's own announces every start to the page — a `window.postMessage` and a
 * document event both named after the extension's id — which tells an audited site that the
 * extension is installed (docs/ARCHITECTURE.md#stealth). The tagger uses none of its helpers,
 * so this keeps only
 * the abort signal, silently. What is given up: WXT's stopping of an older copy of the script
 * after the extension is updated; that copy can no longer reach the background and stays idle.
 */
export class ContentScriptContext {
  private readonly controller = new AbortController();

  constructor(
    readonly contentScriptName: string,
    readonly options?: unknown,
  ) {}

  /** Aborted when the context is invalidated. */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** Whether the context was invalidated. */
  get isInvalid(): boolean {
    return this.signal.aborted;
  }

  /** Whether the context is still valid. */
  get isValid(): boolean {
    return !this.isInvalid;
  }

  /** Invalidates the context. */
  abort(reason?: unknown): void {
    this.controller.abort(reason);
  }

  /** Runs `cb` when the context is invalidated; returns a function that removes it. */
  onInvalidated(cb: () => void): () => void {
    this.signal.addEventListener('abort', cb);
    return () => this.signal.removeEventListener('abort', cb);
  }
}
