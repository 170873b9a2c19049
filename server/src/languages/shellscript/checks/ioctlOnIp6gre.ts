// `ip -6 tunnel change DEV … encaplimit X` on an ip6gre device: the kernel's ioctl change path
// leaves it unchanged (config-ignored; docs/reference/linux-kernel-tunnels.md §5). The judgement
// is the Linux merge's (model/linuxMerge.ts ignoredChange); the creator is the script's own
// earlier command, else the companion ifcfg-DEV beside the script.
import type { FileCheck } from '../../../core/types';
import { Code } from '../../../core/codes';
import { ANY_IFUP_DEVICE } from '../../../model/linuxTunnels';
import { ignoredChange } from '../../../model/linuxMerge';
import { siblingIfcfgs } from '../siblings';
import type { ShellTree } from '../tree';

export const ioctlOnIp6greCheck: FileCheck<ShellTree> = {
  id: 'shellscript/ioctl-on-ip6gre',
  codes: [Code.configIgnored],
  run(file, ctx, report) {
    for (const c of file.tree.ioctlChanges) {
      const creator = c.creator ?? (c.device !== ANY_IFUP_DEVICE ? siblingIfcfgs(file.uri, [c.device], ctx)[0]?.endpoint : undefined);
      const ignored = creator && ignoredChange(creator, c.change);
      if (ignored) report({ code: Code.configIgnored, severity: 'warning', message: ignored.message, range: ignored.range });
    }
  },
};
