using Bulwark.Core;
using Bulwark.Posture;

namespace Bulwark.Engine;

/// <summary>Connects the scan to the posture check: the discovered files (texts already read are reused) and the CI findings.</summary>
internal static class ScanPosture
{
    /// <summary>Posture reads configuration and code; anything larger is not what it looks for.</summary>
    const long MaxPostureFileBytes = 4L * 1024 * 1024;

    public static PostureReport Assess(List<DiscoveredFile> files, SourceFile?[] loaded, List<Finding> findings, RuleSet rules)
    {
        var postureFiles = new List<PostureFile>(files.Count);
        for (int i = 0; i < files.Count; i++)
        {
            var d = files[i];
            var cached = loaded[i];
            postureFiles.Add(new PostureFile(d.RelativePath, () => cached?.Text.Text ?? (d.Length <= MaxPostureFileBytes ? Scanner.Load(d)?.Text.Text : null)));
        }
        bool ciRan = rules.Rules.Any(r => r.Info.Family == Family.Ci);
        var ci = ciRan ? findings.Where(f => f.Rule.Family == Family.Ci).ToList() : null;
        bool secrets = Rules.RuleCatalog.All.Any(r => r.Info.Family == Family.Secrets);
        return PostureAssessor.Assess(postureFiles, ci, secrets);
    }
}
