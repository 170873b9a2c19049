// The pcap "Export pcap" writes: the server's real encrypted sample packet, framed in Ethernet like
// `tunnel-lens layout --pcap` does, so Wireshark/tshark open it and decrypt it with the shown SA.
import { fromHex } from '../../../codec/bytes';
import { encodeEthernet } from '../../../codec/ethernet';
import { LINKTYPE } from '../../../codec/packet';
import { writePcap } from '../../../codec/pcap';
import type { PreviewSample } from '../../../server/src/protocol/preview';

export function samplePcap(sample: PreviewSample, outer: 'ipv4' | 'ipv6'): Uint8Array {
  const ip = fromHex(sample.hex);
  if (!ip || ip.length === 0) throw new Error('the sample packet is empty');
  const frame = encodeEthernet({ kind: 'ethernet', etherType: outer === 'ipv6' ? 0x86dd : 0x0800 }, ip, 0);
  return writePcap([frame], LINKTYPE.ETHERNET);
}
