import type { HandlerContext, HandlerResult } from './handler-types.js';

/** A route outside the public spec (inference APIs, egress), matched by method and pattern. */
export interface ExtraRoute {
  method: string;
  pattern: RegExp;
  readsJson: boolean;
  handle: (
    context: HandlerContext,
    match: RegExpMatchArray | string[],
  ) => HandlerResult | Promise<HandlerResult>;
}

/** Routes the SDK calls that the public spec does not describe. */
export const extraRoutes: ExtraRoute[] = [];
