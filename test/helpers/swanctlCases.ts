// The swanctl.conf cases whose verdict Tunnel Lens claims, shared by the unit tests (our verdict,
// test/unit/swanctl-conf-values.test.ts) and the charon oracle (test/oracle/charon-swanctl.test.ts,
// charon's verdict on the same text): each a connection with one key or value changed.
import type { FindingCode } from '../../server/src/core/codes';

export const SWANCTL_PATH = '/etc/swanctl/swanctl.conf';

/** A connection to 192.0.2.2 with these connection keys and one child with these keys. */
export const caseFile = (connKeys: string, childKeys = '', extra = '') =>
  `${extra}connections {\n  gw {\n    remote_addrs = 192.0.2.2\n${connKeys}\n    children {\n      c {\n${childKeys}\n      }\n    }\n  }\n}\n`;

/** [conn keys, child keys, the code we must report (undefined: no error), what the message says]. */
export const CASES: [string, string, FindingCode | undefined, RegExp?][] = [
  ['    remote_addr = 192.0.2.2', '', 'unknown-keyword', /Did you mean `remote_addrs`/],
  ['    Remote_Addrs = 192.0.2.2', '', 'unknown-keyword', /case-sensitive: `remote_addrs`/],
  ['    esp_proposals = aes128-sha256', '', 'unknown-keyword', /belongs in a child/],
  ['', '        esp_proposal = aes128-sha256', 'unknown-keyword', /Did you mean `esp_proposals`/],
  ['    mobike = on', '', 'invalid-value', /`on`\/`off` are not booleans/],
  ['    mobike = Disabled', '', undefined],
  ['    rekey_time = 1.5h', '', 'invalid-value', /no fractions/],
  ['    rekey_time = 90 m', '', undefined],
  ['    rekey_time = h', '', undefined],
  ['    dpd_delay = 5x', '', 'invalid-value'],
  ['    dscp = 46', '', 'invalid-value', /binary/],
  ['    dscp = 101110', '', undefined],
  ['    version = 0x2', '', undefined],
  ['    keyingtries = %forever', '', 'invalid-value'],
  ['', '        mode = bogus', 'invalid-value'],
  ['', '        mode = TRANSPORT', undefined],
  ['', '        start_action = start,trap', 'invalid-value'],
  ['', '        start_action = trap | start', undefined],
  ['', '        if_id_in = %unique-dir', undefined],
  ['', '        mark_out = 0x10/0xff', undefined],
  ['', '        set_mark_in = %unique', 'invalid-value'],
  ['', '        set_mark_in = %same', undefined],
  ['', '        tfc_padding = MTU', 'invalid-value'],
  ['', '        local_ts = gw.example.org', 'invalid-value', /host names are not allowed/],
  ['', '        local_ts = 10.0.0.0/8[tcp/http], 10.2.0.1-10.2.0.9[udp/1000-2000], dynamic[gre]', undefined],
  ['', '        local_ts = 10.0.0.0/8[tcp/nosuchservice]', 'invalid-value'],
  ['', '        local_ts = 10.0.0.0/8[300]', 'invalid-value'],
  ['    local {\n      auth = Pubkey\n    }', '', 'invalid-value', /case-sensitive/],
  ['    local {\n      auth = pubkeyxyz\n    }', '', undefined],
  ['    local {\n      auth = eap-bogus\n    }', '', undefined],
  ['    local {\n      auth = secret\n    }', '', 'invalid-value', /`psk`/],
  ['    local {\n      bogus = 1\n    }', '', 'unknown-keyword'],
  ['    remote {\n      aaa_id = radius.example.org\n    }', '', undefined],
  ['    lokal {\n    }', '', 'unknown-keyword', /Invalid section `lokal`.*Did you mean `local`/],
  ['    proposals = aes128-sha256-modp2048!', '', 'invalid-value', /`!` is not part of swanctl/],
  ['    proposals = AES128-SHA256-MODP2048', '', 'invalid-value', /case-sensitive: 'aes128'/],
  ['    proposals = aes128gcm16-modp2048', '', 'invalid-value', /PRF algorithm is mandatory/],
  ['    proposals = aes128gcm16-prfsha256-modp2048', '', undefined],
  ['    proposals = aes128-sha256', '', 'invalid-value', /DH group is mandatory/],
  ['    proposals = aes128-sha256-modp2048, default', '', undefined],
  ['', '        esp_proposals = aes128', undefined],
  ['', '        esp_proposals = aes128gcm16-sha256-aes128', 'invalid-value', /classic and combined-mode/],
  ['', '        esp_proposals = aes128-sha256-modp2048-none', undefined],
  ['', '        esp_proposals = bogus99', 'invalid-value', /'bogus99' not recognized/],
];

