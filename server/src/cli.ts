// The `tunnel-lens` command line. Usage and I/O errors print one line on stderr and exit 2; an
// unexpected failure does the same (never a stack trace).
import { CliError, type CliIo, type Subcommand } from './cli/common';
import { run as check } from './cli/check';
import { run as endpoints } from './cli/endpoints';
import { run as layout, setEndpointResolver } from './cli/layout';
import { resolveEndpointStack } from './cli/layoutResolver';
import { run as decode } from './cli/decode';
import { run as fix } from './cli/fix';
import { secureIo } from './cli/output';
import { helpFor } from './cli/help';

const USAGE = `usage:
  tunnel-lens check     [--format text|json|sarif] [--verbose] [--libreswan V] [--strongswan V] [--ios V] [--path-mtu N] PATH...
  tunnel-lens fix       [--dry-run] [--only CODE]... PATH...
  tunnel-lens endpoints [--format text|json] PATH...
  tunnel-lens layout    [FILE[:LINE]] [--outer ipv4|ipv6] [--encaplimit N|none] [--esp transport|tunnel|none]
                        [--enc NAME] [--integ NAME] [--encap gre|ipip|none] [--gre-key] [--inner ipv4|ipv6]
                        [--path-mtu N] [--format text|json] [--pcap OUT.pcap]
  tunnel-lens decode    FILE.pcap [--sa SPI:ENC:KEY[:INTEG:KEY]]... [--format text|json] [--threads N]
  tunnel-lens help      [CMD]
exit status: 0 no error finding, 1 at least one error finding, 2 usage or I/O error`;

const COMMANDS: Record<string, Subcommand> = { check, fix, endpoints, layout, decode };
setEndpointResolver(resolveEndpointStack);

export async function main(argv: string[], rawIo: CliIo): Promise<number> {
  const io = secureIo(rawIo);
  const [name, ...rest] = argv;
  if (name === '--help' || name === '-h' || name === 'help') {
    const topic = name === 'help' ? rest[0] : undefined;
    if (topic === undefined) {
      io.stdout(USAGE + '\n\nMore on one command: tunnel-lens help CMD (or tunnel-lens CMD --help)\n');
      return 0;
    }
    const text = helpFor(topic);
    if (!text) {
      io.stderr(`tunnel-lens help: no command '${topic}' (commands: ${Object.keys(COMMANDS).join(', ')})\n`);
      return 2;
    }
    io.stdout(text + '\n');
    return 0;
  }
  if (name === '--version') {
    io.stdout('tunnel-lens 0.1.0\n');
    return 0;
  }
  const command = name === undefined ? undefined : COMMANDS[name];
  if (!command) {
    io.stderr(`tunnel-lens: ${name === undefined ? 'no command given' : `unknown command '${name}'`} (try tunnel-lens --help)\n`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout((helpFor(name!) ?? USAGE) + '\n');
    return 0;
  }
  try {
    return await command(rest, io);
  } catch (e) {
    const message = e instanceof CliError ? e.message : `internal error: ${e instanceof Error ? e.message : String(e)}`;
    io.stderr(`tunnel-lens ${name}: ${message.split('\n')[0]}\n`);
    return 2;
  }
}

if (require.main === module) {
  const io: CliIo = { stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t) };
  main(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    () => {
      process.exitCode = 2;
    },
  );
}
