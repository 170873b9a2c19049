// The CLI's view of algorithm spellings: the map itself is pure data in codec/algorithmNames.ts
// (the webview needs it too); this file turns a miss into a usage error with the accepted names.

import { encryptionByName, integrityByName } from '../../../codec/algorithmNames';
import { ENC_ALGORITHMS, type EncName, INTEG_ALGORITHMS, type IntegName } from '../../../codec/espAlgorithms';
import { CliError } from './common';

export function parseEncryption(text: string): EncName {
  const n = encryptionByName(text);
  if (!n) throw new CliError(`unknown encryption '${text}' (canonical: ${Object.keys(ENC_ALGORITHMS).join(', ')}; dialect spellings such as aes128, esp-aes 256, aes256gcm16 also work)`);
  return n;
}

export function parseIntegrity(text: string): IntegName {
  const n = integrityByName(text);
  if (!n) throw new CliError(`unknown integrity '${text}' (canonical: ${Object.keys(INTEG_ALGORITHMS).join(', ')}; dialect spellings such as sha1, sha2_256, esp-sha-hmac also work)`);
  return n;
}
