// The strongSwan oracle for swanctl.conf: a private charon-systemd (Debian 12: 5.9.8) in its own
// network namespace, fed with `swanctl --load-all` over its own vici socket, following the recipe
// of shared/corpus/strongswan-swanctl/README.md ("How the verdicts were obtained").
//
//   const charon = await startCharon();          // throws with an install hint when missing
//   const r = await charon.load('/path/to/swanctl.conf');     // or charon.load({ text: '…' })
//   r.verdict, r.conns, r.syntaxError, r.raw
//   await charon.stop();                          // kills exactly the PID it started
//
// Isolation: the daemon runs under `unshare --net` (an empty network namespace: start_action=trap
// or start cannot install XFRM state on the host or send IKE packets anywhere), with a private
// strongswan.conf (STRONGSWAN_CONF) whose vici socket, log and resolv.conf live in a temp folder,
// so it never talks to, or disturbs, a system daemon. Needs root (unshare --net).
//
// Secrets: `raw` is swanctl's output, which names secrets but never prints their values; every
// `secret`/`pin` value found in the loaded files is redacted from it all the same. The daemon's
// own log (which can be verbose) stays in the temp folder and is removed by stop().
//
// Credentials: like the corpus recipe, files named by `certs`, `cacerts`, `pubkeys`,
// authorities' `cacert` and secrets' `file` (rsa, ecdsa, pkcs8, private, pkcs12) are replaced by
// placeholders (one self-signed RSA certificate, keys, a PKCS#12 under the file's secret), written
// next to a scratch copy of the file, so a connection is judged by charon and not refused by
// swanctl for a missing file. Not covered: `cert<suffix> { file = … }` / `handle`/`slot` sections
// and absolute credential paths (swanctl or charon then report the missing file as the error).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';

export const CHARON = '/usr/sbin/charon-systemd';
export const SWANCTL = '/usr/sbin/swanctl';
const INSTALL_HINT = 'install it with: node scripts/install-strongswan.mjs (as root)';

/** Debian 12 charon-systemd's default plugin list (load_modular with its strongswan.d), written out. */
const CHARON_PLUGINS =
  'aesni aes rc2 sha2 sha1 md5 mgf1 random nonce x509 revocation constraints pubkey pkcs1 pkcs7 pkcs12 pgp ' +
  'dnskey sshkey pem openssl pkcs8 fips-prf gmp agent xcbc hmac kdf gcm drbg attr kernel-netlink resolve ' +
  'socket-default connmark vici updown counters';
/** what swanctl needs, all installed, so it prints no "plugin failed to load" noise */
const SWANCTL_PLUGINS =
  'aesni aes rc2 sha2 sha1 md5 mgf1 random nonce x509 revocation constraints pubkey pkcs1 pkcs7 pkcs12 pgp ' +
  'dnskey sshkey pem openssl pkcs8 gmp hmac';

const CRED_DIRS = ['x509', 'x509ca', 'x509ocsp', 'x509aa', 'x509ac', 'x509crl', 'pubkey', 'private', 'rsa', 'ecdsa', 'bliss', 'pkcs8', 'pkcs12'];

export type Verdict = 'ACCEPT' | 'CONN_ERROR' | 'REJECT_SYNTAX' | 'NO_CONNS' | 'LOAD_ABORTED' | 'TIMEOUT' | 'NO_DAEMON';

export interface ConnResult {
  name: string;
  loaded: boolean;
  /** charon's reason, e.g. `invalid value for: proposals, config discarded` */
  error?: string;
}

export interface LoadResult {
  /** the corpus README's verdict classes */
  verdict: Verdict;
  conns: ConnResult[];
  /** set when the settings parser rejected the file; `line` when the message names one */
  syntaxError?: { line?: number; message: string };
  /** e.g. `include unresolved: ./nothere.conf`, pool/authority failures */
  notes: string[];
  /** swanctl's exit status (0 even on a syntax error in 5.9.8: classify on the output) */
  rc: number | null;
  /** swanctl's whole output (stdout and stderr in order), secrets redacted */
  raw: string;
  ms: number;
}

export interface LoadInput {
  /** config text; loaded as `swanctl.conf` in a scratch folder */
  text?: string;
  /** a swanctl.conf on disk; it is copied (with what it includes) to a scratch folder */
  file?: string;
}

