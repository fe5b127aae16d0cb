import { z } from 'zod';
import { errorCodes } from '../api/errors';

/** The wire envelope. It knows nothing about the carrier (IPC, HTTP/WebSocket, memory). */
const CallId = z.string().min(1).max(100);

export const CallMessage = z.object({ type: z.literal('call'), id: CallId, method: z.string().max(200), args: z.unknown() });
export const ResultMessage = z.object({ type: z.literal('result'), id: CallId, result: z.unknown() });
export const ErrorMessage = z.object({
  type: z.literal('error'),
  id: CallId,
  error: z.object({
    code: z.enum(errorCodes),
    message: z.string(),
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    details: z.unknown().optional(),
  }),
});
export const EventMessage = z.object({ type: z.literal('event'), event: z.string(), payload: z.unknown() });
export const CancelMessage = z.object({ type: z.literal('cancel'), id: CallId });
export const SubscribeMessage = z.object({ type: z.literal('subscribe'), events: z.array(z.string().max(200)).max(100) });
export const UnsubscribeMessage = z.object({ type: z.literal('unsubscribe'), events: z.array(z.string().max(200)).max(100) });

export type CallMessage = z.infer<typeof CallMessage>;
export type ResultMessage = z.infer<typeof ResultMessage>;
export type ErrorMessage = z.infer<typeof ErrorMessage>;
export type ReplyMessage = ResultMessage | ErrorMessage;
export type EventMessage = z.infer<typeof EventMessage>;
export type CancelMessage = z.infer<typeof CancelMessage>;
export type SubscribeMessage = z.infer<typeof SubscribeMessage>;
export type UnsubscribeMessage = z.infer<typeof UnsubscribeMessage>;

export const ReplyMessage = z.discriminatedUnion('type', [ResultMessage, ErrorMessage]);
/** What a client may send over a message channel (the events WebSocket, IPC). */
export const ClientMessage = z.discriminatedUnion('type', [CallMessage, CancelMessage, SubscribeMessage, UnsubscribeMessage]);
export type ClientMessage = z.infer<typeof ClientMessage>;
