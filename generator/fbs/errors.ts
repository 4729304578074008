/** A position in a schema file, 1-based, as editors count. */
export interface SourcePos {
  readonly file: string;
  readonly line: number;
  readonly col: number;
}

/**
 * A mistake in a schema. Its message is printed as `file:line:col: message` so that editors and
 * terminals can jump to the spot; the compiler writes nothing when one is thrown.
 */
export class SchemaError extends Error {
  constructor(
    readonly pos: SourcePos,
    readonly detail: string,
  ) {
    super(`${pos.file}:${pos.line}:${pos.col}: ${detail}`);
    this.name = 'SchemaError';
  }
}