export interface Charon {
  pid: number;
  /** the scratch folder of this daemon (strongswan.conf, vici socket, log) */
  dir: string;
  /** e.g. `5.9.8` */
  version: string;
  /** ms from spawn to the first answer of `swanctl --stats` */
  startMs: number;
  load(input: string | LoadInput): Promise<LoadResult>;
  /** unload every connection, pool, authority and credential; true when the daemon holds none */
  clear(): Promise<boolean>;
  stop(): Promise<void>;
}

export class CharonUnavailable extends Error {}

/** Throws CharonUnavailable, saying how to install, when the oracle cannot run here. */
export function requireCharon(): void {
  const missing = [CHARON, SWANCTL].filter((p) => !existsSync(p));
  if (missing.length) throw new CharonUnavailable(`strongSwan is not installed (${missing.join(', ')} missing): ${INSTALL_HINT}`);
  if (process.platform !== 'linux') throw new CharonUnavailable('the charon oracle runs on Linux only');
  if (process.getuid?.() !== 0) throw new CharonUnavailable('the charon oracle needs root (unshare --net)');
  for (const tool of ['unshare', 'openssl']) {
    if (spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0) {
      throw new CharonUnavailable(`'${tool}' is missing (Debian: util-linux / openssl)`);
    }
  }
}

/** true when startCharon() can work on this machine */
export function charonAvailable(): boolean {
  try {
    requireCharon();
    return true;
  } catch {
    return false;
  }
}

export interface StrongswanConfOptions {
  /** Who writes it, for the file's header comment. */
  writer: string;
  /** The filelog's name. */
  log: string;
  /** Log levels beyond `default = 1` (live negotiations read knl, chd, ike, cfg at 2). */
  levels?: Record<string, number>;
  /** More `charon { }` settings, one `key = value` each. */
  charon?: string[];
}

/** A private strongswan.conf: our plugin lists, no routes, vici and resolv.conf under `dir`, one filelog. */
export function strongswanConf(dir: string, o: StrongswanConfOptions): string {
  const sock = `unix://${join(dir, 'charon.vici')}`;
  const extra = (o.charon ?? []).map((l) => `\t${l}\n`).join('');
  const levels = Object.entries(o.levels ?? {}).map(([k, v]) => `\t\t\t${k} = ${v}\n`).join('');
  return `# private strongswan.conf of a Tunnel Lens ${o.writer}
charon {
	load_modular = no
	load = ${CHARON_PLUGINS}
	install_routes = no
${extra}	plugins {
		vici {
			socket = ${sock}
		}
		resolve {
			file = ${join(dir, 'resolv.conf')}
		}
	}
	journal {
		default = -1
	}
	syslog {
		daemon {
			default = -1
		}
	}
	filelog {
		${o.log} {
			path = ${join(dir, 'charon.log')}
			default = 1
${levels}			flush_line = yes
			time_format = %s
		}
	}
}
swanctl {
	socket = ${sock}
	load = ${SWANCTL_PLUGINS}
}
`;
}

interface Run {
  rc: number | null;
  out: string;
  ms: number;
}

