// `ip -6 tunnel change DEV … encaplimit X` on an ip6gre device: the kernel's ioctl change path
// leaves it unchanged (config-ignored; docs/reference/linux-kernel-tunnels.md §5). The judgement
// is the Linux merge's (model/linuxMerge.ts ignoredChange). Here, when the script's own earlier
// command created the device; when another file did (an ifcfg-DEV), the peer analysis reports it,
// where both files are known (service/peers.ts).
import type { FileCheck } from '../../../core/types';
import { Code } from '../../../core/codes';
import { ignoredChange } from '../../../model/linuxMerge';
import type { ShellTree } from '../tree';

export const ioctlOnIp6greCheck: FileCheck<ShellTree> = {
  id: 'shellscript/ioctl-on-ip6gre',
  codes: [Code.configIgnored],
  run(file, _ctx, report) {
    for (const c of file.tree.ioctlChanges) {
      const ignored = c.creator && ignoredChange(c.creator, c.change);
      if (ignored) report({ code: Code.configIgnored, severity: 'warning', message: ignored.message, range: ignored.range });
    }
  },
};
