-- Headless Neovim 0.7 as a real LSP client of dist/server.js --stdio on the founding case, with the
-- README's Neovim config as its init.lua (the client starts and attaches only through it).
-- Run by test/e2e/neovim.test.ts, in a copy of samples/founding-case:
--   SERVER_JS=… WS=<copy> nvim --headless -u <README block> -i NONE -n -c 'luafile neovim-lsp.lua'
-- Prints one line `RESULT <json>` per step for the test to check, and `DONE` at the end.
local function emit(step, data)
  data.step = step
  io.stdout:write('RESULT ' .. vim.fn.json_encode(data) .. '\n')
end
local ws = assert(vim.env.WS, 'WS is not set')
local CODE = 'encaplimit-transport-interop'

local function clients(bufnr)
  local names = {}
  for _, c in pairs(vim.lsp.buf_get_clients(bufnr)) do table.insert(names, c.name) end
  return names
end
local function finding(bufnr, line)
  for _, d in ipairs(vim.diagnostic.get(bufnr, line and { lnum = line } or nil)) do
    local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
    if code == CODE then return d end
  end
end
local function open(rel)
  vim.cmd('edit ' .. vim.fn.fnameescape(ws .. '/' .. rel))
  return vim.api.nvim_get_current_buf()
end

local ok, err = pcall(function()
  -- 1. diagnostics, pushed (0.7 cannot pull), on the Linux side and on the Cisco side
  local linux = open('linux/ifcfg-tun10')
  local gotLinux = vim.wait(15000, function() return finding(linux, 7) ~= nil end, 20)
  local d = finding(linux, 7)
  local all = {}
  for _, x in ipairs(vim.diagnostic.get(linux)) do
    table.insert(all, { line = x.lnum, severity = x.severity, message = x.message,
      code = x.code or (x.user_data and x.user_data.lsp and x.user_data.lsp.code) })
  end
  local related = 0
  for _, x in ipairs(vim.lsp.diagnostic.get_line_diagnostics(linux, 7)) do
    if x.code == CODE then related = x.relatedInformation and #x.relatedInformation or 0 end
  end
  emit('diagnostics', { clients = clients(linux), filetype = vim.bo[linux].filetype, diagnostics = all,
    founding = gotLinux and { line = d.lnum, severity = d.severity, related = related } or vim.NIL })

  local cisco = open('cisco/c897va-confg')
  local gotCisco = vim.wait(15000, function() return finding(cisco) ~= nil end, 20)
  emit('cisco', { clients = clients(cisco), line = gotCisco and finding(cisco).lnum or vim.NIL })
  vim.cmd('buffer ' .. linux)

  -- 2. hover on TYPE=GRE6 (line 8)
  local hov = vim.lsp.buf_request_sync(linux, 'textDocument/hover',
    { textDocument = { uri = vim.uri_from_bufnr(linux) }, position = { line = 7, character = 1 } }, 5000) or {}
  local text = ''
  for _, r in pairs(hov) do
    local c = r.result and r.result.contents
    if type(c) == 'table' then text = text .. (c.value or vim.fn.json_encode(c)) elseif type(c) == 'string' then text = text .. c end
  end
  emit('hover', { text = text })

  -- 3. code actions for the finding; apply the encaplimit one as vim.lsp.buf.code_action() would
  local res = vim.lsp.buf_request_sync(linux, 'textDocument/codeAction', {
    textDocument = { uri = vim.uri_from_bufnr(linux) },
    range = { start = { line = 7, character = 5 }, ['end'] = { line = 7, character = 5 } },
    context = { diagnostics = vim.lsp.diagnostic.get_line_diagnostics(linux, 7) },
  }, 5000) or {}
  local titles, chosen, client_id = {}, nil, nil
  for id, r in pairs(res) do
    for _, a in ipairs(r.result or {}) do
      table.insert(titles, a.title)
      if not chosen and a.title:lower():find('encaplimit none', 1, true) then chosen, client_id = a, id end
    end
  end
  emit('codeActions', { titles = titles, chosen = chosen and chosen.title or vim.NIL })
  if not chosen then return end
  local client = vim.lsp.get_client_by_id(client_id)
  -- Neovim 0.7 announces codeAction/resolve for `edit`: the edit comes when the action is picked.
  local resolved = false
  if not chosen.edit then
    local rr = client.request_sync('codeAction/resolve', chosen, 5000, linux)
    chosen = assert(rr and rr.result, 'codeAction/resolve answered nothing: ' .. vim.inspect(rr))
    resolved = true
  end
  emit('resolve', { resolved = resolved, hasEdit = chosen.edit ~= nil })
  vim.lsp.util.apply_workspace_edit(chosen.edit, client.offset_encoding or 'utf-16')

  -- 4. the new script: a buffer the README's BufNewFile autocmd attached; the finding goes away
  --    on both peers with no save; :wall then puts the script on disk.
  local script = ws .. '/linux/ifup-local'
  local sbuf = vim.fn.bufnr(script)
  local cleared = vim.wait(15000, function() return finding(linux) == nil and finding(cisco) == nil end, 20)
  local onDiskBefore = vim.fn.filereadable(script) == 1
  vim.cmd('silent! wall')
  emit('afterFix', { cleared = cleared, scriptBuffer = sbuf, scriptClients = sbuf > 0 and clients(sbuf) or {},
    scriptFiletype = sbuf > 0 and vim.bo[sbuf].filetype or vim.NIL, onDiskBeforeWrite = onDiskBefore,
    scriptExists = vim.fn.filereadable(script) == 1,
    script = vim.fn.filereadable(script) == 1 and table.concat(vim.fn.readfile(script), '\n') or vim.NIL,
    linuxLeft = #vim.diagnostic.get(linux), ciscoLeft = #vim.diagnostic.get(cisco) })
end)
if not ok then emit('error', { message = tostring(err) }) end

-- 5. every dialect's file names (test/e2e/dialectFiles.ts), opened as new files outside the
--    deployment: the README's autocmds attach the server to each
ok, err = pcall(function()
  local rows = vim.fn.json_decode(table.concat(vim.fn.readfile(vim.env.DIALECT_FILES), '\n'))
  local out = {}
  for _, row in ipairs(rows) do
    vim.cmd('edit ' .. vim.fn.fnameescape(vim.env.ELSEWHERE .. '/' .. row[1]))
    local b = vim.api.nvim_get_current_buf()
    table.insert(out, { row[1], clients(b) })
  end
  emit('dialects', { files = out })
end)
if not ok then emit('error', { message = 'dialects: ' .. tostring(err) }) end
io.stdout:write('DONE\n')
vim.cmd('qa!')
