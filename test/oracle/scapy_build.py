#!/usr/bin/python3
"""Build packets with scapy from the JSON the codec's oracle test writes; print their hex.

    /usr/bin/python3 scapy_build.py CASES.json  ->  JSON list: hex string or {"error": "..."} per case

Each case is {"name", "layers": [...]} with every field explicit (the TypeScript side fills in the
codec's defaults), so scapy and the codec build from the same inputs. ESP: scapy's
SecurityAssociation; transport mode gets the whole clear packet and inserts ESP itself
(split_for_transport follows Linux: after Hop-by-Hop/Routing/Destination Options), tunnel mode gets
the inner packet and the outer IP header as tunnel_header. IVs, keys, SPIs and seq come from the case.
"""
import json
import sys

from scapy.all import (Ether, IP, IPv6, IPv6ExtHdrDestOpt, IPv6ExtHdrHopByHop, IPv6ExtHdrRouting,
                       IPv6ExtHdrFragment, HBHOptUnknown, PadN, Pad1, GRE, UDP, TCP, ICMP,
                       ICMPv6EchoRequest, Raw, raw)
from scapy.layers.ipsec import SecurityAssociation, ESP

ENC = {"null": ("NULL", None), "aes-cbc-128": ("AES-CBC", None), "aes-cbc-192": ("AES-CBC", None),
       "aes-cbc-256": ("AES-CBC", None), "aes-gcm-128": ("AES-GCM", 16), "aes-gcm-192": ("AES-GCM", 16),
       "aes-gcm-256": ("AES-GCM", 16)}
INTEG = {"none": "NULL", "hmac-sha1-96": "HMAC-SHA1-96", "hmac-sha2-256-128": "SHA2-256-128",
         "hmac-sha2-384-192": "SHA2-384-192", "hmac-sha2-512-256": "SHA2-512-256"}


def options(opts):
    out = []
    for o in opts:
        if o["type"] == 0:
            out.append(Pad1())
        elif o["type"] == 1:
            out.append(PadN(otype=1, optlen=len(bytes.fromhex(o["data"])), optdata=bytes.fromhex(o["data"])))
        else:
            d = bytes.fromhex(o["data"])
            out.append(HBHOptUnknown(otype=o["type"], optlen=len(d), optdata=d))
    return out


def tcp_options(hexstr):
    b = bytes.fromhex(hexstr)
    out, i = [], 0
    while i < len(b):
        if b[i] == 2:
            out.append(("MSS", int.from_bytes(b[i + 2:i + 4], "big")))
            i += 4
        elif b[i] == 1:
            out.append(("NOP", None))
            i += 1
        else:
            raise ValueError("unsupported TCP option %d" % b[i])
    return out


def layer(l):
    k = l["kind"]
    if k == "ethernet":
        return Ether(src=l["src"], dst=l["dst"])
    if k == "ipv4":
        return IP(src=l["src"], dst=l["dst"], ttl=l["ttl"], id=l["id"], tos=l["tos"], flags=l["flags"],
                  frag=l["fragmentOffset"] // 8)
    if k == "ipv6":
        return IPv6(src=l["src"], dst=l["dst"], hlim=l["hopLimit"], tc=l["trafficClass"], fl=l["flowLabel"])
    if k == "dstopts":
        return IPv6ExtHdrDestOpt(options=options(l["options"]), autopad=0)
    if k == "hopbyhop":
        return IPv6ExtHdrHopByHop(options=options(l["options"]), autopad=0)
    if k == "routing":
        return IPv6ExtHdrRouting(type=l["routingType"], segleft=l["segmentsLeft"], addresses=[])
    if k == "fragment":
        return IPv6ExtHdrFragment(id=l["id"], offset=l["offset"] // 8, m=1 if l["more"] else 0)
    if k == "gre":
        g = GRE(proto=l["protocol"])
        if l.get("checksum"):
            g.chksum_present = 1
        if l.get("key") is not None:
            g.key_present = 1
            g.key = l["key"]
        if l.get("seq") is not None:
            g.seqnum_present = 1
            g.sequence_number = l["seq"]
        return g
    if k == "udp":
        return UDP(sport=l["srcPort"], dport=l["dstPort"])
    if k == "tcp":
        return TCP(sport=l["srcPort"], dport=l["dstPort"], seq=l["seq"], ack=l["ack"], flags=l["flags"],
                   window=l["window"], urgptr=l["urgent"], options=tcp_options(l["options"]))
    if k == "icmp":
        return ICMP(type=l["type"], code=l["code"], id=l["id"], seq=l["seq"])
    if k == "icmpv6":
        return ICMPv6EchoRequest(id=l["id"], seq=l["seq"])
    if k == "raw":
        return Raw(bytes.fromhex(l["data"]))
    raise ValueError("unknown layer " + k)


def stack(layers):
    p = None
    for l in layers:
        x = layer(l)
        p = x if p is None else p / x
    return p


def build(case):
    layers = case["layers"]
    eth = None
    if layers and layers[0]["kind"] == "ethernet":
        eth, layers = layer(layers[0]), layers[1:]
    idx = next((i for i, l in enumerate(layers) if l["kind"] == "esp"), None)
    if idx is None:
        pkt = stack(layers)
    else:
        e = layers[idx]
        crypt, icv = ENC[e["enc"]]
        kw = dict(spi=e["spi"], crypt_algo=crypt, crypt_key=bytes.fromhex(e["encKey"]) or None,
                  auth_algo=INTEG[e["integ"]], auth_key=bytes.fromhex(e["integKey"]) or None)
        if icv:
            kw["crypt_icv_size"] = icv
        inner = layers[idx + 1:]
        tunnel = bool(inner) and inner[0]["kind"] in ("ipv4", "ipv6")
        if tunnel:
            kw["tunnel_header"] = stack(layers[:idx])
            sa = SecurityAssociation(ESP, **kw)
            pkt = sa.encrypt(stack(inner), seq_num=e["seq"], iv=bytes.fromhex(e["iv"]) or None)
        else:
            sa = SecurityAssociation(ESP, **kw)
            pkt = sa.encrypt(stack(layers[:idx] + inner), seq_num=e["seq"], iv=bytes.fromhex(e["iv"]) or None)
    if eth is not None:
        pkt = eth / pkt
    return raw(pkt).hex()


def main():
    cases = json.load(open(sys.argv[1]))
    out = []
    for c in cases:
        try:
            out.append(build(c))
        except Exception as ex:  # reported per case, the test fails on it
            out.append({"error": "%s: %s" % (type(ex).__name__, ex)})
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
