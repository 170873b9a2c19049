-- Headless Neovim 0.7 as a real LSP client of dist/server.js --stdio on the founding case.
-- Run by test/e2e/neovim.test.ts:
--   SERVER_JS=… WS=<copy of samples/founding-case> nvim --headless -u NONE -i NONE -n -c 'luafile neovim-lsp.lua'
-- Prints one line `RESULT <json>` per step for the test to check, and `DONE` at the end.
local function emit(step, data)
  data.step = step
  io.stdout:write('RESULT ' .. vim.fn.json_encode(data) .. '\n')
end
local ws = assert(vim.env.WS, 'WS is not set')
local server = assert(vim.env.SERVER_JS, 'SERVER_JS is not set')
local CODE = 'encaplimit-transport-interop'

local ok, err = pcall(function()
  vim.cmd('edit ' .. vim.fn.fnameescape(ws .. '/linux/ifcfg-tun10'))
  local bufnr = vim.api.nvim_get_current_buf()
  vim.bo[bufnr].filetype = 'ifcfg'
  local client_id = vim.lsp.start_client({
    name = 'tunnel-lens',
    cmd = { 'node', server, '--stdio' },
    root_dir = ws,
    workspace_folders = { { uri = vim.uri_from_fname(ws), name = 'founding-case' } },
  })
  vim.lsp.buf_attach_client(bufnr, client_id)
  local client = vim.lsp.get_client_by_id(client_id)

  -- 1. diagnostics: the founding finding, pushed (0.7 cannot pull)
  local function founding() 
    for _, d in ipairs(vim.lsp.diagnostic.get_line_diagnostics(bufnr, 7)) do
      if d.code == CODE then return d end
    end
  end
  vim.wait(15000, function() return founding() ~= nil end, 20)
  local all = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    table.insert(all, { line = d.lnum, col = d.col, severity = d.severity, message = d.message,
      code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code) })
  end
  local f = founding()
  emit('diagnostics', { diagnostics = all, founding = f and { line = f.range.start.line, severity = f.severity,
    related = f.relatedInformation and #f.relatedInformation or 0 } or vim.NIL,
    server = client.name, hover = client.server_capabilities.hoverProvider and true or false })

  -- 2. hover on TYPE=GRE6 (line 8)
  local hov = vim.lsp.buf_request_sync(bufnr, 'textDocument/hover',
    { textDocument = { uri = vim.uri_from_bufnr(bufnr) }, position = { line = 7, character = 1 } }, 5000) or {}
  local text = ''
  for _, r in pairs(hov) do
    local c = r.result and r.result.contents
    if type(c) == 'table' then text = text .. (c.value or vim.fn.json_encode(c)) elseif type(c) == 'string' then text = text .. c end
  end
  emit('hover', { text = text })

  -- 3. code actions for the finding; apply the encaplimit one
  local res = vim.lsp.buf_request_sync(bufnr, 'textDocument/codeAction', {
    textDocument = { uri = vim.uri_from_bufnr(bufnr) },
    range = { start = { line = 7, character = 5 }, ['end'] = { line = 7, character = 5 } },
    context = { diagnostics = vim.lsp.diagnostic.get_line_diagnostics(bufnr, 7) },
  }, 5000) or {}
  local titles, chosen = {}, nil
  for _, r in pairs(res) do
    for _, a in ipairs(r.result or {}) do
      table.insert(titles, a.title)
      if not chosen and a.edit and a.title:lower():find('encaplimit none', 1, true) then chosen = a end
    end
  end
  emit('codeActions', { titles = titles, chosen = chosen and chosen.title or vim.NIL })
  if not chosen then return end
  vim.lsp.util.apply_workspace_edit(chosen.edit, client.offset_encoding or 'utf-16')
  vim.cmd('silent! wall')
  -- What a user's FileType autocmd would do: attach the new script too, so the server sees it.
  local script = ws .. '/linux/ifup-local'
  local exists = vim.fn.filereadable(script) == 1
  if exists then
    local sbuf = vim.fn.bufadd(script)
    vim.fn.bufload(sbuf)
    vim.bo[sbuf].filetype = 'sh'
    vim.lsp.buf_attach_client(sbuf, client_id)
  end
  local cleared = vim.wait(15000, function() return founding() == nil end, 20)
  emit('afterFix', { cleared = cleared, scriptExists = exists,
    script = exists and table.concat(vim.fn.readfile(script), '\n') or vim.NIL })
  vim.lsp.stop_client(client_id)
end)
if not ok then emit('error', { message = tostring(err) }) end
io.stdout:write('DONE\n')
vim.cmd('qa!')
