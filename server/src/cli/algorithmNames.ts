// The CLI's view of algorithm spellings (`--enc esp-aes 256`, `--integ sha2_256`): Cisco IOS
// transform words through the one IOS table (model/iosTransforms.ts), every other spelling through
// the codec's map (codec/algorithmNames.ts); a miss is a usage error that lists the accepted names.
import { encryptionByName, integrityByName } from '../../../codec/algorithmNames';
import { ENC_ALGORITHMS, type EncName, INTEG_ALGORITHMS, type IntegName } from '../../../codec/espAlgorithms';
import { iosTransformByName } from '../model/iosTransforms';
import { CliError } from './common';

/** An IOS transform of the given kind, as the codec names it (undefined when the codec lacks the algorithm). */
function fromIos<T>(text: string, kind: 'encr' | 'integ', byName: (canonical: string) => T | undefined): T | undefined {
  const t = iosTransformByName(text);
  return t && t.kind === kind ? byName(t.canonical) : undefined;
}

export function parseEncryption(text: string): EncName {
  const n = fromIos(text, 'encr', encryptionByName) ?? encryptionByName(text);
  if (!n) throw new CliError(`unknown encryption '${text}' (canonical: ${Object.keys(ENC_ALGORITHMS).join(', ')}; dialect spellings such as aes128, esp-aes 256, aes256gcm16 also work)`);
  return n;
}

export function parseIntegrity(text: string): IntegName {
  const n = fromIos(text, 'integ', integrityByName) ?? integrityByName(text);
  if (!n) throw new CliError(`unknown integrity '${text}' (canonical: ${Object.keys(INTEG_ALGORITHMS).join(', ')}; dialect spellings such as sha1, sha2_256, esp-sha-hmac also work)`);
  return n;
}
