-- A clerk's editor, headless: Neovim opens a report, starts `plan-lint server` for it,
-- waits for the diagnostics, writes them out, applies the code action that turns the
-- number written as text into a number, saves the report and quits.
-- (Neovim 0.7, Debian's: vim.lsp.start_client; vim.lsp.start came with 0.8.)
local bin, root, out = os.getenv('PLAN_LINT'), os.getenv('ROOT'), os.getenv('OUT')
local lines = {}
local function finish(code)
  local f = assert(io.open(out, 'w'))
  f:write(table.concat(lines, '\n') .. '\n')
  f:close()
  vim.cmd(code == 0 and 'qall!' or 'cquit ' .. code)
end

-- After the report named on the command line is loaded.
local function main()
local buf = vim.api.nvim_get_current_buf()
local client_id = vim.lsp.start_client({
  name = 'plan-lint',
  cmd = { bin, 'server' },
  root_dir = root,
  init_options = { lang = 'en' },
})
if not client_id then
  table.insert(lines, 'error: the server did not start')
  return finish(3)
end
vim.lsp.buf_attach_client(buf, client_id)

if not vim.wait(20000, function() return #vim.diagnostic.get(buf) > 0 end, 50) then
  table.insert(lines, 'error: no diagnostics')
  return finish(4)
end
local found = {}
for _, d in ipairs(vim.diagnostic.get(buf)) do
  table.insert(found, string.format('diagnostic %s %d %d', d.code or '?', d.lnum + 1, d.col + 1))
end
table.sort(found)
vim.list_extend(lines, found)

-- The code action at the number written as text (PL002).
local target
for _, d in ipairs(vim.diagnostic.get(buf)) do
  if d.code == 'PL002' then target = d end
end
if not target then
  table.insert(lines, 'error: no PL002')
  return finish(5)
end
vim.api.nvim_win_set_cursor(0, { target.lnum + 1, target.col })
local params = vim.lsp.util.make_range_params(0, 'utf-16')
params.context = { diagnostics = {} }
local results = vim.lsp.buf_request_sync(buf, 'textDocument/codeAction', params, 10000) or {}
local applied = false
for _, res in pairs(results) do
  for _, action in ipairs(res.result or {}) do
    if not applied and action.edit then
      table.insert(lines, 'action ' .. action.title)
      vim.lsp.util.apply_workspace_edit(action.edit, 'utf-16')
      applied = true
    end
  end
end
if not applied then
  table.insert(lines, 'error: no code action in ' .. vim.inspect(results):gsub('\n', ' '))
  return finish(6)
end
vim.cmd('write')
finish(0)
end

vim.api.nvim_create_autocmd('VimEnter', { callback = main, once = true })
