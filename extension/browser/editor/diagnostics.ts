/**
 * Diagnostics with quick fixes. @codemirror/lsp-client shows pushed
 * diagnostics but knows no code actions, so this extension replaces its
 * `serverDiagnostics`: for each `publishDiagnostics` of the editor's version
 * it shows the diagnostics at once, then asks `textDocument/codeAction` for
 * the whole document and hangs each quick fix on the diagnostic it names,
 * as a lint action. Applying one applies the server's edit — only while the
 * text is still the version the fix was computed for.
 */
import { setDiagnostics, type Action, type Diagnostic as LintDiagnostic } from '@codemirror/lint';
import { LSPPlugin, type LSPClient, type LSPClientExtension } from '@codemirror/lsp-client';
import type { ChangeSpec } from '@codemirror/state';
import { ViewPlugin, type EditorView, type ViewUpdate } from '@codemirror/view';

interface Position {
  line: number;
  character: number;
}
interface Range {
  start: Position;
  end: Position;
}
interface TextEdit {
  range: Range;
  newText: string;
}
export interface LspDiagnostic {
  range: Range;
  severity?: number;
  code?: string | number;
  source?: string;
  message: string;
}
export interface LspCodeAction {
  title: string;
  kind?: string;
  diagnostics?: LspDiagnostic[];
  isPreferred?: boolean;
  edit?: { changes?: Record<string, TextEdit[]>; documentChanges?: { textDocument: { uri: string; version: number | null }; edits: TextEdit[] }[] };
}

export const SEVERITY = ['error', 'error', 'warning', 'info', 'hint'] as const;

/** The edits of a workspace edit that are for `uri`. */
export function editsFor(action: LspCodeAction, uri: string): TextEdit[] {
  const e = action.edit;
  if (!e) return [];
  if (e.changes) return e.changes[uri] ?? [];
  return (e.documentChanges ?? []).filter((d) => d.textDocument.uri === uri).flatMap((d) => d.edits);
}

/** Same place, same code, same message: the diagnostic a code action names. */
export function sameDiagnostic(a: LspDiagnostic, b: LspDiagnostic): boolean {
  return (
    a.message === b.message &&
    String(a.code ?? '') === String(b.code ?? '') &&
    a.range.start.line === b.range.start.line &&
    a.range.start.character === b.range.start.character &&
    a.range.end.line === b.range.end.line &&
    a.range.end.character === b.range.end.character
  );
}

/**
 * Applies text edits computed for the synced document, if the editor still
 * shows that document (nothing typed since); returns whether it did.
 */
export function applyServerEdits(view: EditorView, edits: TextEdit[], version: number): boolean {
  const plugin = LSPPlugin.get(view);
  if (!plugin) return false;
  const file = plugin.client.workspace.getFile(plugin.uri);
  if (!file || file.version !== version || !plugin.unsyncedChanges.empty) return false;
  const changes: ChangeSpec[] = edits.map((e) => ({
    from: plugin.fromPosition(e.range.start, plugin.syncedDoc),
    to: plugin.fromPosition(e.range.end, plugin.syncedDoc),
    insert: e.newText,
  }));
  view.dispatch({ changes, userEvent: 'input.fix' });
  return true;
}

function toLint(plugin: LSPPlugin, d: LspDiagnostic, actions: Action[]): LintDiagnostic {
  const code = d.code !== undefined ? String(d.code) : undefined;
  return {
    from: plugin.unsyncedChanges.mapPos(plugin.fromPosition(d.range.start, plugin.syncedDoc)),
    to: plugin.unsyncedChanges.mapPos(plugin.fromPosition(d.range.end, plugin.syncedDoc)),
    severity: SEVERITY[d.severity ?? 1] ?? 'error',
    message: d.message,
    source: code,
    actions,
  };
}

/** Last diagnostics received per editor, for the status line and the tests. */
export const latestDiagnostics = new WeakMap<EditorView, { version: number; diagnostics: LspDiagnostic[] }>();

async function attachFixes(client: LSPClient, view: EditorView, uri: string, version: number, diagnostics: LspDiagnostic[]) {
  const plugin = LSPPlugin.get(view);
  if (!plugin || diagnostics.length === 0) return;
  const end = plugin.toPosition(plugin.syncedDoc.length, plugin.syncedDoc);
  let actions: LspCodeAction[];
  try {
    actions =
      (await client.request<unknown, LspCodeAction[] | null>('textDocument/codeAction', {
        textDocument: { uri },
        range: { start: { line: 0, character: 0 }, end },
        context: { diagnostics, only: ['quickfix'] },
      })) ?? [];
  } catch {
    return; // the document moved on (ContentModified) or the server is busy: the next publish brings fresh fixes
  }
  const file = client.workspace.getFile(uri);
  if (!file || file.version !== version) return;
  const lint = diagnostics.map((d) => {
    const fixes = actions.filter((a) => a.diagnostics?.some((x) => sameDiagnostic(x, d)));
    return toLint(
      plugin,
      d,
      fixes.map((a) => ({
        name: a.title,
        apply: (v: EditorView) => {
          applyServerEdits(v, editsFor(a, uri), version);
        },
      })),
    );
  });
  view.dispatch(setDiagnostics(view.state, lint));
}

/** Sends the editor's changes to the server shortly after typing stops (lsp-client's own auto-sync is private to its diagnostics). */
const syncSoon = ViewPlugin.fromClass(
  class {
    private timer = -1;
    constructor(private readonly view: EditorView) {}
    update(u: ViewUpdate) {
      if (!u.docChanged) return;
      clearTimeout(this.timer);
      this.timer = window.setTimeout(() => LSPPlugin.get(this.view)?.client.sync(), 150);
    }
    destroy() {
      clearTimeout(this.timer);
    }
  },
);

export function diagnosticsWithFixes(): LSPClientExtension {
  return {
    clientCapabilities: {
      textDocument: {
        publishDiagnostics: { versionSupport: true, codeDescriptionSupport: true },
        codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } }, isPreferredSupport: true },
      },
    },
    notificationHandlers: {
      'textDocument/publishDiagnostics': (client, params: { uri: string; version?: number | null; diagnostics: LspDiagnostic[] }) => {
        const file = client.workspace.getFile(params.uri);
        // lsp-client's rule: diagnostics of another version are dropped.
        if (!file || (params.version != null && params.version !== file.version)) return false;
        const view = file.getView();
        const plugin = view && LSPPlugin.get(view);
        if (!view || !plugin) return false;
        latestDiagnostics.set(view, { version: file.version, diagnostics: params.diagnostics });
        view.dispatch(setDiagnostics(view.state, params.diagnostics.map((d) => toLint(plugin, d, []))));
        void attachFixes(client, view, params.uri, file.version, params.diagnostics);
        return true;
      },
    },
    editorExtension: syncSoon,
  };
}
