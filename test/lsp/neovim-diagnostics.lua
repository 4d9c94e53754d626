-- Opens $VANBAN_FILE in headless Neovim (0.7+), attaches the vanban server
-- ($VANBAN_SERVER run by node with --stdio) with vim.lsp.start_client, waits
-- for the server's publishDiagnostics, and prints what Neovim received as one
-- JSON line: {"ok":true,"diagnostics":[{lnum,col,end_lnum,end_col,severity,code,message}]}.
-- Neovim's columns are byte offsets; the test compares codes and lines.
local server = os.getenv('VANBAN_SERVER')
local file = os.getenv('VANBAN_FILE')
local got = false
local default_handler = vim.lsp.handlers['textDocument/publishDiagnostics']
vim.lsp.handlers['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
  default_handler(err, result, ctx, config)
  if result and result.uri == vim.uri_from_fname(file) then got = true end
end

local client_id = vim.lsp.start_client({
  name = 'vanban',
  cmd = { 'node', server, '--stdio' },
  root_dir = vim.fn.fnamemodify(file, ':h'),
})
assert(client_id, 'start_client failed')
vim.cmd('edit ' .. vim.fn.fnameescape(file))
local bufnr = vim.api.nvim_get_current_buf()
vim.lsp.buf_attach_client(bufnr, client_id)
local ok = vim.wait(30000, function() return got end, 50)

local out = {}
for _, d in ipairs(vim.diagnostic.get(bufnr)) do
  local code = d.code
  if code == nil and d.user_data and d.user_data.lsp then code = d.user_data.lsp.code end
  table.insert(out, { lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col, severity = d.severity, code = code, message = d.message })
end
io.stdout:write(vim.fn.json_encode({ ok = ok, diagnostics = out }) .. '\n')
vim.lsp.stop_client(client_id)
vim.wait(500)
vim.cmd('qa!')
