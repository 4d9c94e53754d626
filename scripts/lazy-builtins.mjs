/**
 * Node built-ins that vscode-languageserver's Node files require at their top level but use only on paths a
 * stdio server never takes, loaded at their first use instead (an esbuild plugin for the server bundle,
 * dist/server-node.cjs).
 *
 * Why: every module the server's thread loads before its first diagnostics is on the cold start's critical
 * path (issue 9, cold_start_ms). vscode-jsonrpc's node/main.js requires `crypto` for random pipe names
 * (--pipe transports only) and vscode-languageserver's node/files.js requires `child_process` to ask npm or
 * yarn where global modules are (its `resolve*` helpers, which the server never calls). In a worker thread
 * they load 18 and 8 internal modules: ≈ 26 M and 12 M instructions of the server's thread (callgrind,
 * docs/notes/issue-9-s17-s17cold.md).
 *
 * How: the file's `const NAME_1 = require("MODULE");` becomes a namespace whose properties load the module
 * when read. The files use these bindings only as `(0, NAME_1.member)(…)`, so a read of a property is the one
 * way in. The build fails when a file no longer holds its line exactly once (a dependency update): the
 * rewrite never silently stops applying.
 */

/** Which file, which built-in (the line `const <binding> = require("<module>");` it holds). */
export const LAZY_BUILTINS = [
  { file: /[\\/]vscode-jsonrpc[\\/]lib[\\/]node[\\/]main\.js$/, binding: 'crypto_1', module: 'crypto' },
  { file: /[\\/]vscode-languageserver[\\/]lib[\\/]node[\\/]files\.js$/, binding: 'child_process_1', module: 'child_process' },
];

/** `source` with each of `rewrites`' require lines made lazy; throws when a line is not there exactly once. */
export function lazyRequires(source, rewrites, file = '') {
  let out = source;
  for (const { binding, module } of rewrites) {
    const line = `const ${binding} = require(${JSON.stringify(module)});`;
    const count = out.split(line).length - 1;
    if (count !== 1) throw new Error(`lazy-builtins: ${file} holds \`${line}\` ${count} times, expected once (a dependency changed: check scripts/lazy-builtins.mjs)`);
    const lazy = `const ${binding} = new Proxy({}, { get: (_, key) => require(${JSON.stringify(module)})[key] });`;
    out = out.replace(line, () => lazy);
  }
  return out;
}

/** The esbuild plugin: the files of LAZY_BUILTINS loaded with their require lines made lazy. */
export function lazyBuiltinsPlugin() {
  return {
    name: 'lazy-builtins',
    setup(build) {
      build.onLoad({ filter: /[\\/]vscode-(?:jsonrpc|languageserver)[\\/]lib[\\/]node[\\/](?:main|files)\.js$/ }, async (args) => {
        const rewrites = LAZY_BUILTINS.filter((r) => r.file.test(args.path));
        if (rewrites.length === 0) return undefined;
        const { readFile } = await import('node:fs/promises');
        return { contents: lazyRequires(await readFile(args.path, 'utf8'), rewrites, args.path), loader: 'js' };
      });
    },
  };
}
