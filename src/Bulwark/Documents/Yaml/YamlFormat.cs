namespace Bulwark.Documents.Yaml;

/// <summary>Any YAML file, every document of it, through the bounded <see cref="YamlLoader"/>.</summary>
public sealed class YamlFormat : DocumentFormat<YamlFile>
{
    public static readonly YamlFormat Instance = new();

    YamlFormat() { }

    public override string Name => "YAML";

    public override YamlFile Parse(DocumentSource source)
    {
        try { return YamlLoader.Load(source.Text); }
        catch (YamlLoadException ex) { throw new DocumentException(ex.Message, ex.Line, ex.Column); }
    }
}
