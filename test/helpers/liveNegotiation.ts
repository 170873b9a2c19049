// Live IKE negotiations between two Linux IPsec daemons, each in its own network namespace, the
// two joined by a veth pair: Libreswan's pluto (Debian 12: 4.10) and strongSwan's charon-systemd
// (5.9.8, unpacked by scripts/install-strongswan.mjs), in any pairing. What the daemons log is
// classified into one verdict per negotiation (docs/reference/swanctl-conf.md §6 has what this
// machine allows).
//
//   const lab = await openLab();                  // throws LabUnavailable saying what to do
//   const r = await lab.negotiate(pair);          // pair: files + which side runs which daemon
//   r.verdict, r.evidence, r.kernel, r.logs
//   await lab.close();                            // kills exactly the PIDs it started, deletes the netns
//
// Isolation: the two namespaces are created by the lab and deleted by close() (and at process
// exit); every daemon runs inside one of them with a private run dir, control socket, log, NSS db
// (pluto) or strongswan.conf and vici socket (charon) under a temp folder, so it never talks to,
// or disturbs, a system daemon. The namespaces are reused from one negotiation to the next: each
// negotiation sets the addresses its configs name (IPv4 and IPv6 host addresses with routes to the
// peer over the veth) and flushes the XFRM state and policies the previous one may have left.
//
// What the daemons read is the pair's files, with three rewrites recorded in `rewrites`:
//   * start actions: `auto=start` becomes `auto=add`, `start_action = start|trap` becomes `none`
//     (the lab starts the responder first and then initiates from the initiator, explicitly);
//   * pluto's `config setup` gets the lab's log file and dump dir (first in the file's own
//     `config setup`, or in one of their own in front of the conns);
//   * a side can name the Libreswan version its file is for (`emulate: '3.25'`): pluto 4.10 then
//     reads the file with 3.25's defaults written out where the file leaves a key out (ikev2=permit,
//     i.e. initiate IKEv1; esp=aes-sha1; the 3.25 ike= list; ikelifetime=1h), as
//     docs/reference/libreswan-5.md §2 and ipsec-conf-proposals.md §3 give them, and
//     `ikev1-policy=accept` (3.25 speaks IKEv1; Debian 12's 4.10 without the key refuses to add an
//     IKEv1 conn, "global ikev1-policy does not allow IKEv1 connections", and drops IKEv1 packets).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHARON, strongswanConf, SWANCTL } from './charon';

export const PLUTO = '/usr/libexec/ipsec/pluto';
export const WHACK = '/usr/libexec/ipsec/whack';
export const CERTUTIL = '/usr/bin/certutil';
export { CHARON, SWANCTL };

export class LabUnavailable extends Error {}

export type Daemon = 'pluto' | 'charon';

export interface SideSpec {
  daemon: Daemon;
  /** key in the pair's files of the config this daemon reads: ipsec.conf (pluto) or swanctl.conf (charon) */
  conf: string;
  /** key of the ipsec.secrets (pluto) */
  secrets?: string;
  /** pluto: the conn; charon: the connection (default: the only one) */
  conn?: string;
  /** charon: the child to initiate (default: the only one) */
  child?: string;
  /** the Libreswan version the file is for, when it is not the installed pluto's (see the header) */
  emulate?: '3.25';
}

export interface PairSpec {
  name: string;
  /** every file of the pair, keyed by a path relative to the pair (what Tunnel Lens reads too) */
  files: Record<string, string>;
  initiator: SideSpec;
  responder: SideSpec;
  /** after the CHILD_SA is up, rekey it from the initiator (what a PFS mismatch needs to show) */
  rekeyChild?: boolean;
}

/**
 * What the two daemons decided:
 * - `established`: IKE SA and CHILD_SA up (and rekeyed, with rekeyChild)
 * - `NO_PROPOSAL_CHOSEN in IKE_SA_INIT`: no common IKE proposal
 * - `NO_PROPOSAL_CHOSEN in IKE_AUTH (ESP)` / `(mode)`: the IKE SA is up, the CHILD_SA refused for
 *   its ESP proposals, or for transport against tunnel mode
 * - `NO_PROPOSAL_CHOSEN in CREATE_CHILD_SA`: the rekey of the CHILD_SA refused (PFS)
 * - `TS_UNACCEPTABLE`: traffic selectors
 * - `AUTHENTICATION_FAILED`: the PSKs differ
 * - `IKE version refused`: an IKEv1 initiator against an IKEv2-only responder (or the reverse)
 * - `kernel refused the CHILD_SA`: everything negotiated, the kernel could not install the SA
 * - `no verdict`: nothing decisive before the deadline
 */
export type Verdict =
  | 'established'
  | 'NO_PROPOSAL_CHOSEN in IKE_SA_INIT'
  | 'NO_PROPOSAL_CHOSEN in IKE_AUTH (ESP)'
  | 'NO_PROPOSAL_CHOSEN in IKE_AUTH (mode)'
  | 'NO_PROPOSAL_CHOSEN in CREATE_CHILD_SA'
  | 'TS_UNACCEPTABLE'
  | 'AUTHENTICATION_FAILED'
  | 'IKE version refused'
  | 'kernel refused the CHILD_SA'
  | 'no verdict';

