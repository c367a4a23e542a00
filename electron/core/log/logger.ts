/**
 * The app's logger: JSON lines, redacted, to stderr and optionally to a file in the
 * data directory. Core code logs through this and nothing else, so the redaction
 * rule holds everywhere (a test greps the log file for PINs).
 */
import { appendFileSync } from 'node:fs';
import { redact } from './redact';

export type Level = 'debug' | 'info' | 'warn' | 'error';

export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
  child(scope: string): Logger;
}

const order: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export interface LoggerOptions {
  level?: Level;
  file?: string;
  /** Where lines go besides the file; defaults to stderr. Tests pass a collector. */
  sink?: (line: string) => void;
  scope?: string;
}

export function createLogger(options: LoggerOptions = {}): Logger {
  const min = order[options.level ?? 'info'];
  const sink = options.sink ?? ((line: string) => process.stderr.write(line + '\n'));
  const write = (level: Level, message: string, fields?: Record<string, unknown>): void => {
    if (order[level] < min) return;
    const entry = {
      time: new Date().toISOString(),
      level,
      scope: options.scope,
      message,
      ...(fields ? (redact(fields) as Record<string, unknown>) : {}),
    };
    const line = JSON.stringify(entry, (_k, v: unknown) => (v instanceof Error ? { name: v.name, message: v.message } : v));
    sink(line);
    if (options.file) {
      try {
        // 0600 when the file is created: the log names citizens.
        appendFileSync(options.file, line + '\n', { mode: 0o600 });
      } catch {
        /* a full or read-only disk must not take the app down with it */
      }
    }
  };
  return {
    debug: (m, f) => write('debug', m, f),
    info: (m, f) => write('info', m, f),
    warn: (m, f) => write('warn', m, f),
    error: (m, f) => write('error', m, f),
    child: (scope) => createLogger({ ...options, scope: options.scope ? `${options.scope}.${scope}` : scope }),
  };
}

export const silentLogger: Logger = createLogger({ sink: () => {}, level: 'error' });
