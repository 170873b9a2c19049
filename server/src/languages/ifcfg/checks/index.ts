// The ifcfg dialect's per-file checks, each with the codes it may report.
import type { FileCheck } from '../../../core/types';
import type { IfcfgTree } from '../../shared/ifcfgRead';
import { duplicatesCheck } from './duplicates';
import { keysCheck } from './keys';
import { readingsCheck } from './readings';
import { tunnelCheck } from './tunnel';
import { valuesCheck } from './values';

export const IFCFG_CHECKS: readonly FileCheck<IfcfgTree>[] = [readingsCheck, keysCheck, valuesCheck, duplicatesCheck, tunnelCheck];
