/** What `vanban check --format json` says about a file: the reference the server's diagnostics are compared with. */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import type { Diagnostic as LspDiagnostic } from 'vscode-languageserver-protocol';
import { ROOT } from './client.ts';

export interface CliDiagnostic {
  code: string;
  severity: 'error' | 'warning' | 'info' | 'hint';
  message: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  fixable: boolean;
  related?: { message: string; range: CliDiagnostic['range'] }[];
}

export function cliCheck(file: string, args: string[] = []): CliDiagnostic[] {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/vanban.js'), 'check', '--format', 'json', ...args, file], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const json = JSON.parse(r.stdout) as { files: { path: string; diagnostics: CliDiagnostic[] }[] };
  return json.files.find((f) => path.resolve(ROOT, f.path) === path.resolve(ROOT, file))!.diagnostics;
}

const SEVERITY = { error: 1, warning: 2, info: 3, hint: 4 } as const;

/** The CLI's diagnostic as the server should publish it (code, severity, message, range). */
export function asLsp(d: CliDiagnostic): Pick<LspDiagnostic, 'code' | 'severity' | 'message' | 'range'> {
  return { code: d.code, severity: SEVERITY[d.severity], message: d.message, range: d.range };
}

export function essentials(d: LspDiagnostic): Pick<LspDiagnostic, 'code' | 'severity' | 'message' | 'range'> {
  return { code: d.code, severity: d.severity, message: d.message, range: d.range };
}
