/**
 * The generator's model of one plugin: everything emit needs, derived from its (already checked)
 * schema. Building it is where the expensive work happens (ajv compilation, type derivation).
 */
import { checkPluginName } from './names.js';
import type { LoadedSchema } from './schema-load.js';
import { generateTypes } from './types.js';
import { compileValidator } from './validator.js';

export interface PluginModel {
  name: string;
  /** TypeScript declarations; the root type is `Config`. */
  typesCode: string;
  /** ES module exporting `validate`. */
  validatorCode: string;
  warnings: string[];
}

export async function buildModel(name: string, loaded: LoadedSchema): Promise<PluginModel> {
  checkPluginName(name);
  const validator = compileValidator(loaded);
  const typesCode = await generateTypes(loaded);
  return { name, typesCode, validatorCode: validator.code, warnings: validator.warnings };
}
