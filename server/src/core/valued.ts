// The three ways a model value comes to be (core/endpoint.ts Origin): written in a file, defaulted
// by a version rule, or derived from other values. One set of constructors for every dialect, so a
// message can always say where a value came from.
import type { Range } from 'vscode-languageserver-types';
import type { Valued } from './endpoint';

/** A value written at (uri, range); `rule` says how it was read, when that is worth a word. */
export function written<T>(value: T, uri: string, range: Range, rule?: string): Valued<T> {
  return rule === undefined ? { value, source: 'written', uri, range } : { value, source: 'written', uri, range, rule };
}

/** A value no line sets, from a version rule ("Libreswan 4.10 default ike="); `at` is the line it is defaulted on. */
export function defaulted<T>(value: T, rule: string, uri?: string, at?: Range): Valued<T> {
  return at && uri ? { value, source: 'default', rule, uri, range: at } : { value, source: 'default', rule };
}

/** A value computed from others ("the MTU the kernel sets: underlay 1500 minus 52"). */
export function derived<T>(value: T, rule: string, uri?: string, at?: Range): Valued<T> {
  return at && uri ? { value, source: 'derived', rule, uri, range: at } : { value, source: 'derived', rule };
}
