// The dialect-private tree every IOS feature and check reads (ParsedFile<IosTree>.tree).
import type { Endpoint } from '../../core/endpoint';
import type { Directive } from '../../core/versions';
import type { ParseTree } from './parser';
import type { IosConfig } from './model';
import type { IosVersion } from './defaults';
import type { EndpointCache } from './endpoints/cache';

export interface IosTree {
  parse: ParseTree;
  cfg: IosConfig;
  version: IosVersion;
  /** The `! tunnel-lens: ios X` directive in force, if any. */
  directive?: Directive;
  endpoints: Endpoint[];
  /** The endpoints as built, for the next version (endpoints/cache.ts). */
  endpointCache?: EndpointCache;
}
