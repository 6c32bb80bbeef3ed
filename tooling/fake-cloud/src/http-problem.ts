/** An error a handler throws to answer with a status and a plain-text message. */
export class HttpProblem extends Error {
  readonly status: number;
  readonly headers: Record<string, string>;

  constructor(status: number, message: string, headers: Record<string, string> = {}) {
    super(message);
    this.status = status;
    this.headers = headers;
  }
}

/** 404 for a resource kind and id. */
export function notFound(kind: string, id: string): HttpProblem {
  return new HttpProblem(404, `${kind} ${id} not found`);
}
