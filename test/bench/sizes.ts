/** The size of the packaged VS Code extension (npm run package:vscode → dist/vanban.vsix). */
import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { missing, type Measured } from './stats.ts';

export function vsixBytes(root: string): Measured {
  const vsix = path.join(root, 'dist', 'vanban.vsix');
  try {
    // The same command the e2e and a release use; it rebuilds dist/ first.
    execFileSync('npm', ['run', '--silent', 'package:vscode'], { cwd: root, stdio: 'pipe' });
  } catch (e) {
    const why = e instanceof Error ? e.message.split('\n')[0] : String(e);
    return missing(`npm run package:vscode failed: ${why}`);
  }
  return existsSync(vsix) ? { value: statSync(vsix).size } : missing('npm run package:vscode wrote no dist/vanban.vsix');
}
