// The VS Code client of plan-lint: starts `plan-lint server` over stdio for the
// YAML files of the workspace; everything else (findings, hover, completion, quick
// fixes) is the server's.
const vscode = require('vscode');
const { LanguageClient } = require('vscode-languageclient/node');

let client;

function activate(context) {
  const config = vscode.workspace.getConfiguration('plan-lint');
  const command = config.get('path') || 'plan-lint';
  const lang = config.get('lang');
  client = new LanguageClient(
    'plan-lint',
    'plan-lint',
    { command, args: ['server'] },
    {
      documentSelector: [{ scheme: 'file', language: 'yaml' }],
      initializationOptions: lang ? { lang } : {},
    },
  );
  context.subscriptions.push({ dispose: () => client && client.stop() });
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
