/**
 * The one seam between the runner and the generated protocol codecs (runtime/protocol/, generated
 * from schema/ext-plugin.fbs with `a6kit gen --verify`: readers, builders and verifiers). Everything
 * else in the runner imports the protocol from here.
 */
export {
  TextEntry,
  Method,
  Err,
  PrepareConf,
  HTTPReqCall,
  ExtraInfo,
  HTTPRespCall,
  VerifyError,
} from './protocol/index.js';
export { writeString } from './protocol/_support.js';
export { Builder, ByteBuffer } from 'flatbuffers';
