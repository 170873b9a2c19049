import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { LanguageId, ParsedFile } from './types';

/** A ParsedFile with nothing in it yet; dialects fill it in. */
export function emptyParsedFile<T = unknown>(doc: TextDocument, languageId: LanguageId): ParsedFile<T> {
  return {
    uri: doc.uri,
    version: doc.version,
    languageId,
    text: doc.getText(),
    findings: [],
    endpoints: [],
    symbols: [],
    references: [],
    folding: [],
    dependencies: [],
    tree: undefined as T,
  };
}
