import type { Driver } from './parse-connection-url.js';

const DEFAULT_PORTS: Readonly<Record<Driver, number>> = { mysql: 3306, http: 80, https: 443 };

/** The port used when none (or 0) is given: 3306 for mysql, 80 for http, 443 for https. */
export function defaultPort(driver: Driver): number {
  return DEFAULT_PORTS[driver];
}
