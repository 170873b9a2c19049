#!/bin/sh
# tunnel-encap-mismatch (ok): tun10 is ip6gre, like the router.
ip -6 tunnel add tun10 mode ip6gre local 2001:db8:a::1 remote 2001:db8:b::1 encaplimit none
ip link set tun10 mtu 1400 up
ip addr add 10.10.10.1/30 dev tun10
