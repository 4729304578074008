/**
 * The syntax tree the parser produces: what each file says, before any name is resolved.
 * Kept separate from the resolved model (model.ts) so that the parser stays a pure function of the
 * text and every semantic check lives in one place.
 */
import type { SourcePos } from './errors.js';

export interface LiteralAst {
  readonly kind: 'int' | 'float' | 'string' | 'ident';
  readonly text: string;
  readonly pos: SourcePos;
}

export interface AttributeAst {
  readonly name: string;
  readonly value: LiteralAst | undefined;
  readonly pos: SourcePos;
}

export type TypeAst =
  | { readonly kind: 'named'; readonly name: string; readonly pos: SourcePos }
  | { readonly kind: 'vector'; readonly elem: TypeAst; readonly pos: SourcePos }
  | { readonly kind: 'array'; readonly elem: TypeAst; readonly length: number; readonly pos: SourcePos };

export interface FieldAst {
  readonly name: string;
  readonly pos: SourcePos;
  readonly type: TypeAst;
  readonly defaultValue: LiteralAst | undefined;
  readonly attributes: readonly AttributeAst[];
  readonly doc: readonly string[];
}

export interface StructAst {
  readonly kind: 'table' | 'struct';
  readonly name: string;
  readonly namespace: readonly string[];
  readonly pos: SourcePos;
  readonly fields: readonly FieldAst[];
  readonly attributes: readonly AttributeAst[];
  readonly doc: readonly string[];
}

export interface EnumValueAst {
  readonly name: string;
  readonly pos: SourcePos;
  /** Union members only: the member's type when written `Alias: Type`. */
  readonly type: string | undefined;
  readonly value: LiteralAst | undefined;
  readonly doc: readonly string[];
}

export interface EnumAst {
  readonly kind: 'enum' | 'union';
  readonly name: string;
  readonly namespace: readonly string[];
  readonly pos: SourcePos;
  readonly underlying: TypeAst | undefined;
  readonly values: readonly EnumValueAst[];
  readonly attributes: readonly AttributeAst[];
  readonly doc: readonly string[];
}

export type DeclAst = StructAst | EnumAst;

export interface FileAst {
  readonly file: string;
  readonly includes: readonly { readonly path: string; readonly pos: SourcePos }[];
  readonly decls: readonly DeclAst[];
  readonly rootTypes: readonly {
    readonly name: string;
    readonly namespace: readonly string[];
    readonly pos: SourcePos;
  }[];
  readonly fileIdentifier: { readonly value: string; readonly pos: SourcePos } | undefined;
  readonly fileExtension: string | undefined;
  readonly declaredAttributes: readonly { readonly name: string; readonly pos: SourcePos }[];
  /** `rpc_service` declarations: parsed and checked for syntax, no code is generated for them. */
  readonly services: readonly { readonly name: string; readonly pos: SourcePos }[];
}