export interface NegotiationResult {
  verdict: Verdict;
  /** the IKE SA was established (by the initiator's log) */
  ikeEstablished: boolean;
  /** the log lines the verdict rests on, prefixed with the side (`initiator pluto: …`) */
  evidence: string[];
  /**
   * when the kernel refused: the daemon's line, the errno and message it names, and the
   * responder's line that chose the ESP proposal the kernel then refused
   */
  kernel?: { line: string; errno?: number; message: string; negotiated?: string };
  /** what the verdict does not say: a responder that answered tunnel mode to a transport request */
  notes: string[];
  /** the address each side was given */
  addresses: { initiator: string[]; responder: string[] };
  /** what the daemons read differs from the files by these rewrites */
  rewrites: string[];
  logs: { initiator: string; responder: string };
  ms: number;
}

export interface KernelEsp {
  /** an ESP state can be installed (cbc(aes) + hmac(sha1)) */
  supported: boolean;
  /** `ip xfrm state add … proto esp …` as run, and what it answered */
  probe: string;
  answer: string;
  /** the same for AEAD rfc4106(gcm(aes)) */
  aead: string;
}

export interface Lab {
  dir: string;
  namespaces: [string, string];
  esp: KernelEsp;
  negotiate(pair: PairSpec, opts?: { deadlineMs?: number }): Promise<NegotiationResult>;
  /** PIDs of the daemons running now (none between negotiations) */
  running(): number[];
  close(): Promise<void>;
}

