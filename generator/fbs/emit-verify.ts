/**
 * Phase 3d — verifier emitter: `T.verify(bytes)` and `T.verifyAt(...)` for every table, so a runner
 * can refuse a malformed buffer from the socket with a message naming the field instead of reading
 * garbage (the flyweights, like flatc's, do no bounds checks).
 */
import { ref } from './emit-common.js';
import type { FieldModel, TableModel } from './model.js';
import { SCALAR_SIZE } from './model.js';
import type { ModuleWriter } from './printer.js';

function support(w: ModuleWriter, name: string): string {
  return w.ref('./_support.js', name, 'value', `__${name}`);
}

/** Statics appended inside a table class. */
export function emitVerifyStatics(w: ModuleWriter, t: TableModel): void {
  const V = w.ref('./_support.js', 'Verifier', 'type', '__Verifier');
  w.doc([
    `Checks that \`bytes\` holds a well-formed \`${t.name}\` (every offset in bounds, strings terminated,`,
    'required fields present); throws a `VerifyError` naming the field otherwise. Use it before',
    'reading a buffer from an untrusted peer.',
  ]);
  w.block('static verify(bytes: Uint8Array): void', () => {
    w.line(`const v = new ${support(w, 'Verifier')}(bytes);`);
    w.line(`${t.name}.verifyAt(v, v.root('${t.name}'), '${t.name}', 0);`);
  });
  w.line();
  w.block(`static verifyAt(v: ${V}, pos: number, where: string, depth: number): void`, () => {
    // Deprecated fields are never read, but a present one must still lie inside the table.
    w.line(t.fields.length > 0 ? 'const t = v.table(pos, where, depth);' : 'v.table(pos, where, depth);');
    for (const f of t.fields) verifyField(w, f);
  });
  w.line();
}

function verifyField(w: ModuleWriter, f: FieldModel): void {
  const vo = 4 + 2 * f.id;
  const name = `'${f.name}'`;
  const ft = f.type;
  const at = (size: number): string => `v.field(t, ${vo}, ${size}, where, ${name})`;
  switch (ft.kind) {
    case 'scalar':
    case 'enum':
      w.line(`${at(SCALAR_SIZE[ft.scalar])};`);
      return;
    case 'struct':
      w.line(`${at(ft.struct.size)};`);
      if (f.required) w.line(`v.required(${at(ft.struct.size)}, where, ${name});`);
      return;
    case 'union': {
      const U = ref(w, ft.union, 'value');
      w.line(`${at(1)};`);
      w.block('', () => {
        w.line(`const p = ${f.required ? `v.required(${at(4)}, where, ${name})` : at(4)};`);
        w.block('if (p)', () => {
          w.line(`const tp = v.field(t, ${vo - 2}, 1, where, ${name});`);
          w.line('const target = v.offset(p, where, ' + name + ');');
          w.block('switch (tp ? v.bytes[tp] : 0)', () => {
            for (const m of ft.union.members) {
              w.line(`case ${U}.${m.name}: ${ref(w, m.table, 'value')}.verifyAt(v, target, \`\${where}.${f.name}\`, depth + 1); break;`);
            }
            w.line('default: break; // unknown member: readers treat it as absent');
          });
        });
      });
      return;
    }
    default:
      break;
  }
  w.block('', () => {
    w.line(`const p = ${f.required ? `v.required(${at(4)}, where, ${name})` : at(4)};`);
    w.block('if (p)', () => {
      switch (ft.kind) {
        case 'string':
          w.line(`v.string(p, where, ${name});`);
          break;
        case 'table':
          w.line(`${ref(w, ft.table, 'value')}.verifyAt(v, v.offset(p, where, ${name}), \`\${where}.${f.name}\`, depth + 1);`);
          break;
        case 'vector': {
          const e = ft.elem;
          const size = e.kind === 'scalar' || e.kind === 'enum' ? SCALAR_SIZE[e.scalar] : e.kind === 'struct' ? e.struct.size : 4;
          if (e.kind === 'string' || e.kind === 'table') {
            w.line(`const { start, len } = v.vector(p, 4, where, ${name});`);
            if (e.kind === 'string') {
              w.line(`for (let i = 0; i < len; i++) v.string(start + i * 4, where, ${name});`);
            } else {
              const C = ref(w, e.table, 'value');
              w.line(`for (let i = 0; i < len; i++) ${C}.verifyAt(v, v.offset(start + i * 4, where, ${name}), \`\${where}.${f.name}[\${i}]\`, depth + 1);`);
            }
          } else {
            w.line(`v.vector(p, ${size}, where, ${name});`);
          }
          break;
        }
        default:
          break;
      }
    });
  });
}
