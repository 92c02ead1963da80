// Raw deflate (RFC 1951) through the browser's own streams, for the page's share links
// (crates/web/src/share_link.rs): the .wasm carries no deflate code of its own. Core packs the
// bytes into the link and unpacks them (`easnet_core::plan::share`), in the same format its
// own encoder writes natively (the tests, the hostile-plan examples).

/** `bytes` deflated. */
export async function deflateRaw(bytes) {
  const stream = new Blob([bytes]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** `bytes` inflated; `null` past `limit` bytes, read no further (a link built to exhaust
 * memory); a rejection when they are not raw deflate or are cut off. */
export async function inflateRaw(bytes, limit) {
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  const reader = stream.getReader();
  const chunks = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return new Uint8Array(await new Blob(chunks).arrayBuffer());
}

/** Copies the text a promise will give, started within the click that asks for it: Safari
 * copies text that is not ready yet only as a ClipboardItem holding a promise. Resolves to
 * whether it was copied. */
export function copyLater(text) {
  try {
    const blob = text.then((t) => new Blob([t], { type: 'text/plain' }));
    return navigator.clipboard.write([new ClipboardItem({ 'text/plain': blob })]).then(() => true, () => false);
  } catch {
    return Promise.resolve(false);
  }
}
