import { ApiError, apiContract, isChannel, type ApiEnvelope } from '../../shared/api/contract';
import { formatPath } from '../../shared/format/document';
import type { Handlers } from './handlers';

export type Dispatch = (channel: unknown, input: unknown) => Promise<ApiEnvelope<unknown>>;

export interface DispatchOptions {
  /** Also check every result against the contract (tests; too costly for large maps in production). */
  checkResults?: boolean;
  /** Where unexpected failures are reported, with what was being done; the caller only sees a generic message. */
  logError?: (error: unknown, context: string) => void;
}

/** What a caller is told when something unexpected failed: driver and file-system text stays in the log. */
export const internalErrorMessage = (channel: string) => `${channel}: internal error — see the log.`;

const defaultLogError = (error: unknown, context: string) => console.error(`[throughline] ${context}`, error);

/**
 * The single entry point both shells call: rejects unknown channels and invalid input before any
 * handler runs, and turns every failure into an envelope with a code and a readable message.
 */
export function createDispatch(handlers: Handlers, options: DispatchOptions = {}): Dispatch {
  const logError = options.logError ?? defaultLogError;
  return async (channel, input) => {
    if (!isChannel(channel)) {
      return { ok: false, error: { code: 'invalid-input', message: `Unknown API channel "${String(channel).slice(0, 100)}".` } };
    }
    try {
      const spec = apiContract[channel];
      const parsed = spec.input.safeParse(input ?? {});
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        const where = formatPath(issue.path);
        return { ok: false, error: { code: 'invalid-input', message: `${channel}: ${where === '(document)' ? 'input' : where} ${issue.message}` } };
      }
      const handler = handlers[channel] as (input: unknown) => unknown;
      const value = await handler(parsed.data);
      if (options.checkResults) spec.result.parse(value);
      return { ok: true, value };
    } catch (error) {
      // Refusals (not found, invalid, conflict, …) are meant for the user and keep their words.
      if (error instanceof ApiError) return { ok: false, error: { code: error.code, message: error.message } };
      logError(error, `${channel} failed:`);
      return { ok: false, error: { code: 'internal', message: internalErrorMessage(channel) } };
    }
  };
}
