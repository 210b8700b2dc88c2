using System.Text.Json;
using Json.Schema;

namespace Bulwark.Tests.Reports;

/// <summary>Validates JSON documents against a JSON Schema with JsonSchema.Net and lists every failure.</summary>
internal static class SchemaValidation
{
    public static JsonSchema Load(string path) =>
        // A private registry: the same $id may be loaded by several tests without clashing.
        JsonSchema.FromText(File.ReadAllText(path), new BuildOptions { SchemaRegistry = new SchemaRegistry() });

    /// <summary>Empty when the document is valid; otherwise "instance-location: error" lines.</summary>
    public static List<string> Errors(JsonSchema schema, string json)
    {
        using var doc = JsonDocument.Parse(json);
        var results = schema.Evaluate(doc.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        var errors = new List<string>();
        if (results.IsValid) return errors;
        Collect(results, errors);
        if (errors.Count == 0) errors.Add("invalid (no detail reported)");
        return errors;
    }

    static void Collect(EvaluationResults results, List<string> errors)
    {
        if (results.Errors is { } own)
            foreach (var (keyword, message) in own)
                errors.Add($"{results.InstanceLocation} ({results.EvaluationPath}) {keyword}: {message}");
        if (results.Details is { } details)
            foreach (var d in details) Collect(d, errors);
    }
}