// ---------------------------------------------------------------- small process tools
interface Run {
  rc: number | null;
  out: string;
  err: string;
}
function run(cmd: string, args: string[], input?: string, timeoutMs = 10_000): Run {
  const r = spawnSync(cmd, args, { input, encoding: 'utf8', timeout: timeoutMs });
  return { rc: r.status, out: r.stdout ?? '', err: (r.stderr ?? '') + (r.error ? String(r.error) : '') };
}
function must(cmd: string, args: string[], input?: string): string {
  const r = run(cmd, args, input);
  if (r.rc !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.rc}): ${r.err.trim() || r.out.trim()}`);
  return r.out;
}
const pause = (ms: number) => new Promise((res) => setTimeout(res, ms));

interface Proc {
  pid: number;
  child: ChildProcess;
  exited?: { code: number | null; signal: NodeJS.Signals | null };
  done: Promise<void>;
  output: () => string;
}
const live = new Map<number, Proc>();
const labsAlive = new Set<{ namespaces: string[]; dir: string }>();
/** at exit, or on SIGINT/SIGTERM: kill what the labs started, delete their namespaces and folders */
function cleanUpNow(): void {
  for (const p of live.values()) {
    try {
      process.kill(p.pid, 'SIGKILL');
    } catch {
      /* gone */
    }
  }
  live.clear();
  for (const l of labsAlive) {
    for (const ns of l.namespaces) spawnSync('ip', ['netns', 'delete', ns]);
    rmSync(l.dir, { recursive: true, force: true });
  }
  labsAlive.clear();
}
process.once('exit', cleanUpNow);
for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.once(sig, () => {
    cleanUpNow();
    process.kill(process.pid, sig); // the default action, now that the handler is gone
  });
}

/** `ip netns exec` execs the command in place: the PID of the child is the daemon's PID */
function startIn(ns: string, cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): Proc {
  const child = spawn('ip', ['netns', 'exec', ns, cmd, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  if (!child.pid) throw new Error(`could not start ${cmd} in ${ns}`);
  let out = '';
  child.stdout!.setEncoding('utf8');
  child.stderr!.setEncoding('utf8');
  child.stdout!.on('data', (d: string) => (out = (out + d).slice(-20000)));
  child.stderr!.on('data', (d: string) => (out = (out + d).slice(-20000)));
  const p: Proc = {
    pid: child.pid,
    child,
    done: Promise.resolve(),
    output: () => out,
  };
  p.done = new Promise<void>((res) =>
    child.on('exit', (code, signal) => {
      p.exited = { code, signal };
      live.delete(p.pid);
      res();
    }),
  );
  live.set(p.pid, p);
  return p;
}

async function stop(p: Proc, graceMs = 3000): Promise<void> {
  if (p.exited) return;
  try {
    process.kill(p.pid, 'SIGTERM');
  } catch {
    /* gone */
  }
  const t = setTimeout(() => {
    if (!p.exited) {
      try {
        process.kill(p.pid, 'SIGKILL');
      } catch {
        /* gone */
      }
    }
  }, graceMs);
  await p.done;
  clearTimeout(t);
}

function readLog(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

/** Polls until `test` returns a value or the deadline passes (a short pause between polls, no fixed sleep). */
async function until<T>(test: () => T | undefined, deadline: number, everyMs = 15): Promise<T | undefined> {
  for (;;) {
    const v = test();
    if (v !== undefined) return v;
    if (Date.now() > deadline) return undefined;
    await pause(everyMs);
  }
}

// ---------------------------------------------------------------- reading the configs
/** the sections of an ipsec.conf: `conn NAME` with its indented body lines */
function ipsecConns(text: string): { name: string; start: number; end: number; keys: Map<string, string> }[] {
  const lines = text.split('\n');
  const out: { name: string; start: number; end: number; keys: Map<string, string> }[] = [];
  let cur: (typeof out)[number] | undefined;
  lines.forEach((raw, i) => {
    const line = raw.replace(/\r$/, '');
    const head = /^(conn|config|ca)\s+(\S+)/.exec(line);
    if (head) {
      cur = head[1] === 'conn' ? { name: head[2], start: i, end: i, keys: new Map() } : undefined;
      if (cur) out.push(cur);
      return;
    }
    if (!cur) return;
    if (/^\s+\S/.test(line)) {
      const m = /^\s+([A-Za-z0-9_-]+)\s*=\s*(.*?)\s*(#.*)?$/.exec(line);
      if (m) cur.keys.set(m[1].toLowerCase(), m[2].replace(/^"(.*)"$/, '$1'));
      if (!/^\s+#/.test(line)) cur.end = i;
    }
  });
  return out;
}

/** swanctl.conf: `connections { NAME { local_addrs remote_addrs children { CHILD { … } } } }`, read roughly */
function swanctlConnections(text: string): { name: string; local: string[]; remote: string[]; children: string[] }[] {
  const out: { name: string; local: string[]; remote: string[]; children: string[] }[] = [];
  const stack: string[] = [];
  let cur: (typeof out)[number] | undefined;
  for (const raw of text.split('\n')) {
    const line = raw.replace(/#.*$/, '').trim();
    if (!line) continue;
    const open = /^([A-Za-z0-9_.-]+)\s*\{$/.exec(line);
    if (open) {
      stack.push(open[1]);
      if (stack.length === 2 && stack[0] === 'connections') {
        cur = { name: open[1], local: [], remote: [], children: [] };
        out.push(cur);
      }
      if (stack.length === 4 && stack[0] === 'connections' && stack[2] === 'children' && cur) cur.children.push(open[1]);
      continue;
    }
    if (line === '}') {
      stack.pop();
      continue;
    }
    const kv = /^([A-Za-z0-9_]+)\s*=\s*(.*)$/.exec(line);
    if (kv && stack.length === 2 && stack[0] === 'connections' && cur) {
      const vals = kv[2].split(',').map((v) => v.trim().replace(/^"(.*)"$/, '$1')).filter(Boolean);
      if (kv[1] === 'local_addrs') cur.local = vals;
      if (kv[1] === 'remote_addrs') cur.remote = vals;
    }
  }
  return out;
}

const isIp = (s: string) => /^[0-9.]+$/.test(s) || (s.includes(':') && /^[0-9a-fA-F:.]+$/.test(s));

/** the local and remote addresses a side's config names (for its one conn) */
function sideAddresses(side: SideSpec, text: string): { local: string[]; remote: string[]; conn: string; child?: string } {
  if (side.daemon === 'pluto') {
    const conns = ipsecConns(text).filter((c) => !c.name.startsWith('%') && (!side.conn || c.name === side.conn));
    if (conns.length !== 1) throw new Error(`${side.conf}: expected one conn${side.conn ? ` named ${side.conn}` : ''}, found ${conns.map((c) => c.name).join(', ') || 'none'}`);
    const c = conns[0];
    const left = c.keys.get('left') ?? '';
    const right = c.keys.get('right') ?? '';
    if (!isIp(left) || !isIp(right)) throw new Error(`${side.conf}: conn ${c.name} needs literal left= and right= addresses (got ${left}, ${right})`);
    return { local: [left], remote: [right], conn: c.name };
  }
  const conns = swanctlConnections(text).filter((c) => !side.conn || c.name === side.conn);
  if (conns.length !== 1) throw new Error(`${side.conf}: expected one connection${side.conn ? ` named ${side.conn}` : ''}`);
  const c = conns[0];
  const local = c.local.filter(isIp);
  const remote = c.remote.filter(isIp);
  if (!local.length || !remote.length) throw new Error(`${side.conf}: connection ${c.name} needs literal local_addrs and remote_addrs`);
  const child = side.child ?? (c.children.length === 1 ? c.children[0] : undefined);
  if (!child) throw new Error(`${side.conf}: name the child to initiate (children: ${c.children.join(', ')})`);
  return { local, remote, conn: c.name, child };
}

// ---------------------------------------------------------------- what the daemons read
/** Libreswan 3.25's defaults, written out for pluto 4.10 where the conn leaves the key out */
export function emulateLibreswan325(text: string, rewrites: string[]): string {
  const lines = text.split('\n');
  const inserts: { after: number; lines: string[] }[] = [];
  for (const c of ipsecConns(text)) {
    if (c.name === '%default') continue;
    const add: string[] = [];
    const ikev2 = c.keys.get('ikev2');
    const v1 = ikev2 === undefined || /^(no|never|permit|propose)$/i.test(ikev2);
    if (ikev2 === undefined) add.push('ikev2=no');
    else if (/^(permit|propose)$/i.test(ikev2)) {
      const i = lines.findIndex((l, n) => n > c.start && n <= c.end && /^\s+ikev2\s*=/.test(l));
      lines[i] = lines[i].replace(/ikev2\s*=\s*\S+/, 'ikev2=no');
      rewrites.push(`${c.name}: ikev2=${ikev2} read as ikev2=no (3.25: initiate IKEv1)`);
    }
    if (!c.keys.has('esp') && !c.keys.has('phase2alg')) add.push('esp=aes-sha1');
    if (!c.keys.has('ike')) {
      const groups = v1 ? ['modp2048', 'modp1536'] : ['modp2048'];
      add.push(`ike=${['aes', '3des'].flatMap((e) => ['sha2_256', 'sha2_512', 'sha1'].map((h) => `${e}-${h};${groups.join('+')}`)).join(',')}`);
    }
    if (!c.keys.has('ikelifetime') && !c.keys.has('ike_lifetime')) add.push('ikelifetime=1h');
    if (add.length) {
      inserts.push({ after: c.end, lines: add.map((a) => `\t${a}`) });
      rewrites.push(`${c.name}: Libreswan 3.25 defaults written out: ${add.join(' ')}`);
    }
  }
  for (const ins of inserts.sort((a, b) => b.after - a.after)) lines.splice(ins.after + 1, 0, ...ins.lines);
  return lines.join('\n');
}

function plutoConf(text: string, dir: string, side: SideSpec, rewrites: string[]): string {
  let t = side.emulate === '3.25' ? emulateLibreswan325(text, rewrites) : text;
  t = t.replace(/^(\s+auto\s*=\s*)(start|route|ondemand)\b/gm, (_m, pre: string, v: string) => {
    rewrites.push(`${side.conf}: auto=${v} read as auto=add (the lab initiates)`);
    return `${pre}add`;
  });
  const setup = [`logfile=${join(dir, 'pluto.log')}`, 'logappend=no', `dumpdir=${dir}`, 'plutodebug=none', 'uniqueids=no'];
  if (side.emulate === '3.25' && !/^\s+ikev1-policy\s*=/m.test(t)) {
    // 3.25 has no ikev1-policy and speaks IKEv1; Debian's 4.10 refuses to add an IKEv1 conn without it
    setup.push('ikev1-policy=accept');
    rewrites.push(`${side.conf}: config setup ikev1-policy=accept (3.25 accepts IKEv1)`);
  }
  const own = setup.map((l) => `\t${l}`).join('\n');
  // the lab's settings go first in the file's own config setup, or in one of their own
  if (/^config\s+setup\s*$/m.test(t)) return t.replace(/^config\s+setup\s*$/m, (h) => `${h}\n${own}`);
  return `config setup\n${own}\n\n${t}`;
}

function swanctlConf(text: string, side: SideSpec, rewrites: string[]): string {
  return text.replace(/^(\s*start_action\s*=\s*)(start|trap|trap\|start|start\|trap)\s*$/gm, (_m, pre: string, v: string) => {
    rewrites.push(`${side.conf}: start_action = ${v} read as none (the lab initiates)`);
    return `${pre}none`;
  });
}

// ---------------------------------------------------------------- one daemon, started and ready
interface Running {
  daemon: Daemon;
  proc: Proc;
  dir: string;
  log: () => string;
  initiate(): void;
  rekey(): void;
  stop(): Promise<void>;
}

async function startPluto(ns: string, dir: string, nss: string, conf: string, secrets: string, conn: string, deadline: number): Promise<Running> {
  mkdirSync(join(dir, 'run'), { recursive: true });
  mkdirSync(join(dir, 'ipsec.d'), { recursive: true });
  writeFileSync(join(dir, 'ipsec.conf'), conf);
  writeFileSync(join(dir, 'ipsec.secrets'), secrets, { mode: 0o600 });
  const logPath = join(dir, 'pluto.log');
  const ctl = join(dir, 'run', 'pluto.ctl');
  const proc = startIn(ns, PLUTO, [
    '--nofork', '--config', join(dir, 'ipsec.conf'), '--rundir', join(dir, 'run'), '--nssdir', nss,
    '--secretsfile', join(dir, 'ipsec.secrets'), '--ipsecdir', join(dir, 'ipsec.d'), '--logfile', logPath,
    '--log-no-time', '--log-no-append',
  ]);
  const log = () => readLog(logPath);
  const extra: Proc[] = [];
  const r: Running = {
    daemon: 'pluto',
    proc,
    dir,
    log,
    initiate: () => {
      extra.push(startIn(ns, WHACK, ['--ctlsocket', ctl, '--name', conn, '--initiate', '--asynchronous']));
    },
    rekey: () => {
      extra.push(startIn(ns, WHACK, ['--ctlsocket', ctl, '--name', conn, '--rekey-ipsec', '--asynchronous']));
    },
    stop: async () => {
      for (const e of extra) await stop(e, 1000);
      await stop(proc);
    },
  };
  // ready: the conn is added and the secrets are loaded (logged after the interfaces are listening)
  const ready = await until(() => {
    if (proc.exited) return 'exited';
    const l = log();
    return /^loading secrets from /m.test(l) ? 'ready' : undefined;
  }, deadline);
  if (ready !== 'ready') {
    await r.stop();
    throw new Error(`pluto in ${ns} ${ready === 'exited' ? `exited at start (${JSON.stringify(proc.exited)})` : 'was not ready in time'}: ${tail(log() || proc.output())}`);
  }
  const added = new RegExp(`^"${escapeRe(conn)}": added IKEv[12] connection`, 'm');
  if (!added.test(log())) {
    await r.stop();
    throw new Error(`pluto in ${ns} did not add conn ${conn}: ${tail(log())}`);
  }
  return r;
}

async function startCharon(ns: string, dir: string, conf: string, conn: string, child: string, deadline: number): Promise<Running> {
  mkdirSync(dir, { recursive: true });
  const confPath = join(dir, 'strongswan.conf');
  writeFileSync(confPath, strongswanConf(dir, { writer: 'live negotiation (test/helpers/liveNegotiation.ts)', log: 'live', levels: { knl: 2, chd: 2, ike: 2, cfg: 2 }, charon: ['retransmit_tries = 3'] }));
  const swan = join(dir, 'swanctl');
  for (const d of ['x509', 'x509ca', 'x509ocsp', 'x509aa', 'x509ac', 'x509crl', 'pubkey', 'private', 'rsa', 'ecdsa', 'bliss', 'pkcs8', 'pkcs12']) {
    mkdirSync(join(swan, d), { recursive: true });
  }
  writeFileSync(join(swan, 'swanctl.conf'), conf, { mode: 0o600 });
  const env: NodeJS.ProcessEnv = { ...process.env, STRONGSWAN_CONF: confPath };
  const logPath = join(dir, 'charon.log');
  const proc = startIn(ns, CHARON, [], env);
  const log = () => readLog(logPath);
  const extra: Proc[] = [];
  const swanctl = (args: string[]) => run('ip', ['netns', 'exec', ns, 'env', `STRONGSWAN_CONF=${confPath}`, SWANCTL, ...args], undefined, 10_000);
  const r: Running = {
    daemon: 'charon',
    proc,
    dir,
    log,
    initiate: () => {
      extra.push(startIn(ns, SWANCTL, ['--initiate', '--ike', conn, '--child', child, '--timeout', '20'], env));
    },
    rekey: () => {
      extra.push(startIn(ns, SWANCTL, ['--rekey', '--child', child], env));
    },
    stop: async () => {
      for (const e of extra) await stop(e, 1000);
      await stop(proc);
    },
  };
  let last = '';
  const ready = await until(() => {
    if (proc.exited) return 'exited';
    const s = swanctl(['--stats']);
    last = s.out + s.err;
    return s.rc === 0 && /uptime/.test(s.out) ? 'ready' : undefined;
  }, deadline, 20);
  if (ready !== 'ready') {
    await r.stop();
    throw new Error(`charon in ${ns} ${ready === 'exited' ? `exited at start (${JSON.stringify(proc.exited)})` : 'did not answer on its vici socket in time'}: ${tail(last + proc.output())}`);
  }
  const load = run('ip', ['netns', 'exec', ns, 'env', `STRONGSWAN_CONF=${confPath}`, SWANCTL, '--load-all', '--noprompt', '--file', join(swan, 'swanctl.conf')]);
  if (load.rc !== 0 || !new RegExp(`^loaded connection '${escapeRe(conn)}'$`, 'm').test(load.out)) {
    await r.stop();
    throw new Error(`charon in ${ns} did not load connection ${conn}: ${tail(load.out + load.err)}`);
  }
  return r;
}

/** how long a verdict may wait for the other side's line */
const SETTLE_MS = 300;

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const tail = (s: string, n = 12) => s.trim().split('\n').slice(-n).join('\n');

// ---------------------------------------------------------------- the verdict, from the two logs
interface Decided {
  verdict: Verdict;
  evidence: string[];
  kernel?: NegotiationResult['kernel'];
  notes: string[];
}

type Who = 'initiator' | 'responder';
type ByDaemon = { pluto?: RegExp; charon?: RegExp };
/** One decisive event: the verdict, what each daemon logs for it, and whose log may show it. */
interface Rule extends ByDaemon {
  verdict: Verdict;
  side?: Who;
}

// What pluto 4.10 (no debugging) and charon 5.9.8 (log level 1; knl, chd, ike, cfg 2) log, as
// observed in the lab (the pattern of a line never seen here is marked "from the source").
const KERNEL_PLUTO = /netlink response for Add SA (\S+): (.*?) \(errno (\d+)\)/;
const KERNEL_CHARON_NETLINK = /received netlink error: (.*) \((\d+)\)/;
const KERNEL_CHARON_SAD = /unable to add SAD entry with SPI \S+/;
/** Refusals during IKE_SA_INIT and IKE_AUTH; the first rule that matches decides. */
const RULES: Rule[] = [
  {
    verdict: 'IKE version refused',
    // an IKEv2-only responder drops IKEv1 (Debian 12's 4.10 has ikev1-policy=drop), or has no
    // IKEv1 conn; an IKEv1-only responder answers IKE_SA_INIT with NO_PROPOSAL_CHOSEN
    pluto: /ignoring IKEv1 packet as policy is set to silently drop all IKEv1 packets|initial Main Mode message received but no connection has been authorized|IKE_SA_INIT message received on .* but no suitable connection found with IKEv2 policy/,
    charon: /no IKE config found for .* sending NO_PROPOSAL_CHOSEN|IKEv1 .* not supported/,
    side: 'responder',
  },
  {
    verdict: 'NO_PROPOSAL_CHOSEN in IKE_SA_INIT',
    pluto: /no local proposal matches remote proposals \d+:IKE:|responding to IKE_SA_INIT .*with unencrypted notification NO_PROPOSAL_CHOSEN/,
    charon: /received proposals unacceptable|(generating|parsed) IKE_SA_INIT (response|request) \d+ \[ N\(NO_PROP\) \]|received NO_PROPOSAL_CHOSEN notify error/,
  },
  {
    verdict: 'AUTHENTICATION_FAILED',
    pluto: /rejected by peer: AUTHENTICATION_FAILED|authentication failed: computed hash does not match|with encrypted notification AUTHENTICATION_FAILED/,
    charon: /received AUTHENTICATION_FAILED notify error|tried \d+ shared keys? for .* but MAC mismatched|(generating|parsed) IKE_AUTH (response|request) \d+ \[ N\(AUTH_FAILED\) \]/,
  },
  {
    verdict: 'NO_PROPOSAL_CHOSEN in IKE_AUTH (mode)',
    pluto: /policy dictates Transport Mode, but peer requested Tunnel Mode/,
  },
  {
    verdict: 'NO_PROPOSAL_CHOSEN in IKE_AUTH (ESP)',
    pluto: /no local proposal matches remote proposals \d+:(ESP|AH):|IKE_AUTH response rejected Child SA with NO_PROPOSAL_CHOSEN/,
    charon: /no acceptable proposal found|received NO_PROPOSAL_CHOSEN notify, no CHILD_SA built/,
  },
  {
    verdict: 'TS_UNACCEPTABLE',
    pluto: /No IKEv2 connection found with compatible Traffic Selectors|IKE_AUTH response rejected Child SA with TS_UNACCEPTABLE/,
    charon: /traffic selectors .* (unacceptable|inacceptable)|received TS_UNACCEPTABLE notify, no CHILD_SA built/,
  },
];
const IKE_UP: Required<ByDaemon> = { pluto: /initiator established IKE SA|IKE SA established \{auth=/, charon: /IKE_SA \S+\[\d+\] established between/ };
// from the source (pluto: "initiator established Child SA using #1; IPsec transport …"; IKEv1
// "IPsec SA established"; charon: "CHILD_SA gre{1} established with SPIs …")
const CHILD_UP: Required<ByDaemon> = { pluto: /established Child SA|IPsec SA established/, charon: /CHILD_SA \S+\{\d+\} established with SPIs/ };
/** after the first CHILD_SA: the rekey's outcome (from the source) */
const REKEY_OK: Required<ByDaemon> = { pluto: /rekeyed Child SA/, charon: /CHILD_SA \S+\{\d+\} established with SPIs/ };
const REKEY_REFUSED: Required<ByDaemon> = {
  pluto: /NO_PROPOSAL_CHOSEN|no local proposal matches remote proposals/,
  charon: /N\(NO_PROP\)|no acceptable proposal found|received NO_PROPOSAL_CHOSEN notify/,
};
const ESP_CHOSEN: Required<ByDaemon> = { pluto: /proposal \S+:ESP=.* chosen from remote proposals|responding to Quick Mode proposal/, charon: /selected proposal: ESP:/ };

const lines = (log: string) => log.split('\n');
const first = (log: string, re: RegExp | undefined) => (re ? lines(log).find((l) => re.test(l)) : undefined);
/** the log after the first line matching re ('' when none does) */
const after = (log: string, re: RegExp) => {
  const ls = lines(log);
  const i = ls.findIndex((l) => re.test(l));
  return i < 0 ? '' : ls.slice(i + 1).join('\n');
};

/**
 * A responder that answers tunnel mode to a request for transport mode (RFC 7296 §1.3.1 allows
 * it): pluto says so; charon does not, so it is read from its request summary (N(USE_TRANSP)) and
 * the child's loaded `mode = TUNNEL`.
 */
function modeDowngrade(d: Daemon, log: string): string | undefined {
  if (d === 'pluto') return first(log, /policy dictates Tunnel Mode, ignoring peer's request for Transport Mode/);
  const req = first(log, /parsed IKE_AUTH request \d+ \[.*N\(USE_TRANSP\).*\]/);
  const mode = first(log, /^\S+ \d+\[CFG\]\s+mode = TUNNEL$/);
  return req && mode ? `${req.trim()} (child loaded with mode = TUNNEL)` : undefined;
}

export function classify(pair: Pick<PairSpec, 'initiator' | 'responder' | 'rekeyChild'>, ilog: string, rlog: string, rekeyAsked: boolean): Decided | undefined {
  const sides: { who: Who; daemon: Daemon; log: string }[] = [
    { who: 'initiator', daemon: pair.initiator.daemon, log: ilog },
    { who: 'responder', daemon: pair.responder.daemon, log: rlog },
  ];
  const said = (s: (typeof sides)[number], l: string) => `${s.who} ${s.daemon}: ${l.trim()}`;
  const any = (m: ByDaemon, only?: Who, text: (s: (typeof sides)[number]) => string = (s) => s.log) => {
    for (const s of sides) {
      if (only && s.who !== only) continue;
      const l = first(text(s), m[s.daemon]);
      if (l !== undefined) return said(s, l);
    }
    return undefined;
  };
  const notes: string[] = [];
  const r = sides[1];
  const down = modeDowngrade(r.daemon, r.log);
  if (down) notes.push(`the responder answered tunnel mode to a transport-mode request: ${said(r, down)}`);

  // The kernel's refusal first: it comes only after everything else was agreed, and what follows
  // it is its consequence (pluto answers TS_UNACCEPTABLE, charon NO_PROPOSAL_CHOSEN).
  for (const s of sides) {
    let kernel: NegotiationResult['kernel'] | undefined;
    let l: string | undefined;
    if (s.daemon === 'pluto' && (l = first(s.log, KERNEL_PLUTO))) {
      const k = KERNEL_PLUTO.exec(l)!;
      kernel = { line: l.trim(), message: k[2], errno: Number(k[3]) };
    } else if (s.daemon === 'charon' && first(s.log, KERNEL_CHARON_SAD)) {
      l = first(s.log, KERNEL_CHARON_NETLINK) ?? first(s.log, KERNEL_CHARON_SAD)!;
      const k = KERNEL_CHARON_NETLINK.exec(l);
      kernel = { line: l.trim(), message: k ? k[1] : l.trim(), errno: k ? Number(k[2]) : undefined };
    }
    if (kernel) {
      const negotiated = any(ESP_CHOSEN, 'responder');
      if (negotiated) kernel.negotiated = negotiated;
      const evidence = [any(IKE_UP, 'initiator'), negotiated, said(s, l!)].filter((x): x is string => !!x);
      return { verdict: 'kernel refused the CHILD_SA', evidence, kernel, notes };
    }
  }
  // The CHILD_SA is up: done, or (rekeyChild) wait for the rekey's outcome, read after that line.
  const child = any(CHILD_UP, 'initiator');
  if (child) {
    if (!pair.rekeyChild) return { verdict: 'established', evidence: [child], notes };
    if (!rekeyAsked) return undefined;
    const rest = (s: (typeof sides)[number]) => after(s.log, CHILD_UP[s.daemon]);
    const refused = any(REKEY_REFUSED, undefined, rest);
    if (refused) return { verdict: 'NO_PROPOSAL_CHOSEN in CREATE_CHILD_SA', evidence: [child, refused], notes };
    const ok = any(REKEY_OK, 'initiator', rest);
    return ok ? { verdict: 'established', evidence: [child, ok], notes } : undefined;
  }
  for (const rule of RULES) {
    const hits = sides
      .filter((s) => !rule.side || rule.side === s.who)
      .map((s) => [s, first(s.log, rule[s.daemon])] as const)
      .filter((h): h is readonly [(typeof sides)[number], string] => h[1] !== undefined);
    if (hits.length) return { verdict: rule.verdict, evidence: hits.map(([s, l]) => said(s, l)), notes };
  }
  return undefined;
}

// ---------------------------------------------------------------- the lab
function requireLab(): void {
  if (process.platform !== 'linux') throw new LabUnavailable('live negotiations need Linux network namespaces');
  if (process.getuid?.() !== 0) {
    throw new LabUnavailable(
      'live negotiations need root to create network namespaces (ip netns add, CAP_SYS_ADMIN and CAP_NET_ADMIN): ' +
        'run the oracle tier as root (sudo npm run test:all), or in a container started with --cap-add=SYS_ADMIN --cap-add=NET_ADMIN (or --privileged)',
    );
  }
  if (run('ip', ['-V']).rc !== 0) throw new LabUnavailable("'ip' is missing: apt-get install iproute2");
}

function requireDaemon(d: Daemon): void {
  if (d === 'pluto') {
    for (const p of [PLUTO, WHACK, CERTUTIL]) if (!existsSync(p)) throw new LabUnavailable(`${p} is missing: apt-get install libreswan libnss3-tools`);
  } else {
    for (const p of [CHARON, SWANCTL]) if (!existsSync(p)) throw new LabUnavailable(`${p} is missing: node scripts/install-strongswan.mjs (as root)`);
  }
}

const ESP_PROBE = (src: string, dst: string) =>
  `xfrm state add src ${src} dst ${dst} proto esp spi 0x00001000 mode transport enc cbc(aes) 0x000102030405060708090a0b0c0d0e0f auth-trunc hmac(sha1) 0x000102030405060708090a0b0c0d0e0f10111213 96`;
const AEAD_PROBE = (src: string, dst: string) =>
  `xfrm state add src ${src} dst ${dst} proto esp spi 0x00001001 mode transport aead rfc4106(gcm(aes)) 0x000102030405060708090a0b0c0d0e0f10111213 128`;

export async function openLab(): Promise<Lab> {
  requireLab();
  const tag = `${process.pid % 100000}${Math.floor(Math.random() * 90 + 10)}`;
  const ns: [string, string] = [`tl-live-${tag}-i`, `tl-live-${tag}-r`];
  const veth: [string, string] = [`tlv${tag}i`, `tlv${tag}r`];
  const dir = mkdtempSync(join(tmpdir(), 'tunnel-lens-live-'));
  const reg = { namespaces: [] as string[], dir };
  labsAlive.add(reg);
  const close = async () => {
    for (const p of [...live.values()]) await stop(p);
    for (const n of reg.namespaces) run('ip', ['netns', 'delete', n]);
    reg.namespaces = [];
    rmSync(dir, { recursive: true, force: true });
    labsAlive.delete(reg);
  };
  try {
    for (const n of ns) {
      const r = run('ip', ['netns', 'add', n]);
      if (r.rc !== 0) {
        throw new LabUnavailable(
          `ip netns add ${n} failed: ${r.err.trim()}. Live negotiations need network namespaces: run as root with CAP_SYS_ADMIN ` +
            `(a container needs --cap-add=SYS_ADMIN --cap-add=NET_ADMIN or --privileged, and a writable /run/netns)`,
        );
      }
      reg.namespaces.push(n);
    }
    const v = run('ip', ['link', 'add', veth[0], 'netns', ns[0], 'type', 'veth', 'peer', 'name', veth[1], 'netns', ns[1]]);
    if (v.rc !== 0) throw new LabUnavailable(`ip link add … type veth failed: ${v.err.trim()} (the kernel needs CONFIG_VETH)`);
    for (let i = 0; i < 2; i++) must('ip', ['-n', ns[i], '-batch', '-'], `link set lo up\nlink set ${veth[i]} up\n`);
    // the kernel's ESP, probed once in the initiator's namespace (nothing of it reaches the host)
    const probe = ESP_PROBE('192.0.2.250', '192.0.2.251');
    const e = run('ip', ['-n', ns[0], ...probe.split(' ')]);
    const a = run('ip', ['-n', ns[0], ...AEAD_PROBE('192.0.2.250', '192.0.2.252').split(' ')]);
    run('ip', ['-n', ns[0], 'xfrm', 'state', 'flush']);
    const esp: KernelEsp = {
      supported: e.rc === 0,
      probe: `ip ${probe}`,
      answer: e.rc === 0 ? 'installed' : (e.err || e.out).trim(),
      aead: a.rc === 0 ? 'installed' : (a.err || a.out).trim(),
    };
    const nssDirs = new Map<string, string>();
    const nssFor = (key: string) => {
      let p = nssDirs.get(key);
      if (!p) {
        p = join(dir, `nss-${key}`);
        mkdirSync(p, { recursive: true });
        must(CERTUTIL, ['-N', '-d', `sql:${p}`, '--empty-password']);
        nssDirs.set(key, p);
      }
      return p;
    };
    let n = 0;
    const negotiate = async (pair: PairSpec, opts: { deadlineMs?: number } = {}): Promise<NegotiationResult> => {
      const t0 = Date.now();
      const deadlineMs = opts.deadlineMs ?? 10_000;
      requireDaemon(pair.initiator.daemon);
      requireDaemon(pair.responder.daemon);
      const sides = [pair.initiator, pair.responder];
      const texts = sides.map((s) => {
        const t = pair.files[s.conf];
        if (t === undefined) throw new Error(`${pair.name}: no file ${s.conf}`);
        return t;
      });
      const addr = sides.map((s, i) => sideAddresses(s, texts[i]));
      // the two ends must name each other
      for (const [a, b] of [[0, 1], [1, 0]]) {
        for (const r of addr[a].remote) {
          if (!addr[b].local.includes(r)) throw new Error(`${pair.name}: ${sides[a].conf} points at ${r}, which ${sides[b].conf} does not name as its own address`);
        }
      }
      // addresses on the veth, routes to the peer's, no XFRM left from the previous negotiation
      for (let i = 0; i < 2; i++) {
        const own = addr[i].local;
        const peer = addr[1 - i].local;
        for (const fam of ['-4', '-6']) run('ip', ['-n', ns[i], fam, 'route', 'flush', 'dev', veth[i], 'proto', 'boot']);
        const cmds = [`xfrm state flush`, `xfrm policy flush`, `addr flush dev ${veth[i]} scope global`];
        for (const a of own) cmds.push(a.includes(':') ? `addr add ${a}/128 dev ${veth[i]} nodad` : `addr add ${a}/32 dev ${veth[i]}`);
        for (const p of peer) cmds.push(`route replace ${p}/${p.includes(':') ? 128 : 32} dev ${veth[i]}`);
        const b = run('ip', ['-n', ns[i], '-batch', '-'], cmds.join('\n') + '\n');
        if (b.rc !== 0) throw new Error(`${pair.name}: setting addresses in ${ns[i]} failed: ${b.err.trim()}`);
      }
      const caseDir = join(dir, `case-${++n}`);
      const rewrites: string[] = [];
      const conf = sides.map((s, i) => {
        const d = join(caseDir, i === 0 ? 'initiator' : 'responder');
        mkdirSync(d, { recursive: true });
        return s.daemon === 'pluto' ? plutoConf(texts[i], d, s, rewrites) : swanctlConf(texts[i], s, rewrites);
      });
      const started: Running[] = [];
      const deadline = Date.now() + deadlineMs;
      try {
        for (const i of [1, 0]) {
          const s = sides[i];
          const d = join(caseDir, i === 0 ? 'initiator' : 'responder');
          if (s.daemon === 'pluto') {
            if (!s.secrets || pair.files[s.secrets] === undefined) throw new Error(`${pair.name}: ${s.conf} needs its ipsec.secrets`);
            started.push(await startPluto(ns[i], d, nssFor(String(i)), conf[i], pair.files[s.secrets], addr[i].conn, deadline));
          } else {
            started.push(await startCharon(ns[i], d, conf[i], addr[i].conn, addr[i].child!, deadline));
          }
        }
        const [responder, initiator] = started;
        initiator.initiate();
        let rekeyAsked = false;
        // poll both logs until a verdict, then a little longer (SETTLE_MS at most) until both sides'
        // lines are in: the responder often logs the decisive line before the initiator reacts
        let decided: Decided | undefined;
        let decidedAt = 0;
        await until(() => {
          const ilog = initiator.log();
          const rlog = responder.log();
          if (pair.rekeyChild && !rekeyAsked && CHILD_UP[pair.initiator.daemon].test(ilog)) {
            initiator.rekey();
            rekeyAsked = true;
          }
          const d = classify(pair, ilog, rlog, rekeyAsked);
          if (!d) return undefined;
          if (!decided || d.verdict !== decided.verdict) decidedAt = Date.now();
          decided = d;
          const both = d.evidence.some((e) => e.startsWith('initiator')) && d.evidence.some((e) => e.startsWith('responder'));
          return both || Date.now() - decidedAt >= SETTLE_MS ? d : undefined;
        }, deadline, 20);
        const ilog = initiator.log();
        const rlog = responder.log();
        const ikeEstablished = IKE_UP[pair.initiator.daemon].test(ilog);
        return {
          verdict: decided?.verdict ?? 'no verdict',
          ikeEstablished,
          evidence: decided?.evidence ?? [],
          kernel: decided?.kernel,
          notes: decided?.notes ?? [],
          addresses: { initiator: addr[0].local, responder: addr[1].local },
          rewrites,
          logs: { initiator: ilog, responder: rlog },
          ms: Date.now() - t0,
        };
      } finally {
        for (const s of started.reverse()) await s.stop();
        rmSync(caseDir, { recursive: true, force: true });
      }
    };
    return {
      dir,
      namespaces: ns,
      esp,
      negotiate,
      running: () => [...live.keys()],
      close,
    };
  } catch (e) {
    await close();
    throw e;
  }
}
