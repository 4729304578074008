/**
 * What `a6kit build` wrote into the bundle about the project it was built from. The runtime never
 * reads the project's package.json at run time: a deployed runner is one file with nothing beside
 * it, so the build defines `__A6KIT_PROJECT__` (an esbuild define) instead.
 */
declare const __A6KIT_PROJECT__: { name: string; version: string } | null | undefined;

interface ProjectInfo {
  name: string;
  version: string;
}

/** The project the runner was built from; undefined when it runs from source (tsx, tests). */
function builtProject(): ProjectInfo | undefined {
  return typeof __A6KIT_PROJECT__ === 'object' && __A6KIT_PROJECT__ !== null ? __A6KIT_PROJECT__ : undefined;
}

/** `a6-runner --version`: the project's name and version, then a6kit's. */
export function runnerVersion(a6kitVersion: string): string {
  const p = builtProject();
  return p ? `${p.name} ${p.version} (a6kit ${a6kitVersion})` : `a6kit ${a6kitVersion}`;
}
