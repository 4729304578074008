/**
 * Response header naming the runner that handled the request — how one checks that APISIX really
 * went through the external plugin. The Go runner sends the same field with its own name.
 */
export const RUNNER_HEADER = 'X-Resp-A6-Runner';
export const RUNNER_NAME = 'a6kit';
