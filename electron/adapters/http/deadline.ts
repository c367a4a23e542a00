/**
 * A deadline for the whole request. axios's `timeout` in Node is an idle timeout on the
 * socket: a server that drips a byte a second keeps a 3-second call alive for as long as
 * it likes, and a kiosk citizen waits with it. Every request of an instance gets an
 * AbortSignal that fires at the deadline, lengthened for a body being sent at a slow
 * but honest rate (an attachment of tens of megabytes on a town hall's line).
 */
import type { AxiosInstance, InternalAxiosRequestConfig } from 'axios';

/** The slowest upload rate still treated as working (a poor ADSL uplink). */
const MIN_UPLOAD_BYTES_PER_SECOND = 32 * 1024;
/** Downloads (outcome files) of unknown size: the idle timeout guards them; this bounds the whole. */
const DOWNLOAD_DEADLINE_MS = 10 * 60_000;

function bodySize(config: InternalAxiosRequestConfig): number {
  const header = config.headers.get('content-length');
  const size = Number(header);
  return Number.isFinite(size) && size > 0 ? size : 0;
}

function deadlineFor(config: InternalAxiosRequestConfig, baseMs: number): number {
  if (config.responseType === 'arraybuffer' || config.responseType === 'stream') return Math.max(baseMs, DOWNLOAD_DEADLINE_MS);
  return baseMs + Math.ceil((bodySize(config) / MIN_UPLOAD_BYTES_PER_SECOND) * 1000);
}

/** Installs the deadline on every request of `http` that does not bring its own signal. */
export function withDeadline(http: AxiosInstance, baseMs: number): AxiosInstance {
  http.interceptors.request.use((config) => {
    if (!config.signal) config.signal = AbortSignal.timeout(deadlineFor(config, baseMs));
    return config;
  });
  return http;
}

/** axios's codes for a request given up on time: aborted by the deadline, or the idle timeout. */
export function isDeadline(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'ERR_CANCELED' || code === 'ECONNABORTED' || code === 'ETIMEDOUT';
}
