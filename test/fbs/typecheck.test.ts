/**
 * Everything the generator emits type-checks in one strict program (held in memory by ts-morph,
 * nothing written): the protocol codecs, the broad test schema and every golden case, plus a
 * usage file that exercises the typed conveniences the way plugin code would.
 */
import { join } from 'node:path';
import { Project, ts } from 'ts-morph';
import { describe, expect, it } from 'vitest';
import { compileSchema } from '../../generator/fbs/compile.js';
import { ALL_LAYERS, type Layers } from '../../generator/fbs/layers.js';
import { caseLayers, caseNames } from './support/cases.js';
import { REPO } from './support/oracle.js';

const USAGE = `
import * as flatbuffers from 'flatbuffers';
import { HTTPReqCall, Method, Err, ExtraInfo, TextEntry, TextEntryT, type TextEntryValue } from './ext-plugin/index.js';

const bytes: Uint8Array = HTTPReqCall.Resp.encode({
  id: 1,
  action: { type: 'Rewrite', value: { path: '/x', headers: [{ name: 'a', value: null }], body: new Uint8Array(1) } },
});
const resp = HTTPReqCall.Resp.decode(bytes);
if (resp.action?.type === 'Stop') {
  const status: number = resp.action.value.status;
  const body: Uint8Array | null = resp.action.value.body;
  void status; void body;
} else if (resp.action?.type === 'Rewrite') {
  const hs: readonly TextEntryValue[] = resp.action.value.headers;
  void hs;
}
// @ts-expect-error: 'Drop' is not a member of the Action union
HTTPReqCall.Resp.encode({ action: { type: 'Drop', value: {} } });
// @ts-expect-error: values are read-only
resp.id = 2;
const req = HTTPReqCall.Req.getRootAsReq(new flatbuffers.ByteBuffer(bytes));
const m: Method = req.method();
const first: TextEntry | null = req.headers(0);
const code: Err.Code = Err.Code.CONF_TOKEN_NOT_FOUND;
const info = ExtraInfo.Req.decode(ExtraInfo.Req.encode({ info: { type: 'Var', value: { name: 'remote_addr' } } }));
const t: 'Var' | 'ReqBody' | 'RespBody' | undefined = info.info?.type;
// A string's bytes in place, as the runner compares header names: [start, start + length) of bb.bytes().
const nameSpan: [number, number] = first ? [first.nameByteStart(), first.nameByteLength()] : [-1, 0];
void m; void first; void code; void t; void nameSpan;

// flatc-style code (flyweight builders and object API) compiles against our classes unchanged.
const b = new flatbuffers.Builder(1024);
const hdr = TextEntry.createTextEntry(b, b.createString('x-a'), b.createString('1'));
const headers = HTTPReqCall.Stop.createHeadersVector(b, [hdr]);
const body = HTTPReqCall.Stop.createBodyVector(b, new TextEncoder().encode('denied'));
HTTPReqCall.Stop.startStop(b);
HTTPReqCall.Stop.addStatus(b, 403);
HTTPReqCall.Stop.addHeaders(b, headers);
HTTPReqCall.Stop.addBody(b, body);
const stop = HTTPReqCall.Stop.endStop(b);
b.finish(HTTPReqCall.Resp.createResp(b, 7, HTTPReqCall.Action.Stop, stop));
const parsed = HTTPReqCall.Resp.getRootAsResp(new flatbuffers.ByteBuffer(b.asUint8Array()));
if (parsed.actionType() === HTTPReqCall.Action.Stop) {
  const s: HTTPReqCall.Stop = parsed.action(new HTTPReqCall.Stop());
  const st: number = s.status();
  const bodyBytes: Uint8Array | null = s.bodyArray();
  void st; void bodyBytes;
}
const obj: HTTPReqCall.RespT = parsed.unpack();
obj.action = new HTTPReqCall.RewriteT('/new', [new TextEntryT('x-b', null)]);
obj.actionType = HTTPReqCall.Action.Rewrite;
b.clear();
b.finish(obj.pack(b));
`;

describe('generated code type-checks', () => {
  it('in one strict in-memory program (ext-plugin, broad with every layer selection, golden cases, usage)', () => {
    const project = new Project({
      compilerOptions: {
        target: ts.ScriptTarget.ES2022,
        module: ts.ModuleKind.NodeNext,
        moduleResolution: ts.ModuleResolutionKind.NodeNext,
        strict: true,
        noUncheckedIndexedAccess: true,
        noImplicitOverride: true,
        noImplicitReturns: true,
        noUnusedLocals: true,
        exactOptionalPropertyTypes: true,
        verbatimModuleSyntax: true,
        isolatedModules: true,
        skipLibCheck: true,
        types: ['node'],
        lib: ['lib.es2023.d.ts'],
      },
      skipAddingFilesFromTsConfig: true,
    });
    // Virtual files live under the repository so `flatbuffers` resolves from node_modules.
    const base = join(REPO, '.tmp', 'typecheck-virtual');
    const add = (folder: string, files: Map<string, string>): void => {
      for (const [p, text] of files) project.createSourceFile(join(base, folder, p), text, { overwrite: true });
    };
    add('ext-plugin', compileSchema(join(REPO, 'schema/ext-plugin.fbs'), { cwd: REPO, layers: ALL_LAYERS }));
    // The broad schema with every selection of layers: none may depend on one left out.
    for (const objectApi of [false, true]) {
      for (const values of [false, true]) {
        for (const verify of [false, true]) {
          const layers: Layers = { objectApi, values, verify };
          add(
            `broad-${+objectApi}${+values}${+verify}`,
            compileSchema(join(REPO, 'test/fbs/schemas/broad.fbs'), { cwd: REPO, layers }),
          );
        }
      }
    }
    for (const name of caseNames) {
      add(
        `case-${name}`,
        compileSchema('schema.fbs', { cwd: join(REPO, 'test/fbs/cases', name), layers: caseLayers(name) }),
      );
    }
    project.createSourceFile(join(base, 'usage.ts'), USAGE, { overwrite: true });

    const diagnostics = project.getPreEmitDiagnostics();
    const text = project.formatDiagnosticsWithColorAndContext(diagnostics);
    expect(diagnostics.length, text).toBe(0);
    expect(project.getSourceFiles().length).toBeGreaterThan(20);
  });
});
