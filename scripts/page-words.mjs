// The page's copy of each language's catalogue (dist/i18n/*.json), without the CLI's own
// words (`cli.*`: its messages and its --help, a tenth of each catalogue): a visit downloads
// only what the page can say. The catalogues in crates/core/i18n/ stay one per language, for
// every front end; crates/core/tests/catalogues.rs checks that nothing the page or core
// names is a `cli.` key.
//
// Run by Trunk after every build (Trunk.toml, [[hooks]]) on the staged catalogues; or by
// hand: node scripts/page-words.mjs DIR (a folder holding the catalogues).
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2] ?? join(process.env.TRUNK_STAGING_DIR, 'i18n');
for (const name of readdirSync(dir).filter((n) => n.endsWith('.json'))) {
  const path = join(dir, name);
  const words = JSON.parse(readFileSync(path, 'utf8'));
  const page = Object.fromEntries(Object.entries(words).filter(([key]) => !key.startsWith('cli.')));
  writeFileSync(path, `${JSON.stringify(page, null, 2)}\n`);
}
