// The shellscript dialect's per-file checks, each with the codes it may report.
import type { FileCheck } from '../../../core/types';
import type { ShellTree } from '../tree';
import { ioctlOnIp6greCheck } from './ioctlOnIp6gre';
import { ipArgumentsCheck } from './ipArguments';

export const SHELL_CHECKS: readonly FileCheck<ShellTree>[] = [ipArgumentsCheck, ioctlOnIp6greCheck];
