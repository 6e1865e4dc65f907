/**
 * The main-process side of the contract, free of Electron so it runs in unit tests and in the
 * end-to-end harness: validate the payload with the contract's schema, call the handler,
 * wrap the answer in an envelope. A handler never sees an unvalidated payload.
 */
import type { z } from 'zod';
import { formatZodPath } from '../domain/project-file';
import type { ResponseEnvelope } from './api';
import { requestContract, type RequestName, type RequestOutput, type ValidatedInput } from './contract';

export interface RequestContext {
  /** Which window asked; main keeps one document session per window. */
  windowId: number;
}

export type MainHandlers = {
  [K in RequestName]: (input: ValidatedInput<K>, context: RequestContext) => Promise<RequestOutput<K>> | RequestOutput<K>;
};

const channelToName = new Map<string, RequestName>(
  (Object.keys(requestContract) as RequestName[]).map((name) => [requestContract[name].channel, name]),
);

export function requestNameForChannel(channel: string): RequestName | undefined {
  return channelToName.get(channel);
}

export async function dispatchRequest(handlers: MainHandlers, name: RequestName, payload: unknown, context: RequestContext): Promise<ResponseEnvelope> {
  const schema = requestContract[name].input as z.ZodType;
  const parsed = schema.safeParse(payload);
  if (!parsed.success) {
    const details = parsed.error.issues.slice(0, 20).map((issue) => `${formatZodPath(issue.path)}: ${issue.message}`);
    return { ok: false, error: { code: 'invalid-request', message: `Refused "${name}": ${details[0] ?? 'invalid payload'}`, details } };
  }
  try {
    const handler = handlers[name] as (input: unknown, context: RequestContext) => Promise<unknown> | unknown;
    return { ok: true, value: await handler(parsed.data, context) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, error: { code: 'internal', message: `PLP Studio could not complete "${name}": ${message}` } };
  }
}
