// `tunnel-lens help CMD` and `tunnel-lens CMD --help`: each command's synopsis, its options with
// the values they take, and an example. Cipher names come from the codec's own table, versions
// from the table of known releases, so the help cannot list what the command refuses.
import { ENC_ALGORITHMS, INTEG_ALGORITHMS } from '../../../codec/espAlgorithms';
import { KNOWN_VERSIONS } from '../core/versions';
import { PATH_MTU } from '../core/types';

const versions = Object.entries(KNOWN_VERSIONS)
  .map(([flag, k]) => `  --${flag} V${' '.repeat(Math.max(1, 16 - flag.length))}${k.name} release (${k.oldest} to ${k.newest}; e.g. ${k.example})`)
  .join('\n');
const enc = Object.keys(ENC_ALGORITHMS).join(', ');
const integ = Object.keys(INTEG_ALGORITHMS).join(', ');
const EXIT = 'Exit status: 0 nothing at error severity, 1 at least one error (finding or packet note), 2 usage or I/O error (one line on stderr).';

export const HELP: Readonly<Record<string, string>> = {
  check: `tunnel-lens check [--format text|json|sarif] [--verbose] [VERSION FLAGS] [--path-mtu N] PATH...

Reads every config of the PATHs (files or folders, searched recursively; nothing outside them is
read) and prints the findings the editor shows, cross-peer ones included.

  --format text|json|sarif   text (default); json: {"findings":[…]} with 0-based positions (LSP);
                             sarif: SARIF 2.1.0 for GitHub code scanning
  --verbose                  text: each finding's detail (the rule, the defaults, the peer's offer)
${versions}
  --path-mtu N               path MTU between the peers (${PATH_MTU.min} to ${PATH_MTU.max}; default ${PATH_MTU.default})

Versions: a "# tunnel-lens: libreswan 4.10" comment in a file beats these flags, which beat a guess.
${EXIT}

Example: tunnel-lens check --ios 15.7 site/`,
  fix: `tunnel-lens fix [--dry-run] [--only CODE]... PATH...

Applies the preferred quick fix of every finding (as the editor's quick fix would), prints what it
changed as a unified diff, creates scripts it writes with mode 755, never touches a secret, and
changes nothing on a second run.

  --dry-run      print the diff, write nothing
  --only CODE    fix only findings of this code (repeatable), e.g. encaplimit-transport-interop
${versions}
  --path-mtu N   as for check

${EXIT} (of the findings left after fixing)

Example: tunnel-lens fix --dry-run --only encaplimit-transport-interop samples/founding-case`,
  endpoints: `tunnel-lens endpoints [--format text|json] [VERSION FLAGS] PATH...

Prints the normalized model of every tunnel end: addresses, encapsulation, the encapsulation limit
in force and the line (or default rule) that sets it, the MTU and why, IKE and ESP proposals,
mode, PFS, and the peer it pairs with. Pre-shared keys show as "set", never their value.

  --format text|json
${versions}

Example: tunnel-lens endpoints --format json samples/founding-case`,
  layout: `tunnel-lens layout [FILE[:LINE]] [--outer ipv4|ipv6] [--encaplimit N|none] [--esp transport|tunnel|none]
                   [--enc NAME] [--integ NAME] [--encap gre|ipip|none] [--gre-key] [--inner ipv4|ipv6]
                   [--path-mtu N] [--format text|json] [--pcap OUT.pcap]

The packet on the wire of the tunnel defined at FILE:LINE (towards its peer), or of the stack the
flags give: every header with its offset and length, the overhead, the largest inner packet that
fits the path MTU, and a real encrypted sample packet (--pcap writes it; the sample keys are
generated, never a config's).

  --encaplimit N|none   0-255, or none (no Destination Options header)
  --enc NAME            ${enc}; or a dialect's spelling (aes128, "esp-aes 256", aes128gcm16)
  --integ NAME          ${integ}; or a dialect's spelling (sha1, esp-sha256-hmac)
  --path-mtu N          ${PATH_MTU.min} to ${PATH_MTU.max}

${EXIT}

Examples: tunnel-lens layout samples/founding-case/linux/ifcfg-tun10
          tunnel-lens layout --outer ipv6 --encaplimit none --esp transport --pcap /tmp/p.pcap`,
  decode: `tunnel-lens decode FILE.pcap [--sa SPI:ENC:KEY[:INTEG:KEY]]... [--format text|json] [--threads N]

Every packet of a pcap or pcapng capture as its protocol stack; ESP opened with the SAs given (the
integrity check value verified), checksums verified, and the founding case (a Destination Options
header in front of transport-mode ESP) marked. Keys given with --sa are never printed.

  --sa SPI:ENC:KEY[:INTEG:KEY]   SPI as 0x1001 (hex) or 4097 (decimal); ENC one of ${enc};
                                 KEY hex (0x…); for AES-GCM the key ends with the 4-byte salt;
                                 INTEG one of ${integ}
  --format text|json
  --threads N                    worker threads for a capture of 64 MiB or more (default: one per
                                 core; 1 decodes in this thread); the output is the same either way

${EXIT}

Example: tunnel-lens decode capture.pcap --sa 0x1001:aes-cbc-128:0x00112233445566778899aabbccddeeff:hmac-sha1-96:0x0102030405060708090a0b0c0d0e0f1011121314`,
};

export function helpFor(command: string): string | undefined {
  return HELP[command];
}
