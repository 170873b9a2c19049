#!/bin/sh
# peer-unpaired (ok): only tun0, whose peer R1 is here.
ip tunnel add tun0 mode gre local 192.0.2.1 remote 203.0.113.1 ttl 64
ip link set tun0 mtu 1400 up
ip addr add 10.0.0.1/30 dev tun0
