// The shared packet codec: encode/decode, ESP, layout and the peer views. No Node imports here —
// pass `nodeCrypto` of codec/crypto-node.ts (Node) or another CryptoProvider (webview).

export * from './address';
export * from './algorithmNames';
export { fromHex, toHex, equalBytes } from './bytes';
export { internetChecksum, pseudoHeaderSum } from './checksum';
export type { Capture, CapturedPacket } from './capture';
export { CaptureScanner, scanChunks, scanStream, type ScannedChunk } from './captureScanner';
export type { CryptoProvider, HashName } from './crypto';
export * from './espAlgorithms';
export { espLength, espPadLength, openEsp, sealEsp, ESP_HEADER_LENGTH } from './esp';
export * from './layout';
export { decodeBatch, decodePacket, encodeStack, LINKTYPE, sampleIv, type DecodeOptions, type EncodeOptions, type EncodedPacket } from './packet';
export { readCapture, readPcap, writePcap, type WritablePacket } from './pcap';
export { readPcapng, writePcapng } from './pcapng';
export * from './protocols';
export * from './types';
export * from './views';
