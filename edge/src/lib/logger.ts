const LEVELS = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 } as const;
export type LogLevel = keyof typeof LEVELS;

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

type Stdout = { write(chunk: string): unknown };
const stdout: Stdout | undefined = (globalThis as { process?: { stdout?: Stdout } }).process?.stdout;

/**
 * Info and debug lines written to stdout once per turn of the event loop rather than one write each:
 * under load the per-request line was about a tenth of a request's CPU. Where there is no
 * process.stdout (Workers) each line goes to console.log as before. Warnings and errors are never
 * held back. Whatever is pending is written when the process exits.
 */
let pending: string[] = [];
const flush = () => {
  const lines = pending;
  pending = [];
  if (lines.length > 0) stdout?.write(`${lines.join('\n')}\n`);
};
let exitHooked = false;
function writeInfo(line: string) {
  if (!stdout) {
    console.log(line);
    return;
  }
  if (pending.length === 0) setTimeout(flush, 0);
  pending.push(line);
  if (!exitHooked) {
    exitHooked = true;
    (globalThis as { process?: { on?(event: string, fn: () => void): void } }).process?.on?.('exit', flush);
  }
}

/** One JSON line per record on stdout/stderr: what log collectors on every runtime understand. */
export function createLogger(level: LogLevel): Logger {
  const min = LEVELS[level];
  const write = (lvl: Exclude<LogLevel, 'silent'>, msg: string, fields?: Record<string, unknown>) => {
    if (LEVELS[lvl] < min) return;
    const line = JSON.stringify({ t: new Date().toISOString(), level: lvl, msg, ...fields });
    if (lvl === 'error' || lvl === 'warn') {
      flush(); // keep the order of lines
      console.error(line);
    } else writeInfo(line);
  };
  return {
    debug: (m, f) => write('debug', m, f),
    info: (m, f) => write('info', m, f),
    warn: (m, f) => write('warn', m, f),
    error: (m, f) => write('error', m, f),
  };
}
