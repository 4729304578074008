/**
 * Phase 1b — parser: tokens -> syntax tree (ast.ts) for one file.
 *
 * Recursive descent over the FlatBuffers IDL grammar. Only syntax is checked here; names, types,
 * ranges and attribute meanings are checked by the model (model.ts).
 */
import type {
  AttributeAst,
  DeclAst,
  EnumAst,
  EnumValueAst,
  FieldAst,
  FileAst,
  LiteralAst,
  StructAst,
  TypeAst,
} from './ast.js';
import { SchemaError, type SourcePos } from './errors.js';
import { tokenize, type Token } from './lexer.js';

export function parseSchema(file: string, text: string): FileAst {
  return new Parser(tokenize(file, text)).parseFile(file);
}

class Parser {
  private i = 0;
  private namespace: string[] = [];

  constructor(private readonly tokens: Token[]) {}

  private peek(): Token {
    return this.tokens[this.i]!;
  }
  private next(): Token {
    const t = this.tokens[this.i]!;
    if (t.kind !== 'eof') this.i++;
    return t;
  }
  private fail(msg: string, pos: SourcePos = this.peek().pos): never {
    throw new SchemaError(pos, msg);
  }
  private describe(t: Token): string {
    if (t.kind === 'eof') return 'end of file';
    if (t.kind === 'string') return `string "${t.text}"`;
    return `'${t.text}'`;
  }
  private isPunct(p: string): boolean {
    const t = this.peek();
    return t.kind === 'punct' && t.text === p;
  }
  private accept(p: string): boolean {
    if (this.isPunct(p)) {
      this.i++;
      return true;
    }
    return false;
  }
  private expect(p: string, what = `'${p}'`): Token {
    const t = this.peek();
    if (t.kind !== 'punct' || t.text !== p) this.fail(`expected ${what}, found ${this.describe(t)}`);
    return this.next();
  }
  private ident(what: string): Token {
    const t = this.peek();
    if (t.kind !== 'ident') this.fail(`expected ${what}, found ${this.describe(t)}`);
    return this.next();
  }
  private dottedName(what: string): { name: string; pos: SourcePos } {
    const first = this.ident(what);
    let name = first.text;
    while (this.accept('.')) name += '.' + this.ident(what).text;
    return { name, pos: first.pos };
  }
  /** `///` lines directly before the current token. */
  private docs(): string[] {
    const lines: string[] = [];
    while (this.peek().kind === 'doc') lines.push(this.next().text);
    return lines;
  }
  private stringLit(what: string): Token {
    const t = this.peek();
    if (t.kind !== 'string') this.fail(`expected ${what}, found ${this.describe(t)}`);
    return this.next();
  }

  parseFile(file: string): FileAst {
    const includes: { path: string; pos: SourcePos }[] = [];
    const decls: DeclAst[] = [];
    const rootTypes: { name: string; namespace: string[]; pos: SourcePos }[] = [];
    const declaredAttributes: { name: string; pos: SourcePos }[] = [];
    const services: { name: string; pos: SourcePos }[] = [];
    let fileIdentifier: { value: string; pos: SourcePos } | undefined;
    let fileExtension: string | undefined;
    let seenDecl = false;

    for (;;) {
      const doc = this.docs();
      const t = this.peek();
      if (t.kind === 'eof') break;
      if (t.kind !== 'ident') this.fail(`expected a declaration, found ${this.describe(t)}`);
      switch (t.text) {
        case 'include':
        case 'native_include': {
          this.next();
          if (seenDecl && t.text === 'include') this.fail('include must come before any declaration', t.pos);
          const p = this.stringLit('a file name');
          this.expect(';');
          if (t.text === 'include') includes.push({ path: p.text, pos: p.pos });
          break;
        }
        case 'namespace': {
          this.next();
          seenDecl = true;
          if (this.isPunct(';')) {
            this.namespace = [];
          } else {
            this.namespace = this.dottedName('a namespace name').name.split('.');
          }
          this.expect(';');
          break;
        }
        case 'attribute': {
          this.next();
          const n = this.peek();
          if (n.kind !== 'string' && n.kind !== 'ident')
            this.fail(`expected an attribute name, found ${this.describe(n)}`);
          this.next();
          declaredAttributes.push({ name: n.text, pos: n.pos });
          this.expect(';');
          break;
        }
        case 'root_type': {
          this.next();
          seenDecl = true;
          const n = this.dottedName('a table name');
          rootTypes.push({ name: n.name, namespace: [...this.namespace], pos: n.pos });
          this.expect(';');
          break;
        }
        case 'file_identifier': {
          this.next();
          seenDecl = true;
          const s = this.stringLit('a 4-character file identifier');
          fileIdentifier = { value: s.text, pos: s.pos };
          this.expect(';');
          break;
        }
        case 'file_extension': {
          this.next();
          seenDecl = true;
          fileExtension = this.stringLit('a file extension').text;
          this.expect(';');
          break;
        }
        case 'table':
        case 'struct':
          seenDecl = true;
          decls.push(this.parseStruct(doc));
          break;
        case 'enum':
        case 'union':
          seenDecl = true;
          decls.push(this.parseEnum(doc));
          break;
        case 'rpc_service':
          seenDecl = true;
          services.push(this.skipService());
          break;
        default:
          this.fail(`expected a declaration (table, struct, enum, union, namespace, ...), found '${t.text}'`);
      }
    }
    return { file, includes, decls, rootTypes, fileIdentifier, fileExtension, declaredAttributes, services };
  }

