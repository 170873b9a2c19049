// The per-file checks of the IOS dialect, in the order their findings are listed. Each reads only
// modelled objects (secret-lines: the lines of modelled key commands the table of secret slots
// finds), so the thousands of IOS commands Tunnel Lens does not model never produce a finding.
import type { FileCheck } from '../../../core/types';
import type { IosTree } from '../tree';
import { references } from './references';
import { unused } from './unused';
import { transformSets } from './transformSets';
import { isakmp } from './isakmp';
import { ikev2 } from './ikev2';
import { pfs } from './pfs';
import { interfaces } from './interfaces';
import { acls } from './acls';
import { secretLines } from './secrets';

export const IOS_CHECKS: readonly FileCheck<IosTree>[] = [references, unused, transformSets, isakmp, ikev2, pfs, interfaces, acls, secretLines];
