using System.Runtime.CompilerServices;
using Bulwark.Core;

namespace Bulwark.Secrets;

/// <summary>
/// Which files the secrets rules read and how: every text file is searched for credential formats; configuration-like
/// files (dotenv, INI, TOML, YAML, JSON, Docker, compose, shell, Terraform, CI files) and notebooks also for generic
/// `name = value` secrets. The scan of one file is done once and shared by the rules that report from it.
/// </summary>
public static class SecretFiles
{
    static readonly ConditionalWeakTable<SourceFile, List<SecretMatch>> Cache = new();

    /// <summary>The secrets in a file, scanned on first request (thread-safe; one scan per file).</summary>
    public static IReadOnlyList<SecretMatch> For(SourceFile file) =>
        Cache.GetValue(file, static f => SecretScanner.Scan(f.Text.Text, ModeFor(f.RelativePath)));

    static readonly HashSet<string> BinaryExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".png", ".jpg", ".jpeg", ".gif", ".bmp", ".ico", ".icns", ".webp", ".tif", ".tiff", ".svgz", ".psd",
        ".zip", ".gz", ".tgz", ".bz2", ".xz", ".zst", ".7z", ".rar", ".tar", ".whl", ".egg", ".jar", ".war",
        ".so", ".dylib", ".dll", ".exe", ".a", ".o", ".lib", ".pyd", ".pyc", ".pyo", ".class", ".wasm", ".node",
        ".pdf", ".doc", ".docx", ".xls", ".xlsx", ".ppt", ".pptx", ".odt", ".mo",
        ".ttf", ".otf", ".woff", ".woff2", ".eot", ".mp3", ".mp4", ".wav", ".ogg", ".flac", ".avi", ".mov", ".mkv", ".webm",
        ".npy", ".npz", ".pkl", ".pickle", ".h5", ".hdf5", ".parquet", ".feather", ".onnx", ".pt", ".pth", ".safetensors",
        ".bin", ".dat", ".db", ".sqlite", ".sqlite3", ".mdb", ".ipc", ".lock",
    };

    static readonly HashSet<string> ConfigExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".env", ".ini", ".cfg", ".conf", ".config", ".toml", ".yaml", ".yml", ".json", ".properties", ".tf", ".tfvars",
        ".hcl", ".sh", ".bash", ".zsh", ".ksh", ".ps1", ".bat", ".cmd", ".dockerfile", ".npmrc", ".pypirc", ".netrc",
        ".pgpass", ".s3cfg", ".credentials", ".secrets", ".xml", ".plist",
    };

    static readonly HashSet<string> ConfigNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "Dockerfile", "Containerfile", "Jenkinsfile", "Procfile", "Makefile", "Vagrantfile", ".npmrc", ".pypirc", ".netrc",
        ".pgpass", ".git-credentials", ".dockercfg", "credentials", "config", ".envrc", ".s3cfg", ".boto", ".htpasswd",
    };

    /// <summary>Read for secrets at all: every file but known binary formats (binary content is skipped after reading too).</summary>
    public static bool IsScannable(DiscoveredFile file) =>
        !BinaryExtensions.Contains(Path.GetExtension(file.RelativePath));

    /// <summary>`.env`, `.env.local`, `prod.env`, but not templates (`.env.example`, `.env.sample`, `.env.template`).</summary>
    public static bool IsDotenv(string relativePath)
    {
        var name = Path.GetFileName(relativePath).ToLowerInvariant();
        if (!(name == ".env" || name.StartsWith(".env.") || name.EndsWith(".env"))) return false;
        foreach (var t in (string[])["example", "sample", "template", "dist", "tpl", "tmpl", "defaults", "schema", ".in"])
            if (name.Contains(t)) return false;
        return true;
    }

    public static bool IsConfigLike(string relativePath)
    {
        var name = Path.GetFileName(relativePath);
        if (IsDotenv(relativePath) || name.StartsWith(".env", StringComparison.OrdinalIgnoreCase)) return true;
        if (ConfigNames.Contains(name)) return true;
        if (name.StartsWith("Dockerfile", StringComparison.OrdinalIgnoreCase) || name.StartsWith("docker-compose", StringComparison.OrdinalIgnoreCase)
            || name.StartsWith("compose.", StringComparison.OrdinalIgnoreCase)) return true;
        return ConfigExtensions.Contains(Path.GetExtension(name));
    }

    public static bool IsNotebook(string relativePath) => relativePath.EndsWith(".ipynb", StringComparison.OrdinalIgnoreCase);

    public static ScanMode ModeFor(string relativePath)
    {
        if (IsNotebook(relativePath)) return ScanMode.Formats | ScanMode.Generic | ScanMode.EscapedQuotes;
        if (IsConfigLike(relativePath)) return ScanMode.Formats | ScanMode.Generic | (relativePath.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? ScanMode.EscapedQuotes : 0);
        return ScanMode.Formats;
    }

    /// <summary>Django/Flask-style settings modules, where credentials belong in the environment instead.</summary>
    public static bool IsSettingsModule(string relativePath)
    {
        var name = Path.GetFileName(relativePath).ToLowerInvariant();
        if (name is "settings.py" or "config.py" or "configuration.py" or "conf.py" or "local_settings.py" or "secrets.py"
            || (name.StartsWith("settings_") && name.EndsWith(".py"))) return true;
        var dir = Path.GetFileName(Path.GetDirectoryName(relativePath) ?? "").ToLowerInvariant();
        return dir is "settings" or "config" && name.EndsWith(".py");
    }
}
