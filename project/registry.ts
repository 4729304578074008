/**
 * The project's plugin registry, `plugins/index.ts`, edited with ts-morph so that the user's own
 * edits (comments, extra imports, hand-ordered or wrapped entries) survive. Adding a plugin is
 * idempotent and inserts the import and the array entry at their sorted place.
 */
import {
  IndentationText,
  Node,
  Project,
  QuoteKind,
  SyntaxKind,
  type ArrayLiteralExpression,
  type SourceFile,
} from 'ts-morph';
import { UserError } from '../tooling/user-error.js';
import { camelIdentifier } from '../generator/plugin/names.js';

export const REGISTRY_FILE = 'plugins/index.ts';

export function registryTemplate(): string {
  return `// The plugins this runner serves. \`a6kit new\` adds an import and an entry for each new plugin;
// your own edits here are kept.
import type { AnyPlugin } from 'a6kit';

export const plugins = [] as const satisfies readonly AnyPlugin[];
`;
}

const pluginSpecifier = (name: string): string => `./${name}/index.js`;

function open(text: string): SourceFile {
  const project = new Project({
    useInMemoryFileSystem: true,
    manipulationSettings: { quoteKind: QuoteKind.Single, indentationText: IndentationText.TwoSpaces },
  });
  return project.createSourceFile('/index.ts', text);
}

function pluginsArray(file: SourceFile): ArrayLiteralExpression {
  const decl = file.getVariableDeclaration('plugins');
  let init = decl?.getInitializer();
  while (
    init &&
    (Node.isAsExpression(init) || Node.isSatisfiesExpression(init) || Node.isParenthesizedExpression(init))
  ) {
    init = init.getExpression();
  }
  if (!init || !Node.isArrayLiteralExpression(init)) {
    throw new UserError(`${REGISTRY_FILE}: cannot find \`export const plugins = [ ... ]\` to add the plugin to`, 1);
  }
  return init;
}

/** The identifier the registry imports plugin `name` under, if it imports it. */
export function registeredIdentifier(text: string, name: string): string | undefined {
  const file = open(text);
  const imp = file.getImportDeclaration((d) => d.getModuleSpecifierValue() === pluginSpecifier(name));
  return imp?.getDefaultImport()?.getText();
}

/** Returns the registry text with plugin `name` imported and listed (unchanged if it already is). */
export function addToRegistry(text: string, name: string): string {
  const file = open(text);
  pluginsArray(file); // refuse before changing anything
  const spec = pluginSpecifier(name);
  const imp = file.getImportDeclaration((d) => d.getModuleSpecifierValue() === spec);
  let id = imp?.getDefaultImport()?.getText();
  if (!imp || !id) {
    id = freeIdentifier(file, camelIdentifier(name));
    const imports = file.getImportDeclarations();
    const pluginImports = imports.filter((d) => /^\.\/[^/]+\/index\.js$/.test(d.getModuleSpecifierValue()));
    const next = pluginImports.find((d) => d.getModuleSpecifierValue() > spec);
    const prev = pluginImports.at(-1) ?? imports.at(-1);
    if (imp) imp.setDefaultImport(id);
    else if (next) file.insertImportDeclaration(next.getChildIndex(), { defaultImport: id, moduleSpecifier: spec });
    else if (prev) {
      // As text after the end of prev's line: ts-morph's insert would drop a comment ending that line.
      const full = file.getFullText();
      const eol = full.indexOf('\n', prev.getEnd());
      const line = `import ${id} from '${spec}';`;
      file.insertText(eol < 0 ? full.length : eol + 1, eol < 0 ? `\n${line}` : `${line}\n`);
    } else file.insertImportDeclaration(0, { defaultImport: id, moduleSpecifier: spec });
  }
  const array = pluginsArray(file);
  const elements = array.getElements();
  if (!elements.some((e) => e.getText() === id)) {
    const at = elements.findIndex((e) => Node.isIdentifier(e) && e.getText() > id);
    array.insertElement(at < 0 ? elements.length : at, id, { useNewLines: true });
  }
  return file.getFullText();
}

/**
 * Returns the registry text without plugin `name`: its import and its entry in the array go, the
 * rest of the file (comments, other imports, formatting) stays. Refuses, changing nothing, when the
 * imported identifier is used anywhere else (wrapped in a helper, passed to a function): that is the
 * user's code to edit, and deleting half of it would leave the file broken.
 */
export function removeFromRegistry(text: string, name: string): { text: string; removed: boolean } {
  const file = open(text);
  const imp = file.getImportDeclaration((d) => d.getModuleSpecifierValue() === pluginSpecifier(name));
  if (!imp) return { text, removed: false };
  const id = imp.getDefaultImport();
  if (id && imp.getNamedImports().length === 0 && !imp.getNamespaceImport()) {
    const array = pluginsArray(file);
    const uses = id.findReferencesAsNodes().filter((n) => n.getSourceFile() === file && n !== id);
    const elsewhere = uses.filter((n) => n.getParent() !== array);
    if (elsewhere.length > 0) {
      const { line } = file.getLineAndColumnAtPos(elsewhere[0]!.getStart());
      throw new UserError(
        `${REGISTRY_FILE}: ${id.getText()} is used at line ${line} in a way \`a6kit remove\` cannot undo; edit the file by hand`,
        1,
      );
    }
    for (const e of [...array.getElements()].reverse()) if (e.getText() === id.getText()) array.removeElement(e);
    if (array.getElements().length === 0) array.replaceWithText('[]');
  } else {
    throw new UserError(
      `${REGISTRY_FILE}: the import of ${pluginSpecifier(name)} is not the \`import x from\` that \`a6kit new\` writes; edit the file by hand`,
      1,
    );
  }
  // The import's whole line goes (with a comment ending it), and nothing around it: ts-morph's own
  // remove() would also eat the blank line that follows the last import.
  const full = file.getFullText();
  const from = full.lastIndexOf('\n', imp.getStart() - 1) + 1;
  const eol = full.indexOf('\n', imp.getEnd());
  return { text: full.slice(0, from) + full.slice(eol < 0 ? full.length : eol + 1), removed: true };
}

/** `base`, or `base2`, `base3`... whichever is not yet declared in the file. */
function freeIdentifier(file: SourceFile, base: string): string {
  const taken = new Set(file.getDescendantsOfKind(SyntaxKind.Identifier).map((i) => i.getText()));
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}${n}`)) return `${base}${n}`;
}
