/** Every plugin this runner serves; the name in each is what routes use in `ext-plugin-*` conf. */
import type { AnyPlugin } from 'a6kit';
import faultInjection from './fault-injection/index.js';
import limitCount from './limit-count/index.js';
import limitReq from './limit-req/index.js';
import requestBodyRewrite from './request-body-rewrite/index.js';
import responseRewrite from './response-rewrite/index.js';
import say from './say/index.js';

export const plugins = [
  say,
  faultInjection,
  limitReq,
  limitCount,
  requestBodyRewrite,
  responseRewrite,
] as const satisfies readonly AnyPlugin[];