/** run a command with stdout and stderr merged in order (line-buffered), like the corpus recipe */
function runMerged(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv, timeoutMs: number): Promise<Run> {
  const t0 = Date.now();
  return new Promise((resolvePromise) => {
    const p = spawn('sh', ['-c', 'exec stdbuf -oL -eL "$@" 2>&1', 'sh', cmd, ...args], {
      cwd,
      env,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    let out = '';
    p.stdout!.setEncoding('utf8');
    p.stdout!.on('data', (d: string) => (out += d));
    const timer = setTimeout(() => p.kill('SIGKILL'), timeoutMs);
    p.on('close', (code, signal) => {
      clearTimeout(timer);
      resolvePromise({ rc: signal ? 124 : code, out, ms: Date.now() - t0 });
    });
    p.on('error', (e) => {
      clearTimeout(timer);
      resolvePromise({ rc: 127, out: String(e), ms: Date.now() - t0 });
    });
  });
}

// ---------------------------------------------------------------- classification of swanctl output
const R_LOADED = /^loaded connection '(.*)'$/;
const R_FAILED = /^loading connection '(.*)' failed: (.*)$/;
const R_CSUM =
  /^(?:loaded (\d+) of (\d+) connections, (\d+) failed to load|successfully loaded (\d+) connections|no connections found), (\d+) unloaded$/;
const R_SYNTAX = /syntax error|^invalid config file|^parsing .* failed$|unterminated string|unexpected string/;
const R_SYNLINE = /^(.*?):(\d+): /;
const R_OTHERFAIL = /^loading (pool|authority) '(.*)' failed: (.*)$/;
const R_NOINC = /^no files found matching '(.*)'$/;
const R_GLOBFAIL = /^expanding file pattern '(.*)' failed/;
const R_CONNECT = /^connecting to .* failed/;

export function classify(out: string): Omit<LoadResult, 'rc' | 'raw' | 'ms'> {
  const lines = out.split('\n').map((l) => l.trimEnd()).filter((l) => l.trim());
  const conns: ConnResult[] = [];
  const syntax: string[] = [];
  const notes: string[] = [];
  let summary: RegExpExecArray | null = null;
  let failedInSummary = 0;
  for (const l of lines) {
    let m: RegExpExecArray | null;
    if ((m = R_LOADED.exec(l))) conns.push({ name: m[1], loaded: true });
    else if ((m = R_FAILED.exec(l))) conns.push({ name: m[1], loaded: false, error: m[2] });
    else if ((m = R_CSUM.exec(l))) {
      summary = m;
      failedInSummary = m[3] ? Number(m[3]) : 0;
    } else if (R_SYNTAX.test(l)) syntax.push(l);
    else if (R_OTHERFAIL.test(l)) notes.push(l);
    else if ((m = R_NOINC.exec(l))) notes.push(`include unresolved: ${m[1]}`);
    else if ((m = R_GLOBFAIL.exec(l))) notes.push(`include unresolved: ${m[1]}`);
  }
  let verdict: Verdict;
  let syntaxError: LoadResult['syntaxError'];
  if (lines.some((l) => R_CONNECT.test(l))) verdict = 'NO_DAEMON';
  else if (syntax.length) {
    verdict = 'REJECT_SYNTAX';
    const withLine = syntax.map((s) => R_SYNLINE.exec(s)).find(Boolean);
    syntaxError = { message: syntax.join(' | ') };
    if (withLine) syntaxError.line = Number(withLine[2]);
  } else if (!summary) verdict = 'LOAD_ABORTED';
  else if (summary[1] === undefined && summary[4] === undefined) verdict = 'NO_CONNS';
  else if (conns.some((c) => !c.loaded) || failedInSummary > 0) verdict = 'CONN_ERROR';
  else verdict = 'ACCEPT';
  return { verdict, conns, syntaxError, notes };
}

// ---------------------------------------------------------------- scratch copies and placeholders
/** sorted matches of a glob(3)-like pattern (wildcards in any segment, no dot files) */
function globFiles(pattern: string): string[] {
  const abs = resolve(pattern);
  const parts = abs.split(sep).filter(Boolean);
  let cur: string[] = [sep];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    const last = i === parts.length - 1;
    const next: string[] = [];
    for (const base of cur) {
      if (!picomatch.scan(part).isGlob) {
        const p = join(base, part.replace(/\\(.)/g, '$1'));
        if (existsSync(p)) next.push(p);
        continue;
      }
      const re = picomatch.makeRe(part);
      let names: string[] = [];
      try {
        names = readdirSync(base);
      } catch {
        continue;
      }
      for (const n of names.sort()) if (re.test(n)) next.push(join(base, n));
    }
    cur = last ? next : next.filter((p) => safeIsDir(p));
  }
  return cur.filter((p) => safeIsFile(p));
}

function safeIsDir(p: string) {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}
function safeIsFile(p: string) {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

/** include patterns of a settings file, unquoted (a rough reading of the lexer's `inc` state) */
function includePatterns(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    const m = /^\s*include\s+("([^"]*)"|[^\s#}]+)/.exec(line);
    if (m && !/^\s*include\s*=/.test(line)) out.push(m[2] ?? m[1].replace(/\\([ "#}])/g, '$1'));
  }
  return out;
}

/**
 * Copy `file` and, recursively, the relative files it includes into `dest`, keeping their
 * positions relative to `file`. Returns the texts of all copied files.
 */
function copyWithIncludes(file: string, dest: string): string[] {
  const root = dirname(resolve(file));
  const texts: string[] = [];
  const seen = new Set<string>();
  const visit = (src: string) => {
    if (seen.has(src) || seen.size > 500) return;
    seen.add(src);
    const rel = relative(root, src);
    if (rel.startsWith('..') || isAbsolute(rel)) return; // outside the file's folder: left unresolved
    const text = readFileSync(src, 'utf8');
    texts.push(text);
    const to = join(dest, rel);
    mkdirSync(dirname(to), { recursive: true });
    copyFileSync(src, to);
    for (const pat of includePatterns(text)) {
      if (isAbsolute(pat)) continue;
      for (const m of globFiles(join(dirname(src), pat))) visit(m);
    }
  };
  visit(resolve(file));
  return texts;
}

interface CredRef {
  dir: string;
  file: string;
  password?: string;
}

/** drop a `#` comment that is not inside a double-quoted string */
function stripComment(line: string): string {
  let q = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '\\' && q) i++;
    else if (c === '"') q = !q;
    else if (c === '#' && !q) return line.slice(0, i);
  }
  return line;
}

function stripQuotes(v: string) {
  v = v.trim();
  return v.length >= 2 && v[0] === v[v.length - 1] && (v[0] === '"' || v[0] === "'") ? v.slice(1, -1) : v;
}

/** credential files named by the texts, and every secret value (for redaction) */
function credRefs(texts: string[]): { refs: CredRef[]; secrets: string[] } {
  const refs: CredRef[] = [];
  const secrets: string[] = [];
  for (const text of texts) {
    const stack: string[] = [];
    const secretOf = new Map<string, string>();
    const pending: { kind: string; file: string; sect: string }[] = [];
    for (const raw of text.split('\n')) {
      const line = stripComment(raw).trim();
      if (!line) continue;
      let m = /^([^={}\s:]+)\s*(?::\s*[^{=]+)?\{\s*(\}?)\s*$/.exec(line);
      if (m) {
        if (!m[2]) stack.push(m[1]);
        continue;
      }
      if (line === '}') {
        stack.pop();
        continue;
      }
      m = /^([A-Za-z0-9_.-]+)\s*=\s*(.*)$/.exec(line);
      if (!m) continue;
      const key = m[1];
      // an unquoted value ends at `}` (the section closes on the same line)
      const brace = m[2].startsWith('"') ? -1 : m[2].indexOf('}');
      const val = brace >= 0 ? m[2].slice(0, brace).trim() : m[2];
      if (brace >= 0) stack.pop();
      const vals = val
        .split(',')
        .map(stripQuotes)
        .filter((x) => x);
      if (key === 'secret' || key === 'pin') secrets.push(stripQuotes(val));
      if (key === 'certs') refs.push(...vals.map((file) => ({ dir: 'x509', file })));
      else if (key === 'cacerts' || key === 'cacert') refs.push(...vals.map((file) => ({ dir: 'x509ca', file })));
      else if (key === 'pubkeys') refs.push(...vals.map((file) => ({ dir: 'pubkey', file })));
      else if ((key === 'file' || key === 'secret') && stack.length >= 2 && stack[0] === 'secrets') {
        const sect = stack[stack.length - 1];
        const kind = /^[a-z0-9]+/.exec(sect)?.[0] ?? '';
        if (key === 'secret') secretOf.set(sect, stripQuotes(val));
        else if (['rsa', 'ecdsa', 'pkcs8', 'private', 'pkcs12'].includes(kind)) pending.push({ kind, file: stripQuotes(val), sect });
      }
    }
    for (const p of pending) refs.push({ dir: p.kind, file: p.file, password: secretOf.get(p.sect) ?? '' });
  }
  return { refs, secrets: secrets.filter((s) => s.length > 0) };
}

class Placeholders {
  private made = false;
  private p12 = new Map<string, string>();
  constructor(private dir: string) {}

  private openssl(args: string[], input?: string) {
    const r = spawnSync('openssl', args, { cwd: this.dir, input, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`openssl ${args[0]} failed: ${r.stderr}`);
  }

  private ensure() {
    if (this.made) return;
    mkdirSync(this.dir, { recursive: true });
    this.openssl(['genrsa', '-traditional', '-out', 'rsa.pem', '2048']);
    this.openssl([
      'req', '-x509', '-new', '-key', 'rsa.pem', '-days', '36500', '-subj', '/C=CH/O=placeholder/CN=placeholder',
      '-addext', 'basicConstraints=critical,CA:TRUE', '-out', 'cert.pem',
    ]);
    this.openssl(['x509', '-in', 'cert.pem', '-outform', 'DER', '-out', 'cert.der']);
    this.openssl(['rsa', '-in', 'rsa.pem', '-outform', 'DER', '-out', 'rsa.der']);
    this.openssl(['pkey', '-in', 'rsa.pem', '-pubout', '-out', 'pub.pem']);
    this.openssl(['pkey', '-in', 'rsa.pem', '-pubout', '-outform', 'DER', '-out', 'pub.der']);
    this.openssl(['ecparam', '-genkey', '-name', 'prime256v1', '-noout', '-out', 'ec.pem']);
    this.openssl(['pkcs8', '-topk8', '-nocrypt', '-in', 'rsa.pem', '-out', 'pkcs8.pem']);
    this.made = true;
  }

  /** path of the placeholder for a reference, or undefined when there is none */
  get(ref: CredRef): string | undefined {
    this.ensure();
    const der = ref.file.toLowerCase().endsWith('.der');
    switch (ref.dir) {
      case 'x509':
      case 'x509ca':
        return join(this.dir, der ? 'cert.der' : 'cert.pem');
      case 'pubkey':
        return join(this.dir, der ? 'pub.der' : 'pub.pem');
      case 'rsa':
      case 'private':
        return join(this.dir, der ? 'rsa.der' : 'rsa.pem');
      case 'ecdsa':
        return join(this.dir, 'ec.pem');
      case 'pkcs8':
        return join(this.dir, 'pkcs8.pem');
      case 'pkcs12': {
        const pw = ref.password ?? '';
        let p = this.p12.get(pw);
        if (!p) {
          p = join(this.dir, `p12-${this.p12.size}.p12`);
          // the password goes through stdin, never on a command line
          this.openssl(['pkcs12', '-export', '-inkey', 'rsa.pem', '-in', 'cert.pem', '-passout', 'stdin', '-out', p], `${pw}\n`);
          this.p12.set(pw, p);
        }
        return p;
      }
      default:
        return undefined;
    }
  }
}

function redact(out: string, secrets: string[]): string {
  let r = out;
  for (const s of [...secrets].sort((a, b) => b.length - a.length)) {
    if (s.length >= 1) r = r.split(s).join('<redacted>');
  }
  return r;
}

// ---------------------------------------------------------------- the daemon
const live = new Set<ChildProcess>();
process.once('exit', () => {
  for (const p of live) {
    try {
      p.kill('SIGKILL');
    } catch {
      /* already gone */
    }
  }
});

export interface StartOptions {
  /** ms to wait for the vici socket to answer (default 15000) */
  timeoutMs?: number;
  /** per swanctl call (default 20000) */
  loadTimeoutMs?: number;
}

export async function startCharon(opts: StartOptions = {}): Promise<Charon> {
  requireCharon();
  const dir = mkdtempSync(join(tmpdir(), 'tunnel-lens-charon-'));
  const confPath = join(dir, 'strongswan.conf');
  writeFileSync(confPath, strongswanConf(dir, { writer: 'test oracle (test/helpers/charon.ts)', log: 'oracle' }));
  const env: NodeJS.ProcessEnv = { ...process.env, STRONGSWAN_CONF: confPath };
  const emptyDir = join(dir, 'empty');
  mkdirSync(emptyDir);
  writeFileSync(join(emptyDir, 'empty.conf'), '');
  const placeholders = new Placeholders(join(dir, 'creds'));
  const loadTimeout = opts.loadTimeoutMs ?? 20000;

  const t0 = Date.now();
  // unshare execs charon-systemd in place: the PID of this child is the daemon's PID
  const child = spawn('unshare', ['--net', CHARON], { cwd: dir, env, stdio: ['ignore', 'ignore', 'pipe'] });
  live.add(child);
  let stderr = '';
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (d: string) => (stderr = (stderr + d).slice(-4000)));
  let exited: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  const exitPromise = new Promise<void>((res) =>
    child.on('exit', (code, signal) => {
      exited = { code, signal };
      live.delete(child);
      res();
    }),
  );
  const pid = child.pid;
  if (!pid) throw new Error(`could not start ${CHARON}: ${INSTALL_HINT}`);

  const swanctl = (args: string[], cwd = dir) => runMerged(SWANCTL, args, cwd, env, loadTimeout);

  // poll until vici answers; no fixed sleep, just a short pause between attempts
  const deadline = Date.now() + (opts.timeoutMs ?? 15000);
  let version = '';
  for (;;) {
    if (exited) {
      rmSync(dir, { recursive: true, force: true });
      throw new Error(`charon-systemd exited at start (${JSON.stringify(exited)}): ${stderr.trim()}`);
    }
    const r = await runMerged(SWANCTL, ['--version', '--daemon'], dir, env, 5000);
    const m = /strongSwan (\S+)/.exec(r.out);
    if (r.rc === 0 && m) {
      version = m[1];
      const s = await runMerged(SWANCTL, ['--stats'], dir, env, 5000);
      if (s.rc === 0 && /uptime/.test(s.out)) break;
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      await exitPromise;
      rmSync(dir, { recursive: true, force: true });
      throw new Error(`charon-systemd did not answer on its vici socket within ${opts.timeoutMs ?? 15000} ms: ${r.out.trim()} ${stderr.trim()}`);
    }
    await new Promise((res) => setTimeout(res, 25));
  }
  const startMs = Date.now() - t0;

  const clear = async () => {
    await swanctl(['--load-all', '--clear', '--noprompt', '--file', join(emptyDir, 'empty.conf')]);
    const c = await swanctl(['--list-conns']);
    const p = await swanctl(['--list-pools']);
    return c.rc === 0 && p.rc === 0 && !c.out.trim() && !p.out.trim();
  };

  let n = 0;
  const load = async (input: string | LoadInput): Promise<LoadResult> => {
    if (exited) throw new Error('charon-systemd is not running any more');
    const inp: LoadInput = typeof input === 'string' ? { file: input } : input;
    const scratch = join(dir, `load-${++n}`);
    mkdirSync(scratch);
    try {
      let name = 'swanctl.conf';
      let texts: string[];
      if (inp.text !== undefined) {
        writeFileSync(join(scratch, name), inp.text);
        texts = [inp.text];
      } else if (inp.file) {
        if (!existsSync(inp.file)) throw new Error(`no such file: ${inp.file}`);
        name = basename(inp.file);
        texts = copyWithIncludes(inp.file, scratch);
      } else throw new Error('load() needs a file path or { text }');
      // the credential folders swanctl reads relative to the file (absent ones make it complain)
      for (const d of CRED_DIRS) mkdirSync(join(scratch, d), { recursive: true });
      const { refs, secrets } = credRefs(texts);
      for (const ref of refs) {
        if (!ref.file || isAbsolute(ref.file) || ref.file.startsWith('%') || ref.file.includes('..')) continue;
        const src = placeholders.get(ref);
        if (!src) continue;
        const dst = join(scratch, ref.dir, ref.file);
        mkdirSync(dirname(dst), { recursive: true });
        copyFileSync(src, dst);
      }
      if (!(await clear()) && !(await clear())) throw new Error('could not clear the daemon before loading');
      const r = await swanctl(['--load-all', '--noprompt', '--file', name], scratch);
      const raw = redact(r.out, secrets);
      const c = classify(raw);
      if (r.rc === 124) c.verdict = 'TIMEOUT';
      return { ...c, rc: r.rc, raw, ms: r.ms };
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  };

  const stop = async () => {
    if (!exited) {
      process.kill(pid, 'SIGTERM');
      const t = setTimeout(() => {
        if (!exited) process.kill(pid, 'SIGKILL');
      }, 5000);
      await exitPromise;
      clearTimeout(t);
    }
    rmSync(dir, { recursive: true, force: true });
  };

  return { pid, dir, version, startMs, load, clear, stop };
}
