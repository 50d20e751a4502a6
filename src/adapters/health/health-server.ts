import { createServer, type Server } from 'node:http';
import type { AdapterStatus, Logger } from '../../core/ports.js';

/** What /healthz reports: the database and every chat adapter. */
export interface HealthReport {
  ok: boolean;
  database: { ok: boolean; kind: string; error?: string };
  adapters: Record<string, AdapterStatus>;
  /** set while the process is shutting down: load balancers should stop sending it work */
  shuttingDown: boolean;
}

export interface HealthSources {
  databaseKind: string;
  pingDatabase(): Promise<void>;
  adapters(): { name: string; status(): AdapterStatus }[];
  shuttingDown(): boolean;
}

/** A database that does not answer within this is reported down rather than hanging the probe. */
const PING_TIMEOUT_MS = 2_000;

/** Check the database and the adapters once. */
export async function checkHealth(sources: HealthSources): Promise<HealthReport> {
  const database: HealthReport['database'] = { ok: true, kind: sources.databaseKind };
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      sources.pingDatabase(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${PING_TIMEOUT_MS} ms`)), PING_TIMEOUT_MS);
      }),
    ]);
  } catch (error) {
    database.ok = false;
    database.error = error instanceof Error ? error.message : String(error);
  } finally {
    clearTimeout(timer);
  }
  const adapters = Object.fromEntries(sources.adapters().map((adapter) => [adapter.name, adapter.status()]));
  const shuttingDown = sources.shuttingDown();
  const ok = database.ok && !shuttingDown && Object.values(adapters).every((status) => status.connected);
  return { ok, database, adapters, shuttingDown };
}

export interface HealthServer {
  /** the port actually bound (useful with port 0) */
  readonly port: number;
  close(): Promise<void>;
}

/**
 * Serve GET /healthz: 200 with the report when the database answers and every adapter is connected,
 * 503 otherwise (and while shutting down). Anything else is 404.
 */
export async function startHealthServer(options: {
  port: number;
  host?: string;
  sources: HealthSources;
  logger: Logger;
}): Promise<HealthServer> {
  const server: Server = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0];
    if (path !== '/healthz' || (request.method !== 'GET' && request.method !== 'HEAD')) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
      return;
    }
    checkHealth(options.sources).then(
      (report) => {
        response
          .writeHead(report.ok ? 200 : 503, { 'content-type': 'application/json', 'cache-control': 'no-store' })
          .end(request.method === 'HEAD' ? undefined : `${JSON.stringify(report)}\n`);
      },
      (error: unknown) => {
        options.logger.error({ err: String(error) }, 'health check failed');
        response.writeHead(500, { 'content-type': 'text/plain' }).end('health check failed\n');
      },
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '0.0.0.0', () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  options.logger.info({ port }, 'health endpoint listening on /healthz');
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
