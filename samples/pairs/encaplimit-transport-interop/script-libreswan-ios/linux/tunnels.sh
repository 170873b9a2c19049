#!/bin/sh
# encaplimit-transport-interop (raise): `ip -6 tunnel add … mode ipip6` without encaplimit: iproute2 default 4, so every packet carries a Destination Options header.
ip -6 tunnel add tun10 mode ipip6 local 2001:db8:a::1 remote 2001:db8:b::1
ip link set tun10 mtu 1400 up
ip addr add 10.10.10.1/30 dev tun10
