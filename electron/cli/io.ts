/** Output channels of a CLI command, so commands run and are tested without a real terminal. */
export interface CommandIo {
  out(line: string): void;
  err(line: string): void;
}

/** A mistake in how the command was called or what it was given: one line on stderr, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export const EXIT = { ok: 0, findings: 1, usage: 2 } as const;
