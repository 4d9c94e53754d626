/** The extension's command ids (contributed in package.json) and the code action kinds it asks the server for. */

export const COMMANDS = {
  newDocument: 'vanban.newDocument',
  renumber: 'vanban.renumber',
  fixAll: 'vanban.fixAll',
  showCitations: 'vanban.showCitations',
  chooseDocType: 'vanban.chooseDocType',
  checkWorkspace: 'vanban.checkWorkspace',
  exportDocx: 'vanban.exportDocx',
  openDocx: 'vanban.openDocx',
} as const;

/** Code action kinds the server offers (language-server/src/server/convert.ts). */
export const FIX_ALL_KIND = 'source.fixAll.vanban';
export const RENUMBER_KIND = 'refactor.rewrite.vanban.renumber';
