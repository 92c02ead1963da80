# Sourced by the scripts: the tool paths every build and test uses.
# npm's wasm-opt (binaryen 132) must come before Debian's older one in /usr/bin.
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
# Chromium flags for running as root on a machine with no outside network.
export EASNET_CHROMIUM="${EASNET_CHROMIUM:-/usr/bin/chromium}"
