// Default severity and a one-line title for every finding code. Severity follows consequence
// (DESIGN): cannot come up = error; comes up then fails = warning; cost or risk = info; style = hint.
// A check may report a different severity where the consequence differs (an ifcfg user variable is
// only a hint; a strongSwan unknown key is non-fatal).
import type { FindingCode } from '../model/findingCodes';
import type { Severity } from '../service/types';

export interface CodeInfo {
  severity: Severity;
  title: string;
}

export const CODE_INFO: Readonly<Record<FindingCode, CodeInfo>> = {
  'syntax-error': { severity: 'error', title: 'The file does not parse' },
  'unknown-keyword': { severity: 'error', title: 'Unknown keyword' },
  'invalid-value': { severity: 'error', title: 'Invalid value' },
  'duplicate-key': { severity: 'error', title: 'Key set twice' },
  'undefined-reference': { severity: 'error', title: 'Reference to something not defined' },
  'unused-definition': { severity: 'hint', title: 'Defined but never used' },
  'deprecated-option': { severity: 'warning', title: 'Deprecated option' },
  'version-incompatible': { severity: 'error', title: 'Not supported by the target version' },
  'weak-algorithm': { severity: 'warning', title: 'Weak algorithm' },
  'config-ignored': { severity: 'error', title: 'The daemon ignores this configuration' },
  'file-too-large': { severity: 'warning', title: 'File not analysed: over the size limit' },
  'peer-unpaired': { severity: 'info', title: 'No peer found for this tunnel' },
  'peer-address-mismatch': { severity: 'error', title: 'Peer addresses do not correspond' },
  'outer-family-mismatch': { severity: 'error', title: 'Outer address families differ' },
  'tunnel-encap-mismatch': { severity: 'error', title: 'Tunnel encapsulations differ' },
  'gre-key-mismatch': { severity: 'error', title: 'GRE keys differ' },
  'ike-version-mismatch': { severity: 'error', title: 'IKE versions differ' },
  'ike-proposal-mismatch': { severity: 'error', title: 'No common IKE proposal' },
  'esp-proposal-mismatch': { severity: 'error', title: 'No common ESP proposal' },
  'pfs-mismatch': { severity: 'warning', title: 'PFS settings differ' },
  'ipsec-mode-mismatch': { severity: 'error', title: 'Transport and tunnel mode differ' },
  'traffic-selector-mismatch': { severity: 'error', title: 'Traffic selectors differ' },
  'auth-method-mismatch': { severity: 'error', title: 'Authentication methods differ' },
  'psk-mismatch': { severity: 'error', title: 'Pre-shared keys differ' },
  'lifetime-mismatch': { severity: 'info', title: 'Lifetimes differ' },
  'encaplimit-transport-interop': {
    severity: 'error',
    title: 'Destination Options header in front of transport-mode ESP',
  },
  'mtu-exceeds-path': { severity: 'warning', title: 'Tunnel MTU larger than the path allows' },
  'mtu-mismatch': { severity: 'warning', title: 'Tunnel MTUs differ between peers' },
};
