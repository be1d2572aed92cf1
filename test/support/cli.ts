// Runs `medcode` in-process with captured output, as a user would call it.
import { main } from '../../src/cli/main';

export interface CliRun { code: number; stdout: string; stderr: string }

export async function runCli(argv: string[], env: Record<string, string | undefined> = {}, cwd = process.cwd()): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (t) => { stdout += t; }, stderr: (t) => { stderr += t; }, cwd, env });
  return { code, stdout, stderr };
}
