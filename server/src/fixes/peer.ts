// Quick fixes for the cross-peer findings, keyed by code. Each builds a workspace edit that may span
// both peers' files; a fix that cannot be written exactly is not offered.
import { maxInnerPacket } from '../../../codec';
import type { Endpoint } from '../core/endpoint';
import { endpointStack, pathFit } from '../model/stack';
import type { Fix, TextEditSpec } from '../core/types';
import type { FixContext, PeerFixProvider, PeerSubject } from './context';
import { setIosMode, setIosMtu, setIosPfs } from './ios';
import { connOf, setConnKey } from './ipsecConf';
import { encaplimitNoneFix, linuxMtuEdit } from './linux';
import { spellProposal } from './spelling';
import { addSwanctlProposal, setSwanctlKey, swanctlConnOf, swanctlDuration } from './swanctl';
import { textAt } from './text';
import { Code } from '../core/codes';

const fix = (title: string, edits: (TextEditSpec | undefined)[], isPreferred = false): Fix[] =>
  edits.length > 0 && edits.every(Boolean) ? [{ title, edits: edits as TextEditSpec[], isPreferred }] : [];

function setMode(e: Endpoint, mode: 'transport' | 'tunnel', ctx: FixContext): TextEditSpec | undefined {
  if (e.vendor === 'cisco-ios') return setIosMode(e, mode, ctx);
  const sw = swanctlConnOf(e, ctx);
  if (sw) return setSwanctlKey('mode', mode, sw.ipsec?.mode, sw.range, sw.uri, ctx);
  return setConnKey(e, 'type', mode, e.ipsec?.mode, ctx);
}

function setMtu(e: Endpoint, mtu: number, ctx: FixContext): TextEditSpec[] | undefined {
  if (e.vendor === 'cisco-ios') {
    const inner = endpointStack(e)?.inner ?? 'ipv4';
    const edits = setIosMtu(e, mtu, inner, ctx);
    return edits.length ? edits : undefined;
  }
  const one = linuxMtuEdit(e, mtu, ctx);
  return one ? [one] : undefined;
}

/** "Switch both peers to tunnel mode", with the MTU cost in its title and MTUs lowered to fit. */
function bothToTunnel(linux: Endpoint, peer: Endpoint | undefined, ctx: FixContext): Fix[] {
  const now = endpointStack(linux, peer);
  if (!now || !peer) return [];
  const tunnel = { ...now, esp: 'tunnel' as const };
  const before = maxInnerPacket(now, ctx.settings.pathMtu);
  const after = maxInnerPacket(tunnel, ctx.settings.pathMtu);
  const edits: (TextEditSpec | undefined)[] = [setMode(linux, 'tunnel', ctx), setMode(peer, 'tunnel', ctx)];
  for (const e of [linux, peer]) {
    const m = e.tunnel?.mtu;
    if (m?.source === 'written' && m.value > after) edits.push(...(setMtu(e, after, ctx) ?? [undefined]));
  }
  return fix(`Switch both peers to ESP tunnel mode (costs ${before - after} bytes: largest inner packet ${after} instead of ${before})`, edits);
}

function linuxSide(s: PeerSubject): { linux: Endpoint; other?: Endpoint } | undefined {
  if (s.me.vendor === 'linux') return { linux: s.me, other: s.peer };
  if (s.peer?.vendor === 'linux') return { linux: s.peer, other: s.me };
  return undefined;
}

const encaplimit: PeerFixProvider = {
  code: Code.encaplimitTransportInterop,
  provide(_f, s, ctx) {
    const sides = linuxSide(s);
    if (!sides) return [];
    const none = encaplimitNoneFix(sides.linux, ctx);
    return [...(none ? [none] : []), ...bothToTunnel(sides.linux, sides.other, ctx)];
  },
};

const mode: PeerFixProvider = {
  code: Code.ipsecModeMismatch,
  provide(_f, { me, peer }, ctx) {
    const want = peer?.ipsec?.mode?.value;
    const have = me.ipsec?.mode?.value;
    if (!peer || !want || want === have) return [];
    const out = fix(`Use ${want} mode here, as ${peer.name} does`, [setMode(me, want, ctx)], true);
    if (want === 'transport') out.push(...fix(`Use tunnel mode on both peers`, [setMode(me, 'tunnel', ctx), setMode(peer, 'tunnel', ctx)]));
    return out;
  },
};

