// Resource limits of one evaluation. Environments can describe exponentially large values with a few
// lines (each reference deep-copies its target), so evaluation counts its work and stops with a
// diagnostic instead of exhausting time or memory.

/** Limits of one evaluation. */
export interface EvaluationLimits {
  /** Maximum number of values created or copied. */
  maxValues: number;
  /** Maximum total length of strings built by interpolation and builtins. */
  maxStringLength: number;
  /** Maximum depth of nested expression evaluation (reference chains). */
  maxDepth: number;
}

/** Default limits: far above real environments, far below what would exhaust a workstation. */
export const DEFAULT_LIMITS: EvaluationLimits = {
  maxValues: 5_000_000,
  maxStringLength: 256 * 1024 * 1024,
  maxDepth: 1000,
};

/** Thrown (and caught by the evaluation entry points) when a limit is exceeded. */
export class LimitExceeded extends Error {}

/** Counts the work of one evaluation against its limits. */
export class Budget {
  private values = 0;
  private chars = 0;

  constructor(readonly limits: EvaluationLimits) {}

  /** Records `n` new values. */
  addValues(n: number): void {
    this.values += n;
    if (this.values > this.limits.maxValues) {
      throw new LimitExceeded(`evaluation creates more than ${this.limits.maxValues} values; the environment is too large to evaluate`);
    }
  }

  /** Records a string of length `n` built during evaluation. */
  addString(n: number): void {
    this.chars += n;
    if (this.chars > this.limits.maxStringLength) {
      throw new LimitExceeded(`evaluation builds more than ${this.limits.maxStringLength} characters of strings; the environment is too large to evaluate`);
    }
  }
}
