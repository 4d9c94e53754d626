/**
 * The outline beside the editor: the server's document symbols (header, căn
 * cứ, Chương/Điều/khoản, attached documents, Phụ lục) as a tree; a click
 * puts the cursor on the unit. Built with textContent only.
 */
import { LSPPlugin, type LSPClientExtension } from '@codemirror/lsp-client';
import { EditorSelection } from '@codemirror/state';
import { EditorView } from '@codemirror/view';

interface Position {
  line: number;
  character: number;
}
export interface DocumentSymbol {
  name: string;
  detail?: string;
  kind: number;
  range: { start: Position; end: Position };
  selectionRange: { start: Position; end: Position };
  children?: DocumentSymbol[];
}

/** Asks the server for the symbol TREE (without this it answers a flat list). */
export const outlineCapabilities: LSPClientExtension = {
  clientCapabilities: { textDocument: { documentSymbol: { hierarchicalDocumentSymbolSupport: true } } },
};

/** Kinds worth a line in the outline (khoản and điểm stay folded into their Điều unless asked). */
const DEEP_KINDS = new Set([8 /* Field: khoản */, 22 /* EnumMember: điểm */, 18 /* Array: table */]);

export class Outline {
  private version = -1;
  private busy = false;

  constructor(
    private readonly view: EditorView,
    private readonly container: HTMLElement,
    private readonly labels: { empty: string },
  ) {}

  /** Asks the server for the symbols of the synced version (once per version). */
  async refresh(): Promise<void> {
    const plugin = LSPPlugin.get(this.view);
    if (!plugin || this.busy) return;
    const file = plugin.client.workspace.getFile(plugin.uri);
    if (!file || file.version === this.version) return;
    this.busy = true;
    try {
      const version = file.version;
      const symbols = (await plugin.client.request<unknown, DocumentSymbol[] | null>('textDocument/documentSymbol', { textDocument: { uri: plugin.uri } })) ?? [];
      if (plugin.client.workspace.getFile(plugin.uri)?.version !== version) return;
      this.version = version;
      this.render(symbols, plugin);
    } catch {
      // a stale request: the next refresh asks again
    } finally {
      this.busy = false;
    }
  }

  private render(symbols: DocumentSymbol[], plugin: LSPPlugin) {
    const doc = this.container.ownerDocument;
    const list = (items: DocumentSymbol[], depth: number): HTMLUListElement => {
      const ul = doc.createElement('ul');
      for (const s of items) {
        const li = doc.createElement('li');
        const button = doc.createElement('button');
        button.type = 'button';
        button.className = `kind-${s.kind}`;
        button.textContent = s.detail ? `${s.name} — ${s.detail}` : s.name;
        button.title = button.textContent;
        const at = plugin.fromPosition(s.selectionRange.start, plugin.syncedDoc);
        button.addEventListener('click', () => this.jump(plugin.unsyncedChanges.mapPos(at)));
        li.append(button);
        const children = (s.children ?? []).filter((c) => depth < 1 || !DEEP_KINDS.has(c.kind));
        if (children.length > 0) li.append(list(children, depth + 1));
        ul.append(li);
      }
      return ul;
    };
    if (symbols.length === 0) {
      const p = doc.createElement('p');
      p.className = 'muted';
      p.textContent = this.labels.empty;
      this.container.replaceChildren(p);
    } else {
      this.container.replaceChildren(list(symbols, 0));
    }
  }

  private jump(pos: number) {
    const at = Math.min(pos, this.view.state.doc.length);
    this.view.dispatch({ selection: EditorSelection.cursor(at), effects: EditorView.scrollIntoView(at, { y: 'start', yMargin: 40 }) });
    this.view.focus();
  }
}
