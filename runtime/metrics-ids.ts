/**
 * Indexes of metric labels, shared by the hooks on the hot path and metrics.ts. Kept apart from
 * metrics.ts so that the runtime can name them without loading prom-client when metrics are off.
 */

/** Call phases, as indexes. */
export const PHASE_REQUEST = 0;
export const PHASE_RESPONSE = 1;
export const PHASES = ['request', 'response'] as const;

/**
 * How a call ended. 0..2 are the RPC error codes (Err.Code: BAD_REQUEST, SERVICE_UNAVAILABLE,
 * CONF_TOKEN_NOT_FOUND), so an error code is its own outcome index.
 */
export const OUTCOME_STOP = 3;
export const OUTCOME_REWRITE = 4;
export const OUTCOME_NO_ACTION = 5;
export const OUTCOMES = [
  'bad_request',
  'service_unavailable',
  'conf_token_not_found',
  'stop',
  'rewrite',
  'no_action',
] as const;

/** Why a plugin's filter failed. */
export const FILTER_THROW = 0;
export const FILTER_DEADLINE = 1;
export const FILTER_ERRORS = ['throw', 'deadline'] as const;

/** PrepareConf outcomes. */
export const PREPARE_ACCEPTED = 0;
export const PREPARE_UNKNOWN_PLUGIN = 1;
export const PREPARE_INVALID_CONF = 2;
export const PREPARE_FAILED = 3;
export const PREPARE_OUTCOMES = ['accepted', 'unknown_plugin', 'invalid_conf', 'failed'] as const;

/** ExtraInfo kinds. */
export const INFO_VAR = 0;
export const INFO_REQ_BODY = 1;
export const INFO_RESP_BODY = 2;
export const INFO_KINDS = ['var', 'req_body', 'resp_body'] as const;

/** Why a frame (or the reply to it) was refused. */
export const REFUSED_BUFFER_BUDGET = 0;
export const REFUSED_MALFORMED = 1;
export const REFUSED_UNKNOWN_TYPE = 2;
export const REFUSED_OUT_OF_TURN = 3;
export const REFUSED_FRAME_TIMEOUT = 4;
export const REFUSED_OUTPUT_BUDGET = 5;
export const REFUSED_REPLY_TOO_LARGE = 6;
export const REFUSED_REASONS = [
  'buffer_budget',
  'malformed',
  'unknown_type',
  'out_of_turn',
  'frame_timeout',
  'output_budget',
  'reply_too_large',
] as const;
