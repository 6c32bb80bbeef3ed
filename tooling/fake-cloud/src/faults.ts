/** A fault to inject into matching requests of one tenant. */
export interface FaultRule {
  /** HTTP method to match (any when omitted). */
  method?: string;
  /** Regular expression matched against the request path (e.g. `^/v1/workspaces`). */
  path: string;
  /** Status to answer with; omitted for a pure delay (the request is then served normally). */
  status?: number;
  /** How many matching requests the rule affects (default 1). */
  times?: number;
  /** Retry-After header value in seconds. */
  retryAfter?: number;
  /** Milliseconds to wait before answering. */
  delayMs?: number;
  /** Body text of the injected answer. */
  body?: string;
}

/** The faults of a tenant, consumed as requests match them. */
export class FaultBook {
  #rules: (FaultRule & { remaining: number })[] = [];

  add(rule: FaultRule): void {
    this.#rules.push({ ...rule, remaining: rule.times ?? 1 });
  }

  clear(): void {
    this.#rules = [];
  }

  /** The first live rule matching the request, consuming one use. */
  take(method: string, path: string): FaultRule | undefined {
    const rule = this.#rules.find(
      (candidate) =>
        candidate.remaining > 0 &&
        (candidate.method === undefined || candidate.method.toUpperCase() === method) &&
        new RegExp(candidate.path).test(path),
    );
    if (rule) rule.remaining -= 1;
    return rule;
  }
}
