// "Tunnel Lens: Check workspace" and "Tunnel Lens: Pair with…".
import * as vscode from 'vscode';
import { EndpointsRequest, PeerInfoRequest, ReindexRequest } from '../../server/src/protocol/requests';
import type { EndpointInfo, PeerInfo, ReindexResult } from '../../server/src/protocol/peerInfo';
import type { Requester } from './statusBar';

import { PAIRING_FILE } from '../../server/src/protocol/preview';

/** Re-reads every supported file of the workspace, then shows the Problems panel and a summary. */
export async function checkWorkspace(request: Requester, output: vscode.LogOutputChannel): Promise<ReindexResult | null> {
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: 'Tunnel Lens: checking the workspace' },
    () => request(ReindexRequest, {}),
  );
  await vscode.commands.executeCommand('workbench.actions.view.problems');
  if (!result) {
    void vscode.window.showWarningMessage('Tunnel Lens could not check the workspace; see the Tunnel Lens output.');
    return null;
  }
  const line =
    `Tunnel Lens checked ${result.files} file(s): ${result.endpoints} tunnel end(s), ${result.pairs} pair(s), ` +
    `${result.errors} error(s), ${result.warnings} warning(s).`;
  output.info(line);
  void vscode.window.showInformationMessage(line);
  return result;
}

interface EndpointPick extends vscode.QuickPickItem {
  endpoint: EndpointInfo;
}

const rel = (uri: string) => vscode.workspace.asRelativePath(vscode.Uri.parse(uri), true);

function pickItem(e: EndpointInfo, note = ''): EndpointPick {
  return {
    label: `${e.vendor === 'cisco-ios' ? '$(router)' : '$(server)'} ${e.name}`,
    description: `${rel(e.file)}:${e.line + 1}${note}`,
    detail: e.local || e.remote ? `${e.local ?? '?'} → ${e.remote ?? '?'}${e.protectedBy ? ` · IPsec: ${e.protectedBy.name}` : ''}` : undefined,
    endpoint: e,
  };
}

/** The nearest tunnel-lens.json between the file's folder and the workspace root, if any. */
async function nearestPairingFile(file: vscode.Uri, root: vscode.Uri): Promise<vscode.Uri | undefined> {
  let dir = vscode.Uri.joinPath(file, '..');
  for (let i = 0; i < 64; i++) {
    const candidate = vscode.Uri.joinPath(dir, PAIRING_FILE);
    try {
      await vscode.workspace.fs.stat(candidate);
      return candidate;
    } catch {
      // keep walking up
    }
    if (dir.path === root.path || dir.path.length <= root.path.length) return undefined;
    dir = vscode.Uri.joinPath(dir, '..');
  }
  return undefined;
}

function relativeRef(pairingFile: vscode.Uri, e: EndpointInfo): string {
  const dir = vscode.Uri.joinPath(pairingFile, '..').path.split('/').filter(Boolean);
  const target = vscode.Uri.parse(e.file).path.split('/').filter(Boolean);
  let common = 0;
  while (common < dir.length && common < target.length - 1 && dir[common] === target[common]) common++;
  const up = dir.slice(common).map(() => '..');
  return `${[...up, ...target.slice(common)].join('/')}#${e.name}`;
}

/** Pairs the tunnel end under the cursor with one the user picks, in tunnel-lens.json. */
export async function pairWith(request: Requester, afterWrite: () => Promise<unknown>): Promise<void> {
  const all = (await request(EndpointsRequest, {})) ?? [];
  if (all.length < 2) {
    void vscode.window.showWarningMessage('Tunnel Lens found fewer than two tunnel ends in the workspace: nothing to pair.');
    return;
  }
  // A: the tunnel end under the cursor, else one the user picks.
  const editor = vscode.window.activeTextEditor;
  let a: EndpointInfo | undefined;
  let currentPeer: EndpointInfo | undefined;
  if (editor) {
    const info = await request(PeerInfoRequest, { uri: editor.document.uri.toString(), position: editor.selection.active });
    a = info?.endpoint;
    currentPeer = info?.peer;
  }
  if (!a) {
    const first = await vscode.window.showQuickPick(all.map((e) => pickItem(e)), {
      title: 'Tunnel Lens: Pair with… (1/2)',
      placeHolder: 'The tunnel end to pair',
      matchOnDescription: true,
      matchOnDetail: true,
    });
    if (!first) return;
    a = first.endpoint;
  }
  const me = a;
  const items = all.filter((e) => e.id !== me.id).map((e) => pickItem(e, currentPeer?.id === e.id ? ' · current peer' : ''));
  const second = await vscode.window.showQuickPick(items, {
    title: `Tunnel Lens: Pair ${me.name} with…`,
    placeHolder: 'The other end of the tunnel (written to tunnel-lens.json)',
    matchOnDescription: true,
    matchOnDetail: true,
  });
  if (!second) return;
  const b = second.endpoint;

  const aUri = vscode.Uri.parse(me.file);
  const bUri = vscode.Uri.parse(b.file);
  const folder = vscode.workspace.getWorkspaceFolder(aUri) ?? vscode.workspace.workspaceFolders?.[0];
  if (!folder) {
    void vscode.window.showErrorMessage('Tunnel Lens: open a folder first; tunnel-lens.json lives at its root.');
    return;
  }
  const [pa, pb] = await Promise.all([nearestPairingFile(aUri, folder.uri), nearestPairingFile(bUri, folder.uri)]);
  if (pa?.toString() !== pb?.toString()) {
    const where = (u?: vscode.Uri) => (u ? rel(u.toString()) : 'none');
    void vscode.window.showErrorMessage(
      `Tunnel Lens: ${me.name} and ${b.name} belong to different deployments (tunnel-lens.json: ${where(pa)} / ${where(pb)}); a pair must live in one.`,
    );
    return;
  }
  const target = pa ?? vscode.Uri.joinPath(folder.uri, PAIRING_FILE);
  let json: { pairs?: unknown[]; [k: string]: unknown } = {};
  if (pa) {
    try {
      const parsed: unknown = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(target)));
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) json = parsed as typeof json;
    } catch {
      void vscode.window.showErrorMessage(`Tunnel Lens: ${rel(target.toString())} is not valid JSON; fix it first.`);
      await vscode.window.showTextDocument(target);
      return;
    }
  }
  const refA = relativeRef(target, me);
  const refB = relativeRef(target, b);
  // A tunnel end has one peer: drop any pair that already names either end.
  const names = (p: unknown): string[] => (Array.isArray(p) ? p : [(p as { a?: unknown })?.a, (p as { b?: unknown })?.b]).filter((x): x is string => typeof x === 'string');
  const pairs = (Array.isArray(json.pairs) ? json.pairs : []).filter((p) => !names(p).some((n) => n === refA || n === refB));
  pairs.push({ a: refA, b: refB });
  json.pairs = pairs;
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(JSON.stringify(json, null, 2) + '\n'));
  await afterWrite();
  const open = 'Open tunnel-lens.json';
  void vscode.window.showInformationMessage(`Tunnel Lens: paired ${me.name} with ${b.name} in ${rel(target.toString())}.`, open).then((choice) => {
    if (choice === open) void vscode.window.showTextDocument(target);
  });
}
