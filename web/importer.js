// The describe importer's Web Worker (crates/web/src/importer.rs starts it, crates/importer
// is its code): loaded only when a paste of `aliyun` describe output comes, so the page does
// not carry it otherwise. A module worker from the page's own origin, like everything else.
//
// One request, one answer: [paste, plan JSON, language tag, catalogue JSON] in,
// ["merged", plan JSON, summary JSON] or ["refused", why] out. A failure here (the .wasm not
// loaded) is thrown again outside the promise, where it reaches the page as the worker's
// `error` event (a rejected promise would not: the page would wait for ever).
import init, { import_network } from './easnet-importer.js';

self.onmessage = ({ data }) => {
  init({ module_or_path: './easnet-importer_bg.wasm' })
    .then(() => self.postMessage(import_network(...data)))
    .catch((e) => setTimeout(() => { throw e; }));
};
