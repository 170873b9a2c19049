// Canonical proposals of IOS objects: a transform set's ESP proposal, an IKEv2 proposal's
// transforms. Words the table (model/iosTransforms.ts) does not know are left out; the checks
// report them.
import type { Proposal } from '../../../core/endpoint';
import { IKEV2_ENCRYPTION, IOS_TRANSFORMS, ikeHash, iosDhGroup, keyLengthsOf, transformCanonical } from '../../../model/iosTransforms';

/** Canonical ESP proposal of a transform set (`esp-aes 256 esp-sha-hmac`); an AEAD or lone cipher gets integrity NONE. */
export function transformSetProposal(ts: { transforms: { text: string }[] }): Proposal {
  const p: Proposal = { encr: [], integ: [], prf: [], dh: [] };
  const t = ts.transforms;
  for (let i = 0; i < t.length; i++) {
    const word = t[i].text.toLowerCase();
    const row = IOS_TRANSFORMS[word];
    if (!row) continue;
    let name = row.canonical;
    if (t[i + 1] && keyLengthsOf(row).includes(t[i + 1].text)) {
      name = transformCanonical(word, t[i + 1].text);
      i++;
    }
    if (row.kind === 'encr' && name) p.encr.push(name);
    else if (row.kind === 'integ' && name) p.integ.push(name);
  }
  if (p.encr.length > 0 && p.integ.length === 0) p.integ.push('NONE');
  return p;
}

type Words = { text: string }[];

export function ikev2ProposalCanonical(pr: { encryption: Words; integrity: Words; prf: Words; group: Words }): Proposal {
  const defined = <T>(x: T | undefined): x is T => x !== undefined;
  const encr = pr.encryption.map((w) => IKEV2_ENCRYPTION[w.text.toLowerCase()]).filter(defined);
  const integ = pr.integrity.map((w) => ikeHash(w.text)?.integ).filter(defined);
  // Without `prf`, IOS uses the integrity algorithms' PRFs.
  const prfWords = pr.prf.length > 0 ? pr.prf : pr.integrity;
  const prf = prfWords.map((w) => ikeHash(w.text)?.prf).filter(defined);
  const dh = pr.group.map((w) => iosDhGroup(w.text)).filter(defined);
  return { encr, integ, prf, dh };
}
