/**
 * Phase 3d — verifier emitter (layer `verify`): `T.verify(bytes, limits?)` and `T.verifyAt(...)`
 * for every table, so a runner refuses a malformed or amplifying buffer from the socket with a
 * message naming the field, before any reader touches it (the flyweights, like flatc's, do no
 * bounds checks). Paths (`Req.headers[3].value`) are only built when a check fails.
 */
import { ref } from './emit-common.js';
import type { FieldModel, TableModel } from './model.js';
import { SCALAR_SIZE } from './model.js';
import type { ModuleWriter } from './printer.js';

function support(w: ModuleWriter, name: string, use: 'type' | 'value' = 'value'): string {
  return w.ref('./_support.js', name, use, `__${name}`);
}

/** Statics appended inside a table class. */
export function emitVerifyStatics(w: ModuleWriter, t: TableModel): void {
  const V = support(w, 'Verifier', 'type');
  const L = support(w, 'VerifyLimits', 'type');
  w.doc([
    `Checks that \`bytes\` holds a well-formed \`${t.name}\` (every offset in bounds, strings terminated,`,
    'vector counts within the bytes, required fields present, and no more reachable data than',
    '`limits.sizeFactor` × its length, so reading it costs O(its size) however offsets alias);',
    'throws a `VerifyError` naming the field otherwise. Call it before reading a buffer from a',
    'peer you do not trust: whatever it accepts, the readers read without an exception.',
  ]);
  w.block(`static verify(bytes: Uint8Array, limits?: ${L}): void`, () => {
    w.line(`const v = new ${support(w, 'Verifier')}(bytes, limits);`);
    w.line(`try { ${t.name}.verifyAt(v, v.root(), 0); } catch (e) { throw v.within(e, '${t.name}'); }`);
  });
  w.line();
  w.block(`static verifyAt(v: ${V}, pos: number, depth: number): void`, () => {
    // Deprecated fields are never read, but a present one must still lie inside the table.
    w.line(t.fields.length > 0 ? 'const vt = v.table(pos, depth);' : 'v.table(pos, depth);');
    for (const f of t.fields) verifyField(w, f);
  });
  w.line();
}

function verifyField(w: ModuleWriter, f: FieldModel): void {
  const vo = 4 + 2 * f.id;
  const name = `'${f.name}'`;
  const ft = f.type;
  const at = (size: number): string => `v.field(pos, vt, ${vo}, ${size}, ${name})`;
  switch (ft.kind) {
    case 'scalar':
    case 'enum':
      w.line(`${at(SCALAR_SIZE[ft.scalar])};`);
      return;
    case 'struct':
      w.line(f.required ? `v.required(${at(ft.struct.size)}, ${name});` : `${at(ft.struct.size)};`);
      return;
    case 'union': {
      const U = ref(w, ft.union, 'value');
      w.line(`${at(1)};`);
      w.block('', () => {
        w.line(`const p = ${f.required ? `v.required(${at(4)}, ${name})` : at(4)};`);
        w.block('if (p)', () => {
          w.line(`const tp = v.field(pos, vt, ${vo - 2}, 1, ${name});`);
          w.line(`const target = v.offset(p, ${name});`);
          w.block(
            'try',
            () => {
              w.block('switch (tp ? v.bytes[tp] : 0)', () => {
                for (const m of ft.union.members) {
                  w.line(`case ${U}.${m.name}: ${ref(w, m.table, 'value')}.verifyAt(v, target, depth + 1); break;`);
                }
                w.line('default: break; // unknown member: readers treat it as absent');
              });
            },
            `} catch (e) { throw v.within(e, ${name}); }`,
          );
        });
      });
      return;
    }
    default:
      break;
  }
  w.block('', () => {
    w.line(`const p = ${f.required ? `v.required(${at(4)}, ${name})` : at(4)};`);
    w.block('if (p)', () => {
      switch (ft.kind) {
        case 'string':
          w.line(`v.string(p, ${name});`);
          break;
        case 'table':
          w.line(`const target = v.offset(p, ${name});`);
          w.line(
            `try { ${ref(w, ft.table, 'value')}.verifyAt(v, target, depth + 1); } catch (e) { throw v.within(e, ${name}); }`,
          );
          break;
        case 'vector': {
          const e = ft.elem;
          const size =
            e.kind === 'scalar' || e.kind === 'enum' ? SCALAR_SIZE[e.scalar] : e.kind === 'struct' ? e.struct.size : 4;
          if (e.kind === 'string') {
            w.line(`const start = v.vector(p, 4, ${name});`);
            w.line(`v.strings(start, v.count(start), ${name});`);
          } else if (e.kind === 'table') {
            const C = ref(w, e.table, 'value');
            w.line(`const start = v.vector(p, 4, ${name});`);
            w.block('for (let i = 0, len = v.count(start); i < len; i++)', () => {
              w.line(
                `try { ${C}.verifyAt(v, v.offset(start + i * 4, ''), depth + 1); } catch (e) { throw v.within(e, ${name}, i); }`,
              );
            });
          } else {
            w.line(`v.vector(p, ${size}, ${name});`);
          }
          break;
        }
        default:
          break;
      }
    });
  });
}
