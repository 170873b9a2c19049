// What pcap.ts and pcapng.ts share: a captured packet and the file-level result.

export interface CapturedPacket {
  /** Seconds since 1970. */
  seconds: number;
  /** Nanoseconds within the second. */
  nanos: number;
  data: Uint8Array;
  /** Length on the wire (>= data.length when the capture was truncated by a snap length). */
  originalLength: number;
  linkType: number;
}

export interface Capture {
  format: 'pcap' | 'pcapng';
  packets: CapturedPacket[];
  /** Problems reading the file; reading stops at the first and keeps the packets before it. */
  errors: string[];
}
