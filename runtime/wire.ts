/**
 * The one seam between the runner and the generated protocol codecs (runtime/protocol/, generated
 * from schema/ext-plugin.fbs). Everything else in the runner imports the protocol from here.
 */
export { TextEntry, Method, Err, PrepareConf, HTTPReqCall, ExtraInfo, HTTPRespCall } from './protocol/index.js';
export { Builder, ByteBuffer } from 'flatbuffers';
