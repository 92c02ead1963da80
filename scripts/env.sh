# Sourced by the scripts: the tool paths every build and test uses.
# npm's wasm-opt (binaryen 132) must come before Debian's older one in /usr/bin.
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
# Chromium flags for running as root on a machine with no outside network.
export EASNET_CHROMIUM="${EASNET_CHROMIUM:-/usr/bin/chromium}"

# The page's release build (trunk build/serve --release) rebuilds the standard library for
# size: a panic traps at once instead of formatting a message (the page has no use for it:
# core never panics on user input, and there is no console to read it), no panic locations,
# std's size-optimised code. That is 11% less gzip (BENCHMARKS.md). The flags are unstable,
# so they are switched on with RUSTC_BOOTSTRAP for this build only, on the same stable
# toolchain; it needs the rust-src component (scripts/setup). Its own target directory keeps
# the host and test builds' caches apart. EASNET_PLAIN_STD=1 builds with the usual std, with
# panic messages, for debugging.
page_build_env() {
  if [ -n "${EASNET_PLAIN_STD:-}" ]; then
    return
  fi
  local flags="-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none"
  # Unstable flags can change between compilers: one that does not take them builds the page
  # with the usual std (larger, same behaviour) and says so, rather than failing.
  if ! RUSTC_BOOTSTRAP=1 rustc $flags --print cfg --target wasm32-unknown-unknown >/dev/null 2>&1 ||
    ! grep -qx rust-src <<<"$(rustup component list --installed 2>/dev/null)"; then
    echo "warning: $(rustc --version) or its rust-src cannot rebuild std for size; building the page with the usual std" >&2
    return
  fi
  export RUSTC_BOOTSTRAP=1
  export CARGO_UNSTABLE_BUILD_STD=std,panic_abort
  export CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size
  export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="$flags"
  export CARGO_TARGET_DIR="$PWD/target/page"
}
