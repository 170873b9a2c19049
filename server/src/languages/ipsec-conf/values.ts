// The ipsec.conf dialect's value readers: PROTO[/PORT] and times, shared with NetworkManager-libreswan
// profiles (languages/shared/ipsecValues.ts; docs/reference/ipsec-conf-grammar.md §2, §3).
export { PROTOCOLS, parseProtoPort, parseTime } from '../shared/ipsecValues';
