/**
 * Every handler runs inside a guard: its parameters are checked first (zod),
 * a bug becomes an LSP error answered to the client and a line in the log,
 * and the server goes on. Async handlers check between steps that the request
 * was not cancelled and that the document did not change under them.
 */
import { z } from 'zod';
import { ErrorCodes, LSPErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver';

export interface Logger {
  error(message: string): void;
  warn(message: string): void;
  info(message: string): void;
}

// Positions: non-negative 32-bit integers (LSP uinteger), checked against the document later.
const uinteger = z.number().int().min(0).max(2 ** 31 - 1);
export const positionSchema = z.object({ line: uinteger, character: uinteger });
export const rangeSchema = z.object({ start: positionSchema, end: positionSchema });
export const uriSchema = z.string().min(1).max(64 * 1024);
export const textDocumentSchema = z.object({ uri: uriSchema });
export const positionParams = z.object({ textDocument: textDocumentSchema, position: positionSchema });
export const documentParams = z.object({ textDocument: textDocumentSchema });
export const rangeParams = z.object({ textDocument: textDocumentSchema, range: rangeSchema });

export function invalidParams(message: string): ResponseError<void> {
  return new ResponseError(ErrorCodes.InvalidParams, message);
}

export function cancelled(): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestCancelled, 'Request cancelled');
}

/** Stops the work of a request that was cancelled. */
export function checkCancelled(token: CancellationToken | undefined): void {
  if (token?.isCancellationRequested) throw cancelled();
}

function describe(issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .slice(0, 3)
    .map((i) => `${i.path.join('.') || 'params'}: ${i.message}`)
    .join('; ');
}

/** Wraps a request handler: validated params in, an LSP error out for anything that goes wrong. */
export function guardRequest<S extends z.ZodType, R>(
  log: Logger,
  method: string,
  schema: S,
  handler: (params: z.output<S>, token: CancellationToken) => R | Promise<R>,
): (params: unknown, token: CancellationToken) => Promise<R> {
  return async (params, token) => {
    const parsed = schema.safeParse(params);
    if (!parsed.success) {
      log.warn(`${method}: invalid params: ${describe(parsed.error.issues)}`);
      throw invalidParams(`${method}: invalid params: ${describe(parsed.error.issues)}`);
    }
    checkCancelled(token);
    try {
      return await handler(parsed.data, token);
    } catch (e) {
      if (e instanceof ResponseError) throw e;
      log.error(`${method} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      throw new ResponseError(ErrorCodes.InternalError, `${method} failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
}

/** Wraps a notification handler: invalid params and failures are logged, never thrown. */
export function guardNotification<S extends z.ZodType>(log: Logger, method: string, schema: S, handler: (params: z.output<S>) => void | Promise<void>): (params: unknown) => void {
  return (params) => {
    const parsed = schema.safeParse(params);
    if (!parsed.success) {
      log.warn(`${method}: invalid params, ignored: ${describe(parsed.error.issues)}`);
      return;
    }
    try {
      const r = handler(parsed.data);
      if (r && typeof (r as Promise<void>).catch === 'function') {
        (r as Promise<void>).catch((e: unknown) => log.error(`${method} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`));
      }
    } catch (e) {
      log.error(`${method} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    }
  };
}
