// Errors as values: domain modules throw these; the one error handler (plugins/errors.ts) turns
// them into the site's own 404 / 409 / 400 pages, so routes need no try/catch ladders of their own.

/** A field and what is wrong with it, in words a person understands (shown in the error summary). */
export type FieldError = { field: string; message: string };

/** The thing asked for does not exist (or is not this person's to see): a 404. */
export class NotFoundError extends Error {
  readonly status = 404;
  constructor(message = 'not found') {
    super(message);
    this.name = 'NotFoundError';
  }
}

/** The thing exists but is not in a state that allows this (already decided, already used): a 409. */
export class ConflictError extends Error {
  readonly status = 409;
  constructor(
    message: string,
    /** what the domain knows about the current state, for the page that explains it */
    readonly detail?: unknown,
  ) {
    super(message);
    this.name = 'ConflictError';
  }
}

/** The input breaks a rule: a 400 with the fields at fault. */
export class InvalidError extends Error {
  readonly status = 400;
  constructor(readonly errors: FieldError[]) {
    super(errors.map((e) => e.message).join('; ') || 'invalid');
    this.name = 'InvalidError';
  }
}

export type DomainError = NotFoundError | ConflictError | InvalidError;

export function isDomainError(err: unknown): err is DomainError {
  return err instanceof NotFoundError || err instanceof ConflictError || err instanceof InvalidError;
}
