/// The standard indicator library, `Indicators/` of the source tree, built into the binary (the
/// EmbedFiles plugin writes its files as constants at build time): what every command uses
/// when neither `--indicators` nor `PTCE_INDICATORS` names another library.
public enum StandardLibrary {
    /// Each file (indicator files, `units.toml`, `questions.toml`, `README.md`): its name and its
    /// text, in name order.
    public static var files: [(name: String, text: String)] { embeddedFiles }
}
