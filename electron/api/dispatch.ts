import { ApiError, apiContract, isChannel, type ApiEnvelope, type Channel } from '../../shared/api/contract';
import { formatPath } from '../../shared/format/document';
import type { Handlers } from './handlerTypes';
import { OWNER, type Actor, type Caller } from './caller';

/** Carries one API call; the shell says who makes it (the facilitator's own window when left out). */
export type Dispatch = (channel: unknown, input: unknown, caller?: Caller) => Promise<ApiEnvelope<unknown>>;
/** Decides whether a caller may make a validated call, and for whom it acts; throws ApiError('forbidden') if not. */
export type Authorize = (caller: Caller, channel: Channel, input: Record<string, unknown>) => Actor;

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
export function createDispatch(handlers: Handlers, authorize: Authorize, options: DispatchOptions = {}): Dispatch {
  const logError = options.logError ?? defaultLogError;
  return async (channel, input, caller = OWNER) => {
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
      const actor = authorize(caller, channel, parsed.data as Record<string, unknown>);
      const handler = handlers[channel] as (input: unknown, actor: Actor) => unknown;
      const value = await handler(parsed.data, actor);
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