const pfs: PeerFixProvider = {
  code: Code.pfsMismatch,
  provide(_f, { me, peer }, ctx) {
    const want = peer?.ipsec?.pfs?.value;
    if (!peer || want === undefined) return [];
    if (me.vendor === 'cisco-ios') {
      const group = want === 'ike' ? (peer.ipsec?.ike?.value[0]?.dh[0] ?? false) : want;
      return fix(group === false ? 'Remove set pfs, as the peer uses no PFS' : `Use PFS ${group} here, as the peer does`, [setIosPfs(me, group, ctx)], true);
    }
    const sw = swanctlConnOf(me, ctx);
    if (sw) {
      // strongSwan's PFS is the key exchange in its ESP proposals: add the peer's proposal, with its group or without one.
      const theirs = peer.ipsec?.esp?.value[0];
      const group = want === 'ike' ? peer.ipsec?.ike?.value[0]?.dh[0] : want;
      const spelled = theirs && spellProposal(group ? { ...theirs, dh: [group] } : { ...theirs, dh: [] }, 'esp', 'strongswan', !!group);
      if (!spelled) return [];
      const title = group ? `Add the peer's ESP proposal ${spelled} (PFS with ${group})` : `Add the peer's ESP proposal ${spelled} (no PFS)`;
      return fix(title, [addSwanctlProposal('esp_proposals', spelled, sw.ipsec?.esp, sw.range, sw.uri, ctx)], true);
    }
    if (me.vendor === 'libreswan' || connOf(me)?.vendor === 'libreswan') {
      const conn = connOf(me)!;
      if (want === false) return fix('Set pfs=no, as the peer uses no PFS', [setConnKey(conn, 'pfs', 'no', me.ipsec?.pfs, ctx)], true);
      if (me.ipsec?.pfs?.value === false) return fix('Set pfs=yes, as the peer uses PFS', [setConnKey(conn, 'pfs', 'yes', me.ipsec.pfs, ctx)], true);
    }
    return [];
  },
};

function proposalFix(kind: 'ike' | 'esp'): PeerFixProvider {
  return {
    code: kind === 'ike' ? Code.ikeProposalMismatch : Code.espProposalMismatch,
    provide(_f, { me, peer }, ctx) {
      const conn = connOf(me);
      const theirs = peer?.ipsec?.[kind]?.value[0];
      if (!conn || !theirs || !peer) return [];
      const withDh = kind === 'ike' || (!!me.ipsec?.pfs?.value && theirs.dh.length > 0);
      const spelled = spellProposal(theirs, kind, conn.vendor as 'libreswan' | 'strongswan', withDh);
      if (!spelled) return [];
      const mine = me.ipsec?.[kind];
      let edit: TextEditSpec | undefined;
      const sw = swanctlConnOf(me, ctx);
      if (sw) edit = addSwanctlProposal(kind === 'ike' ? 'proposals' : 'esp_proposals', spelled, mine, sw.range, sw.uri, ctx);
      else if (mine && mine.source !== 'default' && mine.uri && mine.range) {
        // Written (or derived from a written line, as strongSwan's list with its appended defaults):
        // add an alternative to that line, before a strongSwan strict `!`.
        const written = textAt(ctx.text(mine.uri) ?? '', mine.range);
        const at = written.endsWith('!') ? { line: mine.range.end.line, character: mine.range.end.character - 1 } : mine.range.end;
        edit = { uri: mine.uri, range: { start: at, end: at }, newText: `,${spelled}` };
      } else {
        edit = setConnKey(conn, kind, spelled, undefined, ctx);
      }
      return fix(`Add the peer's ${kind.toUpperCase()} proposal ${spelled}`, [edit], true);
    },
  };
}

const mtuExceeds: PeerFixProvider = {
  code: Code.mtuExceedsPath,
  provide(_f, { me, peer }, ctx) {
    const fit = pathFit(me, peer, ctx.settings.pathMtu);
    if (!fit) return [];
    const { fits, stack } = fit;
    const edits = setMtu(me, fits, ctx);
    return edits ? fix(`Set the tunnel MTU to ${fits}${me.vendor === 'cisco-ios' && stack.inner === 'ipv4' ? ` and the TCP MSS to ${fits - 40}` : ''}`, edits, true) : [];
  },
};

const mtuMismatch: PeerFixProvider = {
  code: Code.mtuMismatch,
  provide(_f, { me, peer }, ctx) {
    const want = peer?.tunnel?.mtu?.value;
    if (!peer || want === undefined) return [];
    const fit = pathFit(me, peer, ctx.settings.pathMtu);
    if (fit && want > fit.fits) return [];
    const edits = setMtu(me, want, ctx);
    return edits ? fix(`Use the peer's MTU ${want} here`, edits, true) : [];
  },
};

/** lifetime-mismatch on a swanctl.conf side: its `rekey_time` set to the peer's (the other dialects get no fix yet). */
const lifetime: PeerFixProvider = {
  code: Code.lifetimeMismatch,
  provide(f, { me, peer }, ctx) {
    const sw = swanctlConnOf(me, ctx);
    if (!sw || !peer) return [];
    const out: Fix[] = [];
    for (const key of ['ikeLifetime', 'saLifetime'] as const) {
      const want = peer.ipsec?.[key]?.value;
      const mine = sw.ipsec?.[key];
      if (want === undefined || !mine || mine.value === want) continue;
      // The finding stands on the line of the lifetime it is about.
      if (!(mine.uri === f.uri && mine.range?.start.line === f.range.start.line)) continue;
      const value = swanctlDuration(want);
      const what = key === 'ikeLifetime' ? 'IKE SA' : 'child SA';
      out.push(...fix(`Rekey the ${what} after ${value} here, as the peer does`, [setSwanctlKey('rekey_time', value, mine, sw.range, sw.uri, ctx)], true));
    }
    return out;
  },
};

export const PEER_FIXES: readonly PeerFixProvider[] = [encaplimit, mode, pfs, proposalFix('ike'), proposalFix('esp'), mtuExceeds, mtuMismatch, lifetime];
