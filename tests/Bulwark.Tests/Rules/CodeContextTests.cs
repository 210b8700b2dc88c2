using Bulwark.Core;
using Bulwark.Python;
using Bulwark.Rules;
using Bulwark.Semantics;

namespace Bulwark.Tests.Rules;

public class CodeContextTests
{
    sealed class Memo { public int Uses; }

    static CodeContext ContextFor(string source)
    {
        var parse = PythonParser.Parse(source);
        var file = new SourceFile("t.py", "t.py", new SourceText(source), true);
        return new CodeContext(file, parse, SemanticModel.Build(parse.Module), new ScanSettings(), []);
    }

    [Fact]
    public void Per_file_state_is_one_instance_per_file_context()
    {
        var one = ContextFor("import os\n");
        var other = ContextFor("import os\n");
        one.PerFile<Memo>().Uses++;
        one.PerFile<Memo>().Uses++;
        Assert.Equal(2, one.PerFile<Memo>().Uses);
        Assert.Equal(0, other.PerFile<Memo>().Uses);
        Assert.NotSame(one.PerFile<Memo>(), other.PerFile<Memo>());
    }
}
