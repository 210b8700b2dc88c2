using Bulwark.Core;

namespace Bulwark.Rules.Injection;

/// <summary>INJ001 — SQL injection: attacker-controlled data reaching a `sql` sink unsanitised.</summary>
public sealed class SqlInjection : TaintRule
{
    public override RuleInfo Info { get; } = new(
        Id: "INJ001", Name: "sql-injection", Family: Family.Injection,
        Severity: Severity.High, Confidence: Confidence.High, Cwe: 89,
        What: """
            Request data (or, with lower confidence, command-line input) that reaches a SQL statement unsanitised: DB-API `execute`/`executemany`/`executescript` on any driver (sqlite3, psycopg, psycopg2, PyMySQL, mysqlclient, mysql-connector, aiosqlite, asyncpg), SQLAlchemy `text()`/`exec_driver_sql`/string `execute`, Django `raw`/`extra`/`RawSQL`/`cursor().execute`, pandas `read_sql`. Values passed separately as query parameters (also SQLAlchemy's `text(...).bindparams(...)`), `psycopg.sql.Identifier`, numbers from `int()`, values checked against an allowlist or a restrictive regular expression, and Pydantic fields validated as numbers, UUIDs, a `Literal`, an `Enum` or against an anchored pattern are safe.
            """,
        Why: """
            Text spliced into SQL changes the statement: an attacker reads or modifies any data the database account can reach, and sometimes runs commands on the database server.
            """,
        Example: "@app.route(\"/user\")\ndef user():\n    name = request.args[\"name\"]\n    return db.execute(f\"SELECT * FROM users WHERE name = '{name}'\").fetchall()",
        Fix: "@app.route(\"/user\")\ndef user():\n    name = request.args[\"name\"]\n    return db.execute(\"SELECT * FROM users WHERE name = ?\", (name,)).fetchall()",
        References: ["https://cwe.mitre.org/data/definitions/89.html",
                     "https://cheatsheetseries.owasp.org/cheatsheets/Query_Parameterization_Cheat_Sheet.html"])
    {
        Compliance = Compliance.Injection,
        Aliases = ["B608", "S608"],
        Profiles = RuleProfile.Default,
        DifferencesFromBandit = """
            Bandit's B608 (BW608 in the default profile) flags SQL text built from any non-constant value, wherever it is built. This rule reports only when data from a request (or the command line) can reach the statement, follows it through helpers and modules, and reports at the call that runs the statement with the whole path; in the default profile it replaces BW608's finding on the same flow.
            """,
    };

    public override string SinkKind => "sql";
    public override string Weakness => "SQL injection";

    public override IReadOnlyList<string> Replaces { get; } = ["BW608", "B608", "B610", "B611"];
}
