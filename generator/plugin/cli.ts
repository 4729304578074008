/** Project mode of `a6kit gen`: each plugin's JSON Schema -> config type + validator. */
import { runGenProject } from '../../project/generate.js';

export interface GenProjectOptions {
  project: string;
  check?: boolean;
  /** Type-check the user's code against the new types (default true). */
  typecheck?: boolean;
}

export async function genProject(o: GenProjectOptions): Promise<number> {
  return (await runGenProject(o)).code;
}
