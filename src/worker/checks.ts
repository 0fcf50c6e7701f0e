/**
 * The worker's side of a check, apart from the worker's message plumbing so unit tests run it in Node: one
 * checker per composer session (its per-sentence cache), answers applied as the page did before (an invalid answer
 * is dropped rather than failing the check).
 */
import type { Checker, Verdict, Walkthrough } from '../core/index.ts';
import type { ToWorker } from './protocol.ts';

type Core = Pick<typeof import('../core/index.ts'), 'createChecker'>;

export class CheckerPool {
  private readonly core: Core;
  private readonly checkers = new Map<number, Checker>();

  constructor(core: Core) {
    this.core = core;
  }

  private checkerFor(session: number): Checker {
    let checker = this.checkers.get(session);
    if (!checker) {
      checker = this.core.createChecker();
      this.checkers.set(session, checker);
    }
    return checker;
  }

  /** The verdict for one `check` message. */
  check(m: Extract<ToWorker, { type: 'check' }>): Verdict {
    const checker = this.checkerFor(m.session);
    try {
      return checker.check(m.input, { ...m.context, ...m.answers });
    } catch {
      return checker.check(m.input, m.context);
    }
  }

  /** The verdict and its walkthrough for one `explain` message (the training page). */
  explain(m: Extract<ToWorker, { type: 'explain' }>): Walkthrough {
    return this.checkerFor(m.session).explain(m.input, m.context);
  }

  drop(session: number): void {
    this.checkers.delete(session);
  }

  get size(): number {
    return this.checkers.size;
  }
}
