#!/bin/sh
# peer-unpaired (raise): tun1 goes to 198.51.100.9, whose config is not in this deployment.
ip tunnel add tun0 mode gre local 192.0.2.1 remote 203.0.113.1 ttl 64
ip link set tun0 mtu 1400 up
ip addr add 10.0.0.1/30 dev tun0
ip tunnel add tun1 mode gre local 192.0.2.1 remote 198.51.100.9 ttl 64
ip link set tun1 mtu 1400 up
ip addr add 10.0.9.1/30 dev tun1
