/// girconv's version, as `girconv --version` prints it. Set by `scripts/release.sh X.Y.Z`, which writes it here,
/// commits and tags the release `vX.Y.Z`: the version printed is the release tag's (a test checks that it
/// equals the newest `v*` tag of the history it is built from).
enum GirconvVersion {
    static let current = "0.1.0"
}
