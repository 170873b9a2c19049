// What iproute2 would reject or misread in an `ip` command's arguments (invalid-value), as the
// reader of the command recorded it (ip/args.ts and the object readers).
import { Code } from '../../../core/codes';
import { issuesCheck } from '../../shared/findings';
import type { ShellTree } from '../tree';

export const ipArgumentsCheck = issuesCheck<ShellTree>('shellscript/ip-arguments', [Code.invalidValue], (tree) => tree.commands.flatMap((c) => c.issues));
