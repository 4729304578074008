/** Project mode of `a6kit gen`: each plugin's JSON Schema -> config type + validator. */
export interface GenProjectOptions {
  project: string;
  check?: boolean;
}

export async function genProject(_o: GenProjectOptions): Promise<number> {
  throw new Error('gen --project: not implemented yet');
}
