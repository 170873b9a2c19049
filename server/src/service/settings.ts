// Reads the `tunnelLens.*` settings (VS Code configuration, or initializationOptions from other
// editors) into Settings; anything missing or malformed falls back to the default.
import { DEFAULT_SETTINGS, PATH_MTU, type Settings, type SeverityOverrides } from '../core/types';
import { isConfigCode, isFindingCode } from '../core/codes';

const str = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);
const num = (v: unknown, min: number, max: number) => (typeof v === 'number' && v >= min && v <= max ? v : undefined);

export function settingsFromConfiguration(raw: unknown): Settings {
  const c = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  return {
    versions: {
      libreswan: str(c.libreswanVersion),
      strongswan: str(c.strongswanVersion),
      ios: str(c.iosVersion),
      networkManager: str(c.networkManagerVersion),
    },
    pathMtu: num(c.pathMtu, PATH_MTU.min, PATH_MTU.max) ?? DEFAULT_SETTINGS.pathMtu,
    maxFileSize: num(c.maxFileSize, 1024, 1 << 30) ?? DEFAULT_SETTINGS.maxFileSize,
    severity: severities(c.severity),
  };
}

const LEVELS = new Set(['error', 'warning', 'info', 'hint', 'off']);

/** `tunnelLens.severity`: { "weak-algorithm": "info", "unused-definition": "off" }; unknown codes and levels are dropped. */
function severities(v: unknown): SeverityOverrides {
  const out: SeverityOverrides = {};
  if (!v || typeof v !== 'object') return out;
  for (const [code, level] of Object.entries(v as Record<string, unknown>)) {
    if (isFindingCode(code) && isConfigCode(code) && typeof level === 'string' && LEVELS.has(level)) out[code] = level as SeverityOverrides[typeof code];
  }
  return out;
}
