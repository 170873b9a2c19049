import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver-types';
import type { ParsedFile, SymbolDef } from '../../core/types';

// Dialect kinds to LSP symbol kinds; anything else is an Object.
const KIND: Record<string, SymbolKind> = {
  conn: SymbolKind.Class,
  'config-setup': SymbolKind.Namespace,
  ca: SymbolKind.Namespace,
  interface: SymbolKind.Interface,
  acl: SymbolKind.Array,
  'transform-set': SymbolKind.Struct,
  key: SymbolKind.Property,
  section: SymbolKind.Namespace,
  tunnel: SymbolKind.Interface,
  command: SymbolKind.Function,
  secret: SymbolKind.Key,
};

function toDocumentSymbol(s: SymbolDef): DocumentSymbol {
  return {
    name: s.name || '(unnamed)',
    detail: s.detail ?? s.kind,
    kind: KIND[s.kind] ?? SymbolKind.Object,
    range: s.range,
    selectionRange: s.selectionRange,
    children: s.children?.map(toDocumentSymbol),
  };
}

export function documentSymbols(file: ParsedFile): DocumentSymbol[] {
  return file.symbols.map(toDocumentSymbol);
}
