// A fresh project outside the repository, as a developer starts one: @hearken/* come from `npm pack`
// tarballs; everything else (frameworks, their compilers, TypeScript) is linked from this repository's
// node_modules, so tests need no network. Needs `npm run build` first.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

export const repo = resolve('.');

export interface ConsumerProject {
  dir: string;
  /** Writes files (paths relative to the project; folders are made). */
  write(files: Record<string, string>): void;
  remove(): void;
}

/** Packs `packages` and unpacks them into node_modules/@hearken of a new temporary project. */
export function createConsumerProject(packages: string[] = ['client', 'widget']): ConsumerProject {
  const dir = mkdtempSync(join(tmpdir(), 'hearken-consumer-'));
  const modules = join(dir, 'node_modules');
  mkdirSync(join(modules, '@hearken'), { recursive: true });
  for (const name of readdirSync(join(repo, 'node_modules'))) {
    if (name !== '@hearken' && !name.startsWith('.')) symlinkSync(join(repo, 'node_modules', name), join(modules, name));
  }
  for (const name of packages) {
    const tarball = execFileSync('npm', ['pack', '--silent', '--pack-destination', dir], { cwd: join(repo, 'packages', name), encoding: 'utf8' }).trim().split('\n').pop()!;
    const target = join(modules, '@hearken', name);
    mkdirSync(target);
    execFileSync('tar', ['-xzf', join(dir, tarball), '-C', target, '--strip-components=1']);
  }
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  return {
    dir,
    write(files) {
      for (const [file, text] of Object.entries(files)) {
        mkdirSync(dirname(join(dir, file)), { recursive: true });
        writeFileSync(join(dir, file), text);
      }
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
