/**
 * Plugin names. APISIX accepts any string of 1 to 128 characters as an ext-plugin conf name
 * (`apisix/plugins/ext-plugin/init.lua`: minLength 1, maxLength 128). a6kit also uses the name as
 * the plugin's folder and derives an import identifier from it, so it narrows the character set to
 * what is safe on every file system and in a module specifier.
 */
import { GenError } from './errors.js';

const MAX_PLUGIN_NAME_LENGTH = 128;
const NAME_CHARS = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** Throws a GenError explaining why `name` cannot be a plugin name. */
export function checkPluginName(name: string): void {
  if (name.length < 1 || name.length > MAX_PLUGIN_NAME_LENGTH) {
    throw new GenError(
      `invalid plugin name ${JSON.stringify(name.length > 40 ? name.slice(0, 40) + '…' : name)}: ` +
        `APISIX requires 1 to ${MAX_PLUGIN_NAME_LENGTH} characters (got ${name.length})`,
    );
  }
  if (!NAME_CHARS.test(name)) {
    throw new GenError(
      `invalid plugin name ${JSON.stringify(name)}: use letters, digits, '.', '_' and '-', ` +
        `starting with a letter or digit (the name is also the plugin's folder name)`,
    );
  }
}

/** `rate-limit.v2` -> `rateLimitV2`; a leading digit gets a `plugin` prefix. */
export function camelIdentifier(name: string): string {
  const parts = name.split(/[^A-Za-z0-9]+/).filter((p) => p.length > 0);
  const id = parts
    .map((p, i) => (i === 0 ? p.charAt(0).toLowerCase() + p.slice(1) : p.charAt(0).toUpperCase() + p.slice(1)))
    .join('');
  return /^[0-9]/.test(id) ? `plugin${id}` : id;
}

/** Plugin names that already exist in the project and would collide with `name` (case-insensitive file systems). */
export function findNameClash(name: string, existing: readonly string[]): string | undefined {
  const lower = name.toLowerCase();
  return existing.find((e) => e.toLowerCase() === lower);
}
