/**
 * Interactive prompts (node-plop / inquirer), used only when a value is missing *and* both stdin and
 * stdout are a terminal. Every prompt is also a flag, so scripts and CI never block on input.
 */
import nodePlop from 'node-plop';
import { UserError } from '../tooling/user-error.js';

export interface Question {
  name: string;
  message: string;
  /** Flag or argument that supplies the same value, for the error shown when not on a terminal. */
  flag: string;
  choices?: readonly string[];
  default?: string;
  validate?: (value: string) => true | string;
}

const isInteractive = (): boolean => Boolean(process.stdin.isTTY && process.stdout.isTTY);

/** Values for `questions`: given ones are kept, missing ones are asked for (TTY) or refused. */
export async function askMissing(
  questions: readonly Question[],
  given: Record<string, string | undefined>,
  interactive: boolean = isInteractive(),
): Promise<Record<string, string>> {
  const missing = questions.filter((q) => given[q.name] === undefined && q.default === undefined);
  const out: Record<string, string> = {};
  for (const q of questions) {
    const v = given[q.name] ?? (interactive ? undefined : q.default);
    if (v !== undefined) out[q.name] = v;
  }
  const toAsk = interactive ? questions.filter((q) => given[q.name] === undefined) : [];
  if (!interactive && missing.length > 0) {
    throw new UserError(`missing ${missing.map((q) => q.flag).join(', ')} (prompts are only shown on a terminal)`, 2);
  }
  if (toAsk.length === 0) return out;
  const plop = await nodePlop(undefined, { destBasePath: process.cwd(), force: false });
  const generator = plop.setGenerator('ask', {
    prompts: toAsk.map((q) =>
      q.choices
        ? { type: 'list', name: q.name, message: q.message, choices: [...q.choices], default: q.default }
        : { type: 'input', name: q.name, message: q.message, default: q.default, validate: q.validate },
    ),
    actions: [],
  });
  const answers = (await generator.runPrompts()) as Record<string, string>;
  return { ...out, ...answers };
}
