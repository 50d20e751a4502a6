import 'dotenv/config';
import { createLogger } from './adapters/logger.js';
import { runCli } from './cli/run-cli.js';

/** The `newsdesk` command line entry point. */
const code = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  // warnings about article files are printed by the CLI itself; the log keeps to real problems
  logger: createLogger(process.env.LOG_LEVEL ?? 'error'),
});
process.exitCode = code;