  private parseAttributes(): AttributeAst[] {
    const attrs: AttributeAst[] = [];
    if (!this.accept('(')) return attrs;
    if (this.accept(')')) return attrs;
    for (;;) {
      const n = this.ident('an attribute name');
      let value: LiteralAst | undefined;
      if (this.accept(':')) value = this.literal('an attribute value');
      attrs.push({ name: n.text, value, pos: n.pos });
      if (this.accept(')')) break;
      this.expect(',', "',' or ')'");
    }
    return attrs;
  }

  private literal(what: string): LiteralAst {
    const t = this.peek();
    if (t.kind === 'int' || t.kind === 'float' || t.kind === 'string' || t.kind === 'ident') {
      this.next();
      return { kind: t.kind, text: t.text, pos: t.pos };
    }
    return this.fail(`expected ${what}, found ${this.describe(t)}`);
  }

  private parseType(): TypeAst {
    const t = this.peek();
    if (this.accept('[')) {
      const elem = this.parseType();
      if (elem.kind !== 'named')
        this.fail('nested vector types are not allowed; wrap the inner vector in a table', elem.pos);
      if (this.accept(':')) {
        const n = this.peek();
        if (n.kind !== 'int') this.fail(`expected an array length, found ${this.describe(n)}`);
        this.next();
        this.expect(']');
        return { kind: 'array', elem, length: Number(n.text), pos: t.pos };
      }
      this.expect(']');
      return { kind: 'vector', elem, pos: t.pos };
    }
    const n = this.dottedName('a type');
    return { kind: 'named', name: n.name, pos: n.pos };
  }

  private parseStruct(doc: string[]): StructAst {
    const kw = this.next();
    const name = this.ident(`a ${kw.text} name`);
    const attributes = this.parseAttributes();
    this.expect('{');
    const fields: FieldAst[] = [];
    for (;;) {
      const fdoc = this.docs();
      if (this.accept('}')) break;
      const fname = this.ident("a field name or '}'");
      this.expect(':');
      const type = this.parseType();
      let defaultValue: LiteralAst | undefined;
      if (this.accept('=')) defaultValue = this.literal('a default value');
      const fattrs = this.parseAttributes();
      this.expect(';');
      fields.push({ name: fname.text, pos: fname.pos, type, defaultValue, attributes: fattrs, doc: fdoc });
    }
    return {
      kind: kw.text as 'table' | 'struct',
      name: name.text,
      namespace: [...this.namespace],
      pos: name.pos,
      fields,
      attributes,
      doc,
    };
  }

  private parseEnum(doc: string[]): EnumAst {
    const kw = this.next();
    const isUnion = kw.text === 'union';
    const name = this.ident(`an ${kw.text} name`);
    let underlying: TypeAst | undefined;
    if (this.accept(':')) underlying = this.parseType();
    const attributes = this.parseAttributes();
    this.expect('{');
    const values: EnumValueAst[] = [];
    for (;;) {
      const vdoc = this.docs();
      if (this.accept('}')) break;
      let vname: { name: string; pos: SourcePos };
      let type: string | undefined;
      if (isUnion) {
        vname = this.dottedName('a union member');
        if (this.accept(':')) {
          if (vname.name.includes('.')) this.fail('a union alias must be a plain name', vname.pos);
          type = this.dottedName('a union member type').name;
        }
      } else {
        const v = this.ident('an enum value name');
        vname = { name: v.text, pos: v.pos };
      }
      let value: LiteralAst | undefined;
      if (this.accept('=')) {
        const t = this.peek();
        if (t.kind !== 'int') this.fail(`expected an integer value, found ${this.describe(t)}`);
        this.next();
        value = { kind: 'int', text: t.text, pos: t.pos };
      }
      this.parseAttributes();
      values.push({ name: vname.name, pos: vname.pos, type, value, doc: vdoc });
      if (this.accept('}')) break;
      this.expect(',', "',' or '}'");
    }
    return {
      kind: isUnion ? 'union' : 'enum',
      name: name.text,
      namespace: [...this.namespace],
      pos: name.pos,
      underlying,
      values,
      attributes,
      doc,
    };
  }

  /** rpc_service blocks are parsed for correctness but produce no code (no gRPC in a6kit). */
  private skipService(): { name: string; pos: SourcePos } {
    this.next();
    const name = this.ident('a service name');
    this.parseAttributes();
    this.expect('{');
    for (;;) {
      this.docs();
      if (this.accept('}')) break;
      this.ident('a method name');
      this.expect('(');
      this.dottedName('a request type');
      this.expect(')');
      this.expect(':');
      this.dottedName('a response type');
      this.parseAttributes();
      this.expect(';');
    }
    return { name: name.text, pos: name.pos };
  }
}
