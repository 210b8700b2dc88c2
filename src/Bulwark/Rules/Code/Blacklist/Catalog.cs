using Bulwark.Rules.Code.Blacklist;

namespace Bulwark.Rules;

/// <summary>
/// Bandit's blacklists (B3xx calls, B4xx imports) and B324. Ids Bandit 1.9 has retired are not implemented:
/// B309 (HTTPSConnection), B320 (lxml), B322 (input), B325 (os.tempnam), B410 (import lxml), B414.
/// </summary>
public static partial class RuleCatalog
{
    static partial void AddBlacklist(List<IRule> rules)
    {
        rules.Add(new PickleDeserialization());
        rules.Add(new MarshalDeserialization());
        rules.Add(new InsecureHashConstructor());
        rules.Add(new InsecureCipher());
        rules.Add(new InsecureCipherMode());
        rules.Add(new TempfileMktemp());
        rules.Add(new EvalCall());
        rules.Add(new MarkSafe());
        rules.Add(new UrllibUrlopen());
        rules.Add(new UrlOpenUncheckedScheme());
        rules.Add(new PseudoRandom());
        rules.Add(new TelnetCall());
        rules.Add(new XmlCElementTree());
        rules.Add(new XmlElementTree());
        rules.Add(new XmlExpatReader());
        rules.Add(new XmlExpatBuilder());
        rules.Add(new XmlSax());
        rules.Add(new XmlMinidom());
        rules.Add(new XmlPulldom());
        rules.Add(new FtpCall());
        rules.Add(new UnverifiedSslContext());
        rules.Add(new HashlibInsecure());
        rules.Add(new ImportTelnetlib());
        rules.Add(new ImportFtplib());
        rules.Add(new ImportPickle());
        rules.Add(new ImportSubprocess());
        rules.Add(new ImportXmlEtree());
        rules.Add(new ImportXmlSax());
        rules.Add(new ImportXmlExpat());
        rules.Add(new ImportXmlMinidom());
        rules.Add(new ImportXmlPulldom());
        rules.Add(new ImportXmlrpclib());
        rules.Add(new ImportHttpoxy());
        rules.Add(new ImportPycrypto());
        rules.Add(new ImportPyghmi());
    }
}
