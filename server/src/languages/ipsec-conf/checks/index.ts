// The per-file checks of the ipsec.conf dialect, in the order they report. Each computes its own
// findings from the tree parse() built (the file, its includes and its resolved conns) and declares
// the codes it may report; parse() itself reports only the syntax the reader could not read.
import type { FileCheck } from '../../../core/types';
import type { IpsecConfTree } from '../analysis';
import { defaultSectionCheck } from './defaultSection';
import { duplicatesCheck } from './duplicates';
import { ikev1PolicyCheck } from './ikev1Policy';
import { keywordsCheck } from './keywords';
import { lineEndingsCheck } from './lineEndings';
import { proposalsCheck } from './proposals';
import { referencesCheck } from './references';
import { valuesCheck } from './values';

export const checks: readonly FileCheck<IpsecConfTree>[] = [
  lineEndingsCheck,
  keywordsCheck,
  valuesCheck,
  referencesCheck,
  duplicatesCheck,
  defaultSectionCheck,
  proposalsCheck,
  ikev1PolicyCheck,
];
