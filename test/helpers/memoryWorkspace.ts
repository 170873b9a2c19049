// A folder of configs loaded into memory, so tests can apply edits (and create files) and analyse
// the result without touching the disk.
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LanguageService } from '../../server/src/service/languageService';
import { DEFAULT_SETTINGS, type Finding, type Fix, type Settings } from '../../server/src/core/types';

export { readFolder, memoryFs, type Files } from './memoryFs';
import { memoryFs, type Files } from './memoryFs';

export function analyseFiles(files: Files, settings: Settings = DEFAULT_SETTINGS): { service: LanguageService; findings: Finding[] } {
  const service = new LanguageService({ fs: memoryFs(files), settings: () => settings });
  for (const uri of files.keys()) service.workspace.refreshFromDisk(uri);
  const findings = service.workspace.uris().flatMap((u) => service.findings(u));
  return { service, findings };
}

/** The files after a fix: created files start empty, then every edit applies to its file. */
export function applyFix(files: Files, fix: Fix): Files {
  const out: Files = new Map(files);
  for (const uri of fix.createFiles ?? []) if (!out.has(uri)) out.set(uri, '');
  const byUri = new Map<string, Fix['edits']>();
  for (const e of fix.edits) byUri.set(e.uri, [...(byUri.get(e.uri) ?? []), e]);
  for (const [uri, edits] of byUri) {
    const before = out.get(uri);
    if (before === undefined) throw new Error(`fix "${fix.title}" edits ${uri}, which does not exist`);
    const doc = TextDocument.create(uri, '', 0, before);
    out.set(uri, TextDocument.applyEdits(doc, edits.map((e) => ({ range: e.range, newText: e.newText }))));
  }
  return out;
}
