# Sourced by the bench scripts that run `hearsay analyze`. A run reads models/ of the source
# tree unless HEARSAY_MODELS says otherwise, so a pull or rebase during a long bench could
# change the models between runs of one comparison. hearsay_snapshot_models DIR copies the
# models once into DIR/models and exports HEARSAY_MODELS pointing there (unless the caller
# already set HEARSAY_MODELS), then prints which models the bench reads and their digest.
hearsay_snapshot_models() {
  local dir=${1:?hearsay_snapshot_models TMPDIR}
  if [ -z "${HEARSAY_MODELS:-}" ]; then
    local src
    src="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/models"
    cp -r "$src" "$dir/models"
    export HEARSAY_MODELS="$dir/models"
  fi
  echo "models: $HEARSAY_MODELS (digest $(cat "$HEARSAY_MODELS"/*.hs* "$HEARSAY_MODELS"/*.hcm 2>/dev/null | sha256sum | cut -c1-16))"
}
