// The tunnel at a place in a file: the composed endpoint (device + IPsec conn) whose definition holds
// the line, else the nearest one; and its peer. The preview request and `tunnel-lens layout
// FILE:LINE` both use it, so both show the tunnel the findings talk about.
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

/** The place whose range holds the line, else the nearest one before it, else the nearest after. */
function pick(places: Place[], line: number): Endpoint | undefined {
  const inside = places.filter((p) => p.start <= line && line <= p.end);
  if (inside.length) return inside.sort((a, b) => b.start - a.start)[0].endpoint;
  const dist = (p: Place) => (p.start > line ? p.start - line + 0.5 : line - p.end);
  return [...places].sort((a, b) => dist(a) - dist(b))[0]?.endpoint;
}

/** The endpoint at (uri, position), composed with its IPsec conn when it has one. */
export function endpointAt(service: LanguageService, uri: string, position: { line: number; character: number }): Endpoint | undefined {
  const composed = service.endpoints();
  const found = pick(placesIn(composed, uri), position.line);
  if (found) return found;
  // A file whose endpoints did not compose (e.g. not part of the workspace analysis yet).
  const file = service.parse(uri);
  return file ? pick(placesIn(file.endpoints, uri), position.line) : undefined;
}

export function peerOf(service: LanguageService, e: Endpoint): Endpoint | undefined {
  for (const p of service.pairs()) {
    if (p.a === e || p.a.id === e.id) return p.b;
    if (p.b === e || p.b.id === e.id) return p.a;
  }
  return undefined;
}

