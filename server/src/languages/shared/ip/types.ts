// What reading one `ip …` command yields: what it does to one device, and the problems met on the way.
import type { Range } from 'vscode-languageserver-types';
import type { Valued } from '../../../core/endpoint';
import type { ChangeMethod, GreOptions, LinuxCreator } from '../../../model/linuxTunnels';
import type { Issue } from '../findings';
import type { Word } from '../shellLexer';

export type Family = 'ipv4' | 'ipv6';

/** What one command does to one device. */
export interface IpAction {
  device: string;
  deviceRange: Range;
  creator?: LinuxCreator;
  method?: ChangeMethod;
  kind?: string;
  ip6tnlMode?: string;
  local?: Valued<string>;
  remote?: Valued<string>;
  greKey?: Valued<number>;
  gre: GreOptions;
  encapLimit?: Valued<number | 'none'>;
  mtu?: Valued<number>;
  inner: Valued<string>[];
  /** `ip -6 tunnel change` whose first argument is not the name: iproute2 sends defaults. */
  changeWithoutName?: boolean;
  /** The command's words after `ip` (for hovers). */
  text: string;
  range: Range;
}

export interface IpParse {
  object: string;
  verb?: string;
  family?: Family;
  action?: IpAction;
  /** Ranges of key material (ip xfrm state … enc ALG KEY): hovers must not show them. */
  secretRanges: Range[];
}

/** What reading a command needs, and where it records the problems it meets. */
export interface IpContext {
  uri: string;
  vars: ReadonlyMap<string, string>;
  issues: Issue[];
  underlay: number;
  /** Where the secret words of the command go, as written and as their value (the dialect's secretValues()). */
  secrets?: string[];
}

/** The command as a whole, for the reader of one `ip` object. */
export interface IpCommandInfo {
  family?: Family;
  text: string;
  range: Range;
  secretRanges: Range[];
}

/** Reads the words after `ip [options] OBJECT`. */
export type IpObjectReader = (rest: Word[], ctx: IpContext, cmd: IpCommandInfo) => { verb?: string; action?: IpAction; family?: Family };
