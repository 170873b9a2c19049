// Extension activation time: dist/extension.js's activate() against a stand-in for the `vscode`
// module (every member is a constructible, callable no-op), so what is timed is our own activation
// work — creating the client, the status bar, the commands, the preview manager — and the module
// load. The language server starts in the background and is not part of activation.
// Run: node esbuild.mjs --production && node --import tsx bench/activation.ts [RUNS]
import Module from 'node:module';
import { resolve } from 'node:path';

const RUNS = Number(process.argv[2] ?? 20);

function universal(): unknown {
  const fn = function () {} as unknown as object;
  return new Proxy(fn, {
    get: (_t, k) => (k === Symbol.toPrimitive ? () => '' : k === 'then' ? undefined : k === 'prototype' ? {} : universal()),
    apply: () => universal(),
    construct: () => universal() as object,
    set: () => true,
  });
}

// Bundles copy the module's own keys (esbuild's ESM interop), so the stand-in names them.
const KEYS = ['window', 'workspace', 'commands', 'languages', 'env', 'extensions', 'Uri', 'EventEmitter', 'Disposable', 'StatusBarAlignment', 'ThemeColor', 'ThemeIcon', 'ViewColumn', 'Range', 'Position', 'Location', 'MarkdownString', 'CancellationTokenSource', 'version', 'ProgressLocation', 'FileSystemError', 'RelativePattern', 'CodeActionKind', 'DiagnosticSeverity', 'Diagnostic', 'TextEdit', 'WorkspaceEdit', 'CompletionItemKind', 'SymbolKind', 'FoldingRangeKind', 'DocumentSymbol', 'SymbolInformation', 'Hover', 'CompletionItem', 'CompletionList', 'CodeAction', 'CodeLens', 'SnippetString', 'Selection', 'TextDocumentSaveReason', 'ConfigurationTarget', 'l10n', 'tasks', 'debug', 'scm', 'tests', 'notebooks', 'chat', 'lm', 'authentication', 'UIKind', 'ExtensionMode', 'LogLevel', 'QuickPickItemKind', 'TextEditorRevealType', 'OverviewRulerLane', 'EndOfLine', 'FileType', 'CallHierarchyItem', 'TypeHierarchyItem', 'SemanticTokens', 'SemanticTokensLegend', 'InlayHint', 'InlayHintKind', 'InlineValueText', 'DocumentLink', 'Color', 'ColorInformation', 'ColorPresentation', 'SelectionRange', 'LinkedEditingRanges', 'SignatureHelp', 'SignatureInformation', 'ParameterInformation', 'DocumentHighlight', 'DocumentHighlightKind', 'TextDocumentChangeReason', 'NotebookCellKind', 'NotebookRange', 'NotebookCellData', 'NotebookData', 'NotebookEdit', 'NotebookCellOutput', 'NotebookCellOutputItem', 'InlineCompletionItem', 'CancellationError', 'TabInputText', 'TabInputTextDiff', 'TabInputNotebook', 'TabInputNotebookDiff', 'TabInputCustom', 'TabInputWebview', 'TabInputTerminal', 'DiagnosticTag', 'CompletionItemTag', 'SymbolTag', 'TextEditorLineNumbersStyle', 'DecorationRangeBehavior', 'IndentAction', 'EvaluatableExpression', 'InlineValueVariableLookup', 'InlineValueEvaluatableExpression', 'FoldingRange', 'CodeActionTriggerKind', 'CompletionTriggerKind', 'SignatureHelpTriggerKind', 'DocumentDropEdit', 'DocumentPasteEdit', 'DataTransfer', 'DataTransferItem', 'WorkspaceSymbol', 'TextEditorCursorStyle', 'ShellExecution', 'ProcessExecution', 'CustomExecution', 'Task', 'TaskGroup', 'TaskScope', 'TaskRevealKind', 'TaskPanelKind', 'StatementCoverage', 'TestRunProfileKind'];
const stub: Record<string, unknown> = Object.fromEntries(KEYS.map((k) => [k, k === 'version' ? '1.95.0' : universal()]));
const load = (Module as unknown as { _load: (req: string, parent: unknown, isMain: boolean) => unknown })._load;
(Module as unknown as { _load: typeof load })._load = (req, parent, isMain) => (req === 'vscode' ? stub : load(req, parent, isMain));

const file = resolve(__dirname, '../dist/extension.js');
const loadStart = performance.now();
// eslint-disable-next-line @typescript-eslint/no-require-imports
const ext = require(file) as { activate(ctx: unknown): Promise<void> };
const loadMs = performance.now() - loadStart;

const context = {
  subscriptions: [] as unknown[],
  asAbsolutePath: (p: string) => resolve(__dirname, '..', p),
  extensionUri: universal(),
  extension: { packageJSON: { version: '0.1.0' } },
};

async function main() {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await ext.activate({ ...context, subscriptions: [] });
    times.push(performance.now() - t);
  }
  const first = times[0];
  const sorted = [...times].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)];
  console.log(`extension module load (first require): ${loadMs.toFixed(1)} ms`);
  console.log(`activate(): first call ${first.toFixed(1)} ms, median ${median.toFixed(1)} ms over ${RUNS} calls`);
  console.log(`activation as VS Code pays it (module load + first activate): ${(loadMs + first).toFixed(1)} ms; target < 100 ms`);
  process.exit(0);
}
void main();
