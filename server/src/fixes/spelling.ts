// Canonical transforms back to a dialect's own spelling, for fixes that add the peer's proposal.
// Only transforms with an unambiguous spelling are listed; a proposal with another one gets no fix.
import type { Proposal } from '../core/endpoint';

type Table = Readonly<Record<string, string>>;

const LIBRESWAN: { encr: Table; integ: Table; prf: Table; dh: Table } = {
  encr: {
    AES_CBC: 'aes', AES_CBC_128: 'aes128', AES_CBC_192: 'aes192', AES_CBC_256: 'aes256',
    AES_GCM_16_128: 'aes_gcm128', AES_GCM_16_192: 'aes_gcm192', AES_GCM_16_256: 'aes_gcm256',
    AES_CTR_128: 'aes_ctr128', AES_CTR_256: 'aes_ctr256', CHACHA20_POLY1305: 'chacha20_poly1305', '3DES_CBC': '3des',
  },
  integ: { HMAC_SHA1_96: 'sha1', HMAC_SHA2_256_128: 'sha2_256', HMAC_SHA2_384_192: 'sha2_384', HMAC_SHA2_512_256: 'sha2_512', HMAC_MD5_96: 'md5' },
  prf: { HMAC_SHA1: 'sha1', HMAC_SHA2_256: 'sha2_256', HMAC_SHA2_384: 'sha2_384', HMAC_SHA2_512: 'sha2_512' },
  dh: { MODP1536: 'modp1536', MODP2048: 'modp2048', MODP3072: 'modp3072', MODP4096: 'modp4096', MODP8192: 'modp8192', DH19: 'dh19', DH20: 'dh20', DH21: 'dh21', DH31: 'dh31' },
};

const STRONGSWAN: typeof LIBRESWAN = {
  encr: {
    AES_CBC_128: 'aes128', AES_CBC_192: 'aes192', AES_CBC_256: 'aes256',
    AES_GCM_16_128: 'aes128gcm16', AES_GCM_16_192: 'aes192gcm16', AES_GCM_16_256: 'aes256gcm16',
    CHACHA20_POLY1305: 'chacha20poly1305', '3DES_CBC': '3des',
  },
  integ: { HMAC_SHA1_96: 'sha1', HMAC_SHA2_256_128: 'sha256', HMAC_SHA2_384_192: 'sha384', HMAC_SHA2_512_256: 'sha512', HMAC_MD5_96: 'md5' },
  prf: { HMAC_SHA1: 'prfsha1', HMAC_SHA2_256: 'prfsha256', HMAC_SHA2_384: 'prfsha384', HMAC_SHA2_512: 'prfsha512' },
  dh: { MODP1536: 'modp1536', MODP2048: 'modp2048', MODP3072: 'modp3072', MODP4096: 'modp4096', MODP8192: 'modp8192', DH19: 'ecp256', DH20: 'ecp384', DH21: 'ecp521', DH31: 'curve25519' },
};

/** The first of each transform list, as Libreswan (`aes128-sha1;modp2048`) or strongSwan (`aes128-sha1-modp2048`) writes it. */
export function spellProposal(p: Proposal, kind: 'ike' | 'esp', dialect: 'libreswan' | 'strongswan', withDh: boolean): string | undefined {
  const t = dialect === 'libreswan' ? LIBRESWAN : STRONGSWAN;
  const encr = t.encr[p.encr[0]];
  if (!encr) return undefined;
  const parts = [encr];
  const aead = /GCM|CCM|CHACHA/.test(p.encr[0]);
  if (kind === 'ike') {
    const prf = p.prf[0] ? t.prf[p.prf[0]] : undefined;
    const integ = p.integ[0] && p.integ[0] !== 'NONE' ? t.integ[p.integ[0]] : undefined;
    if (dialect === 'strongswan' && !aead && integ) parts.push(integ);
    if (dialect === 'strongswan' ? prf : (prf ?? integ)) parts.push(dialect === 'strongswan' ? prf! : (prf ?? integ)!.replace(/^prf/, ''));
    if (!prf && !integ) return undefined;
  } else if (!aead) {
    const integ = p.integ[0] ? t.integ[p.integ[0]] : undefined;
    if (!integ) return undefined;
    parts.push(integ);
  }
  const dh = withDh && p.dh[0] ? t.dh[p.dh[0]] : undefined;
  if (withDh && p.dh[0] && !dh) return undefined;
  const body = parts.join('-');
  if (!dh) return body;
  return dialect === 'libreswan' ? `${body};${dh}` : `${body}-${dh}`;
}
