// The tunnel at a place in a file: the composed endpoint (device + IPsec conn) whose definition holds
// the line, else the nearest one; and its peer. The one answer to "which tunnel is under the
// cursor": the preview request, `tunnel-lens layout FILE:LINE` and the status bar (peerInfo) all
// use it, so they show the tunnel the findings talk about and break ties the same way.
import type { Endpoint } from '../core/endpoint';
import type { LanguageService } from './languageService';

interface Place {
  endpoint: Endpoint;
  /** The range in the requested file: the endpoint's own, or its protecting conn's. */
  start: number;
  end: number;
}

function placesIn(endpoints: Endpoint[], uri: string): Place[] {
  const out: Place[] = [];
  for (const e of endpoints) {
    if (e.uri === uri) out.push({ endpoint: e, start: e.range.start.line, end: e.range.end.line });
    const c = e.protectedBy;
    if (c && c.uri === uri) out.push({ endpoint: e, start: c.range.start.line, end: c.range.end.line });
  }
  return out;
}

/**
 * The places ranked for a line: those whose range holds it first (the innermost, i.e. the latest
 * start, first), then by distance, one before the line winning a tie with one after it, then in
 * file order. Endpoints come once, at their best place.
 */
function rank(places: Place[], line: number): Endpoint[] {
  const score = (p: Place) => (p.start <= line && line <= p.end ? -1 - p.start / 1e9 : p.start > line ? p.start - line + 0.5 : line - p.end);
  const sorted = places.map((p, i) => ({ p, i, s: score(p) })).sort((a, b) => a.s - b.s || a.i - b.i);
  const out: Endpoint[] = [];
  const seen = new Set<Endpoint>();
  for (const { p } of sorted) if (!seen.has(p.endpoint)) seen.add(p.endpoint), out.push(p.endpoint);
  return out;
}

/**
 * Every tunnel end defined or protected in uri: best first for the line when one is given, else in
 * file order. Composed endpoints first; a file not yet in the workspace analysis answers from its own.
 */
export function endpointsAt(service: LanguageService, uri: string, line?: number): Endpoint[] {
  let places = placesIn(service.endpoints(), uri);
  if (places.length === 0) places = placesIn(service.parse(uri)?.endpoints ?? [], uri);
  if (line === undefined) return rank(places, -1).sort((a, b) => a.range.start.line - b.range.start.line);
  return rank(places, line);
}

/** The endpoint at (uri, position), composed with its IPsec conn when it has one. */
export function endpointAt(service: LanguageService, uri: string, position: { line: number; character: number }): Endpoint | undefined {
  return endpointsAt(service, uri, position.line)[0];
}

export function peerOf(service: LanguageService, e: Endpoint): Endpoint | undefined {
  for (const p of service.pairs()) {
    if (p.a === e || p.a.id === e.id) return p.b;
    if (p.b === e || p.b.id === e.id) return p.a;
  }
  return undefined;
}

