/**
 * `a6kit gen --compat OLD.fbs`: wire compatibility between two versions of a schema.
 * (Filled in after milestone 1.)
 */
import type { SchemaModel } from './model.js';

export interface CompatIssue {
  readonly where: string;
  readonly message: string;
}
export interface CompatReport {
  readonly breaking: readonly CompatIssue[];
  readonly compatible: readonly CompatIssue[];
}

export function compareSchemas(_before: SchemaModel, _after: SchemaModel): CompatReport {
  return { breaking: [], compatible: [] };
}

export function formatCompatReport(r: CompatReport, oldName: string, newName: string): string {
  return `${oldName} -> ${newName}: ${r.breaking.length} breaking, ${r.compatible.length} compatible\n`;
}
