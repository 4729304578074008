/**
 * Encoding replies: one FlatBuffers builder for the whole process and the error frames, which
 * never change and are encoded once.
 */
import { Builder, Err } from './wire.js';
import { encodeFrame, FrameTooLargeError, RPC_ERROR } from './frame.js';
import { buildError } from './codec.js';

/** Error replies never change: encode them once. */
export const ERROR_FRAMES: Readonly<Record<Err.Code, Buffer>> = (() => {
  const b = new Builder(32);
  const f = (c: Err.Code) => encodeFrame(RPC_ERROR, buildError(b, c).slice());
  return {
    [Err.Code.BAD_REQUEST]: f(Err.Code.BAD_REQUEST),
    [Err.Code.SERVICE_UNAVAILABLE]: f(Err.Code.SERVICE_UNAVAILABLE),
    [Err.Code.CONF_TOKEN_NOT_FOUND]: f(Err.Code.CONF_TOKEN_NOT_FOUND),
  };
})();

/** A builder that grew past this for one huge reply is dropped rather than kept. */
const KEEP_BUILDER_BYTES = 1 << 20;

/**
 * One FlatBuffers builder for the whole process, cleared before every message. Safe because a
 * message is always built and copied into its frame synchronously (no await in between), and
 * one warm builder stays in cache where one per connection would not.
 */
let shared = new Builder(1024);

export function replyBuilder(): Builder {
  return shared;
}

/**
 * Frames a payload built in the shared builder. A payload too large for one frame yields
 * undefined (the caller answers SERVICE_UNAVAILABLE); a builder grown huge is let go.
 */
export function frameOf(type: number, payload: Uint8Array): Buffer | undefined {
  let frame: Buffer | undefined;
  try {
    frame = encodeFrame(type, payload);
  } catch (err) {
    if (!(err instanceof FrameTooLargeError)) throw err;
    frame = undefined;
  }
  trimBuilder();
  return frame;
}

/** Lets a builder grown huge go once its payload is framed or refused (the next reply starts small). */
export function trimBuilder(): void {
  if (shared.dataBuffer().capacity() > KEEP_BUILDER_BYTES) shared = new Builder(1024);
}
